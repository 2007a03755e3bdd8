// l2-resource-read-unknown: a read whose id is the id of a resource created in the same program (unknown
// during the preview).
#include "pulumi/pulumi.h"
#include "pulumi/read/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::read::Resource src(ctx, "src", {.value = true});
    auto res = pulumi::read::Resource::Get(ctx, "res", src.id(), {.lookup = "existing-key"});
    ctx.Export("resourceUrn", res.urn());
    ctx.Export("resourceId", res.id());
    ctx.Export("lookup", res.lookup());
    ctx.Export("value", res.value());
  });
}
