// l2-resource-option-replacement-trigger, run 1: the triggers change (a new string, a new secret), and one is
// now another resource's output, unknown while that resource is being updated in the preview.
#include "pulumi/output/resource.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <vector>

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource replacement_trigger(ctx, "replacementTrigger", {.value = true}, {.replacement_trigger = "test2"});
    pulumi::output::Resource unknown(ctx, "unknown", {.value = 2});
    Resource unknown_replacement_trigger(ctx, "unknownReplacementTrigger", {.value = true},
                                         {.replacement_trigger = unknown.output()});
    Resource not_replacement_trigger(ctx, "notReplacementTrigger", {.value = true});
    Resource secret_replacement_trigger(
        ctx, "secretReplacementTrigger", {.value = true},
        {.replacement_trigger = pulumi::MakeSecret(pulumi::MakeOutput(std::vector<int>{3, 2, 1}))});
  });
}
