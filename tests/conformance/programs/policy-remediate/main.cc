// policy-remediate: one resource whose value is true, which each run's policy config may remediate.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) { pulumi::simple::Resource res(ctx, "res", {.value = true}); });
}
