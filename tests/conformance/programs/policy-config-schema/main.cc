// policy-config-schema: resY (value true) and resN (value false), checked by the "config-schema" pack for
// the resources its config names.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource res_y(ctx, "resY", {.value = true});
    Resource res_n(ctx, "resN", {.value = false});
  });
}
