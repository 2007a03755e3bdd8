// l2-resource-const: a resource whose every property has a constant value in the schema.
#include "pulumi/constant/resource.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::constant::Resource first(ctx, "first", {.count = 3, .flag = true, .kind = "Constant", .ratio = 1.5});
    ctx.Export("kind", first.kind());
    ctx.Export("flag", first.flag());
    ctx.Export("count", first.count());
    ctx.Export("ratio", first.ratio());
  });
}
