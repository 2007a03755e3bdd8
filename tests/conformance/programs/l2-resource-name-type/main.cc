// l2-resource-name-type: a resource's logical name and type token (PCL pulumiResourceName/Type).
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::simple::Resource res1(ctx, "res1", {.value = true});
    ctx.Export("name", res1.name());
    ctx.Export("type", res1.type());
  });
}
