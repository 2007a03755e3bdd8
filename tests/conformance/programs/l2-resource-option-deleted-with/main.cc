// l2-resource-option-deleted-with: a resource deleted with another, and one that is not.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource target(ctx, "target", {.value = true});
    Resource deleted_with(ctx, "deletedWith", {.value = true}, {.deleted_with = target});
    Resource not_deleted_with(ctx, "notDeletedWith", {.value = true});
  });
}
