// l2-target-up-with-new-dependency, run 0: two independent resources.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::simple::Resource target_only(ctx, "targetOnly", {.value = true});
    pulumi::simple::Resource unrelated(ctx, "unrelated", {.value = true});
  });
}
