// l2-resource-read-id-rewrite: reads whose provider answers with another id than the one asked for.
#include "pulumi/pulumi.h"
#include "pulumi/read_id_rewrite/resource.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using pulumi::read_id_rewrite::Resource;
    auto res = Resource::Get(ctx, "res", "existing-id", {.lookup = "existing-key"});
    pulumi::simple::Resource src(ctx, "src", {.value = true});
    auto unknown_res = Resource::Get(ctx, "unknownRes", src.id(), {.lookup = "another-key"});
    ctx.Export("resourceId", res.id());
    ctx.Export("lookup", res.lookup());
    ctx.Export("unknownResourceId", unknown_res.id());
    ctx.Export("unknownLookup", unknown_res.lookup());
  });
}
