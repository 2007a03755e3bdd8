// l2-resource-option-version: resources pinned to simple 2.0.0 and 26.0.0 by the version option, and one
// with the version of the SDK it is written against (simple 26.0.0).
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource with_v2(ctx, "withV2", {.value = true}, {.version = "2.0.0"});
    Resource with_v26(ctx, "withV26", {.value = false}, {.version = "26.0.0"});
    Resource with_default(ctx, "withDefault", {.value = true});
  });
}
