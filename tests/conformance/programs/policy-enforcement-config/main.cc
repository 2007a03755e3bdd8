// policy-enforcement-config: one resource whose value is true, under the policy levels each run configures.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) { pulumi::simple::Resource res(ctx, "res", {.value = true}); });
}
