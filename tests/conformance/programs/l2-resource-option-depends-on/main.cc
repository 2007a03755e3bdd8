// l2-resource-option-depends-on: an explicit dependency on another resource.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource no_depends_on(ctx, "noDependsOn", {.value = true});
    Resource with_depends_on(ctx, "withDependsOn", {.value = false}, {.depends_on = {no_depends_on}});
  });
}
