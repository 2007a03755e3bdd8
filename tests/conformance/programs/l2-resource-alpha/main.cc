// l2-resource-alpha: a resource of a provider with a prerelease version (3.0.0-alpha.1.internal+exp.sha...).
#include "pulumi/alpha/resource.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) { pulumi::alpha::Resource res(ctx, "res", {.value = true}); });
}
