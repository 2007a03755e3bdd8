// l2-explicit-provider: a resource created through an explicit provider instance.
#include "pulumi/pulumi.h"
#include "pulumi/simple/provider.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::simple::Provider prov(ctx, "prov");
    pulumi::simple::Resource res(ctx, "res", {.value = true}, {.provider = prov});
  });
}
