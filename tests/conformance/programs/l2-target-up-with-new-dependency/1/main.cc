// l2-target-up-with-new-dependency, run 1 (targeting only targetOnly): "unrelated" now depends on a new
// resource "dep"; as neither is targeted, the engine keeps both as they were.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using pulumi::simple::Resource;
    Resource target_only(ctx, "targetOnly", {.value = true});
    // The PCL declares dep after unrelated; C++ declares it first to use it.
    Resource dep(ctx, "dep", {.value = true});
    Resource unrelated(ctx, "unrelated", {.value = true}, {.depends_on = {dep}});
  });
}
