// l2-resource-option-replace-with: a resource replaced whenever another is, and one that is not.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource target(ctx, "target", {.value = true});
    Resource replace_with(ctx, "replaceWith", {.value = true}, {.replace_with = {target}});
    Resource not_replace_with(ctx, "notReplaceWith", {.value = true});
  });
}
