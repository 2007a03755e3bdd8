// l2-failed-create-continue-on-error: a resource whose create fails, resources that depend on it (by dependsOn and
// through its output) and one that does not.
#include "pulumi/fail_on_create/resource.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using pulumi::simple::Resource;
    pulumi::fail_on_create::Resource failing(ctx, "failing", {.value = false});
    Resource dependent(ctx, "dependent", {.value = true}, {.depends_on = {failing}});
    Resource dependent_on_output(ctx, "dependent_on_output", {.value = failing.value()});
    Resource independent(ctx, "independent", {.value = true});
    Resource double_dependency(ctx, "double_dependency", {.value = true},
                               {.depends_on = {independent, dependent_on_output}});
  });
}
