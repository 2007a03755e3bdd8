// Policy pack "remediate": a remediation policy that sets the value of each simple:index:Resource to the
// policy's configured `value`.
#include "pulumi/policy/policy.h"

#include <optional>

namespace policy = pulumi::policy;

int main(int argc, char** argv) {
  return policy::Main(argc, argv, [](pulumi::Context&) {
    return policy::PolicyPack(
        "remediate", "3.0.0",
        {policy::ResourceRemediationPolicy{
            .name = "fixup",
            .description = "Sets property to config",
            // Remediation policies run only at this level (other SDKs give them no other default).
            .enforcement_level = policy::EnforcementLevel::kRemediate,
            .remediate = [](policy::ResourceRemediationArgs const& args) -> std::optional<pulumi::PropertyMap> {
              if (args.resource.type != "simple:index:Resource") return std::nullopt;
              bool want = args.config.at("value").get<bool>();
              auto value = args.resource.properties.GetBool("value");
              if (!value || *value == want) return std::nullopt;
              return pulumi::PropertyMap{{"value", want}};
            }}},
        policy::EnforcementLevel::kAdvisory);
  });
}
