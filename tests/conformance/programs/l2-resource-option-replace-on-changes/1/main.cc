// l2-resource-option-replace-on-changes, run 1: the changes that must replace (schema or option marks the
// changed property), update (nothing marks it) or do nothing.
#include "pulumi/pulumi.h"
#include "pulumi/replaceonchanges/resource_a.h"
#include "pulumi/replaceonchanges/resource_b.h"

using pulumi::replaceonchanges::ResourceA;
using pulumi::replaceonchanges::ResourceB;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::ResourceOptions on_value{.replace_on_changes = {"value"}};
    ResourceA schema_replace(ctx, "schemaReplace", {.replace_prop = false, .value = true});
    ResourceB option_replace(ctx, "optionReplace", {.value = false}, on_value);
    ResourceA both_replace_value(ctx, "bothReplaceValue", {.replace_prop = true, .value = false}, on_value);
    ResourceA both_replace_prop(ctx, "bothReplaceProp", {.replace_prop = false, .value = true}, on_value);
    ResourceB regular_update(ctx, "regularUpdate", {.value = false});
    ResourceB no_change(ctx, "noChange", {.value = true}, on_value);
    ResourceA wrong_prop_change(ctx, "wrongPropChange", {.replace_prop = false, .value = true}, on_value);
    ResourceA multiple_prop_replace(ctx, "multiplePropReplace", {.replace_prop = true, .value = false},
                                    {.replace_on_changes = {"value", "replaceProp"}});
  });
}
