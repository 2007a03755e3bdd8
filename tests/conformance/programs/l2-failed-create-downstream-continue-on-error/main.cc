// l2-failed-create-downstream-continue-on-error: the outputs of a resource whose create fails are unknown,
// and the program goes on (its dependent is skipped by the engine, the stack output stays unknown).
#include "pulumi/fail_on_create/resource.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using pulumi::simple::Resource;
    pulumi::fail_on_create::Resource failing(ctx, "failing", {.value = false});
    Resource dependent(ctx, "dependent", {.value = failing.value()});
    Resource independent(ctx, "independent", {.value = true});
    ctx.Export("failingValue", failing.value());
  });
}
