// l2-resource-keyword-overlap: resources and outputs named after keywords of various languages; in C++
// `class`, `export`, `import`, `this` and `if` are keywords, so their variables take a trailing underscore.
// Each output is the resource itself (a resource reference).
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using pulumi::simple::Resource;
    Resource class_(ctx, "class", {.value = true});
    ctx.Export("class", pulumi::ReferenceTo(class_));
    Resource export_(ctx, "export", {.value = true});
    ctx.Export("export", pulumi::ReferenceTo(export_));
    Resource mod(ctx, "mod", {.value = true});
    ctx.Export("mod", pulumi::ReferenceTo(mod));
    Resource import_(ctx, "import", {.value = true});
    // (The PCL does not export "import" either: pulumi/pulumi#18246.)
    Resource object(ctx, "object", {.value = true});
    ctx.Export("object", pulumi::ReferenceTo(object));
    Resource self(ctx, "self", {.value = true});
    ctx.Export("self", pulumi::ReferenceTo(self));
    Resource this_(ctx, "this", {.value = true});
    ctx.Export("this", pulumi::ReferenceTo(this_));
    Resource if_(ctx, "if", {.value = true});
    ctx.Export("if", pulumi::ReferenceTo(if_));
  });
}
