// policy-invalid: one resource; the "invalid" policy pack fails to start, so the deployment fails.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) { pulumi::simple::Resource res1(ctx, "res1", {.value = true}); });
}
