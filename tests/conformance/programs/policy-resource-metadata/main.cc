// policy-resource-metadata: one resource for each piece of metadata the "resource-metadata" pack checks:
// identity, each resource option, an explicit provider, a parent, dependsOn and a property dependency.
#include "pulumi/pulumi.h"
#include "pulumi/simple/provider.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::simple::Provider prov(ctx, "prov");
    Resource identity(ctx, "identity", {.value = true});
    Resource protected_resource(ctx, "protected", {.value = true}, {.protect = true});
    Resource ignore_changes(ctx, "ignoreChanges", {.value = true}, {.ignore_changes = {"value"}});
    Resource delete_before_replace(ctx, "deleteBeforeReplace", {.value = true}, {.delete_before_replace = true});
    Resource secret_output(ctx, "secretOutput", {.value = true}, {.additional_secret_outputs = {"value"}});
    Resource custom_timeouts(ctx, "customTimeouts", {.value = true},
                             {.custom_timeouts = pulumi::CustomTimeouts{.create = "5m"}});
    Resource explicit_provider(ctx, "explicitProvider", {.value = true}, {.provider = prov});
    Resource parent(ctx, "parent", {.value = true});
    Resource child(ctx, "child", {.value = true}, {.parent = parent});
    Resource dependency(ctx, "dependency", {.value = true});
    Resource depends_on(ctx, "dependsOn", {.value = true}, {.depends_on = {dependency}});
    Resource property_dependency(ctx, "propertyDependency", {.value = dependency.value()});
  });
}
