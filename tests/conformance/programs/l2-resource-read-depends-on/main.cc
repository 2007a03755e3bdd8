// l2-resource-read-depends-on: a read that depends on a resource created in the same program.
#include "pulumi/pulumi.h"
#include "pulumi/read/resource.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::simple::Resource src(ctx, "src", {.value = true});
    auto res =
        pulumi::read::Resource::Get(ctx, "res", "existing-id", {.lookup = "existing-key"}, {.depends_on = {src}});
    ctx.Export("resourceUrn", res.urn());
    ctx.Export("resourceId", res.id());
    ctx.Export("lookup", res.lookup());
    ctx.Export("value", res.value());
  });
}
