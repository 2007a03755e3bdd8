// l2-resource-option-retain-on-delete: retained, explicitly not retained and by default not retained resources.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource retain_on_delete(ctx, "retainOnDelete", {.value = true}, {.retain_on_delete = true});
    Resource not_retain_on_delete(ctx, "notRetainOnDelete", {.value = true}, {.retain_on_delete = false});
    Resource defaulted(ctx, "defaulted", {.value = true});
  });
}
