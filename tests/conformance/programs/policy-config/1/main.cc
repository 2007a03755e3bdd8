// policy-config, run 1: a resource whose value is false, against a policy config that allows true.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) { pulumi::simple::Resource res(ctx, "res", {.value = false}); });
}
