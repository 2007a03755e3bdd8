// l2-resource-read: reads an existing resource of the read provider by id, looked up with its state.
#include "pulumi/pulumi.h"
#include "pulumi/read/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    auto res = pulumi::read::Resource::Get(ctx, "res", "existing-id", {.lookup = "existing-key"});
    ctx.Export("resourceId", res.id());
    ctx.Export("resourceUrn", res.urn());
    ctx.Export("lookup", res.lookup());
    ctx.Export("value", res.value());
  });
}
