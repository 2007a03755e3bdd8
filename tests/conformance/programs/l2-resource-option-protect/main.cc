// l2-resource-option-protect: protected, explicitly unprotected and by default unprotected resources.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource protected_resource(ctx, "protected", {.value = true}, {.protect = true});
    Resource unprotected(ctx, "unprotected", {.value = true}, {.protect = false});
    Resource defaulted(ctx, "defaulted", {.value = true});
  });
}
