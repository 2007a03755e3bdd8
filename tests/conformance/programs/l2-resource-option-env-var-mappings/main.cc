// l2-resource-option-env-var-mappings: an explicit provider with environment variable mappings.
#include "pulumi/pulumi.h"
#include "pulumi/simple/provider.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::simple::Provider prov(ctx, "prov", {},
                                  {.env_var_mappings = {{"MY_VAR", "PROVIDER_VAR"}, {"OTHER_VAR", "TARGET_VAR"}}});
  });
}
