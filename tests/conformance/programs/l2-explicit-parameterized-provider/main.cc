// l2-explicit-parameterized-provider: an explicit provider of a parameterized package (the parameterized
// plugin given "Goodbye") and a resource that uses it.
#include "pulumi/goodbye/goodbye.h"
#include "pulumi/goodbye/provider.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::goodbye::Provider prov(ctx, "prov", {.text = "World"});
    // The resource's name comes from the parameter value.
    pulumi::goodbye::Goodbye res(ctx, "res", {}, {.provider = prov});
    // The value comes from the parameter and the provider's config.
    ctx.Export("parameterValue", res.parameter_value());
  });
}
