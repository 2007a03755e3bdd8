// policy-simple: a resource whose value is true and one whose value is its negation (false), for the
// "simple" policy pack to warn about the first and reject the second.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource res1(ctx, "res1", {.value = true});
    Resource res2(ctx, "res2", {.value = res1.value().Apply([](bool v) { return !v; })});
  });
}
