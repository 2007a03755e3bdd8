// policy-dryrun: a resource whose value is true and one whose value is its negation (false), which the
// "dryrun" policy pack rejects during the preview only.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource res1(ctx, "res1", {.value = true});
    Resource res2(ctx, "res2", {.value = res1.value().Apply([](bool v) { return !v; })});
  });
}
