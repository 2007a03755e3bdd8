// l2-logical-name: config keys, resource names and stack outputs that are not C++ identifiers pass through
// unchanged (the PCL's __logicalName).
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    bool config_lexical_name = config.RequireBool("cC-Charlie_charlie.😃⁉️");
    pulumi::simple::Resource resource_lexical_name(ctx, "aA-Alpha_alpha.🤯⁉️", {.value = config_lexical_name});
    ctx.Export("bB-Beta_beta.💜⁉", resource_lexical_name.value());
    ctx.Export("dD-Delta_delta.🔥⁉", resource_lexical_name.value());
  });
}
