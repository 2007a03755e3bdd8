// l2-resource-parent-inheritance: children inherit their parent's provider, protect and retainOnDelete
// unless they set their own; resources without a parent use the default provider and flags.
#include "pulumi/pulumi.h"
#include "pulumi/simple/provider.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using pulumi::simple::Resource;
    pulumi::simple::Provider provider(ctx, "provider");
    Resource parent1(ctx, "parent1", {.value = true}, {.provider = provider});
    Resource child1(ctx, "child1", {.value = true}, {.parent = parent1});
    Resource orphan1(ctx, "orphan1", {.value = true});
    Resource parent2(ctx, "parent2", {.value = true}, {.protect = true, .retain_on_delete = true});
    Resource child2(ctx, "child2", {.value = true}, {.parent = parent2});
    Resource child3(ctx, "child3", {.value = true}, {.parent = parent2, .protect = false, .retain_on_delete = false});
    Resource orphan2(ctx, "orphan2", {.value = true});
  });
}
