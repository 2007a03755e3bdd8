// l2-engine-update-options: two resources; the run targets only "target" (an engine update option).
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::simple::Resource target(ctx, "target", {.value = true});
    pulumi::simple::Resource other(ctx, "other", {.value = true});
  });
}
