// Policy pack "enforcement-config": an advisory policy (whose level the stack's policy config may change)
// that reports each simple:index:Resource whose value is true.
#include "pulumi/policy/policy.h"

namespace policy = pulumi::policy;

int main(int argc, char** argv) {
  return policy::Main(argc, argv, [](pulumi::Context&) {
    return policy::PolicyPack(
        "enforcement-config", "3.0.0",
        {policy::ResourceValidationPolicy{.name = "false",
                                          .description = "Verifies property is false",
                                          .enforcement_level = policy::EnforcementLevel::kAdvisory,
                                          .validate =
                                              [](policy::ResourceValidationArgs const& args) {
                                                if (args.resource.type != "simple:index:Resource") return;
                                                if (args.resource.properties.GetBool("value") == true) {
                                                  args.ReportViolation("Property was true");
                                                }
                                              }}},
        policy::EnforcementLevel::kAdvisory);
  });
}
