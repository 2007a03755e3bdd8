// policy-stack-tags: one resource whose value is true, against each run's stack tag value.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) { pulumi::simple::Resource res(ctx, "res", {.value = true}); });
}
