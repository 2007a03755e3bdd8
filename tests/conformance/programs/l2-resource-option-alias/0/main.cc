// l2-resource-option-alias, first run: the resources as they were before being renamed, re-parented and
// re-typed.
#include "pulumi/component/custom.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using pulumi::simple::Resource;
    Resource parent(ctx, "parent", {.value = true});
    Resource alias_urn(ctx, "aliasURN", {.value = true});
    Resource alias_name(ctx, "aliasName", {.value = true});
    Resource alias_no_parent(ctx, "aliasNoParent", {.value = true});
    Resource alias_parent(ctx, "aliasParent", {.value = true}, {.parent = alias_urn});
    pulumi::component::Custom alias_type(ctx, "aliasType", {.value = "true"});
  });
}
