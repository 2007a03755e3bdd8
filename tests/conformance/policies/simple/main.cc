// Policy pack "simple": an advisory warning for each simple:index:Resource whose value is true, a mandatory
// error for each whose value is false.
#include "pulumi/policy/policy.h"

namespace policy = pulumi::policy;

int main(int argc, char** argv) {
  return policy::Main(argc, argv, [](pulumi::Context&) {
    return policy::PolicyPack(
        "simple", "1.0.0",
        {policy::ResourceValidationPolicy{.name = "truthiness",
                                          .description = "Verifies properties are true",
                                          .enforcement_level = policy::EnforcementLevel::kAdvisory,
                                          .validate =
                                              [](policy::ResourceValidationArgs const& args) {
                                                if (args.resource.type != "simple:index:Resource") return;
                                                if (args.resource.properties.GetBool("value") == true) {
                                                  args.ReportViolation("This is a test warning");
                                                }
                                              }},
         policy::ResourceValidationPolicy{.name = "falsiness",
                                          .description = "Verifies properties are false",
                                          .enforcement_level = policy::EnforcementLevel::kMandatory,
                                          .validate =
                                              [](policy::ResourceValidationArgs const& args) {
                                                if (args.resource.type != "simple:index:Resource") return;
                                                if (args.resource.properties.GetBool("value") == false) {
                                                  args.ReportViolation("This is a test error");
                                                }
                                              }}},
        policy::EnforcementLevel::kAdvisory);
  });
}
