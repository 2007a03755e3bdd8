// l2-resource-option-version-sdk: a resource of the simple 2.0.0 SDK with the version option naming that
// same version (the suite also loads simple 26.0.0).
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run(
      [](pulumi::Context& ctx) { Resource with_v2(ctx, "withV2", {.value = true}, {.version = "2.0.0"}); });
}
