// l2-resource-schema-secret: an output the schema marks secret is secret, also while unknown in a preview
// (whether the provider returns it as unknown or leaves it out).
#include "pulumi/output/provider.h"
#include "pulumi/output/resource.h"
#include "pulumi/pulumi.h"

namespace output = pulumi::output;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    output::Provider prov_elided(ctx, "provElided", {.elide_unknowns = true});
    output::Provider prov_not_elided(ctx, "provNotElided");
    output::Resource top_level_elided(ctx, "topLevelElided", {.value = 1}, {.provider = prov_elided});
    output::Resource top_level_not_elided(ctx, "topLevelNotElided", {.value = 1}, {.provider = prov_not_elided});

    ctx.Export("topLevelElided", top_level_elided.secret_output());
    ctx.Export("topLevelNotElided", top_level_not_elided.secret_output());
  });
}
