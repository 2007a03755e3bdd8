// l2-resource-option-replacement-trigger, run 0: replacement triggers given as a string, a secret, and (for
// now) a plain string where run 1 uses another resource's output.
#include "pulumi/output/resource.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <vector>

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource replacement_trigger(ctx, "replacementTrigger", {.value = true}, {.replacement_trigger = "test"});
    pulumi::output::Resource unknown(ctx, "unknown", {.value = 1});
    Resource unknown_replacement_trigger(ctx, "unknownReplacementTrigger", {.value = true},
                                         {.replacement_trigger = "hellohello"});
    Resource not_replacement_trigger(ctx, "notReplacementTrigger", {.value = true});
    Resource secret_replacement_trigger(
        ctx, "secretReplacementTrigger", {.value = true},
        {.replacement_trigger = pulumi::MakeSecret(pulumi::MakeOutput(std::vector<int>{1, 2, 3}))});
  });
}
