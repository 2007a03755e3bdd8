// Policy pack "unknowns": an advisory report of each simple:index:Resource's value, secret or not; a value
// not known yet (a preview) makes the SDK report that the policy can't run.
#include "pulumi/policy/policy.h"

#include <string>

namespace policy = pulumi::policy;

int main(int argc, char** argv) {
  return policy::Main(argc, argv, [](pulumi::Context&) {
    return policy::PolicyPack("unknowns", "1.0.0",
                              {policy::ResourceValidationPolicy{
                                  .name = "report",
                                  .description = "Reports the value of each simple:index:Resource",
                                  .enforcement_level = policy::EnforcementLevel::kAdvisory,
                                  .validate =
                                      [](policy::ResourceValidationArgs const& args) {
                                        if (args.resource.type != "simple:index:Resource") return;
                                        if (auto value = args.resource.properties.GetBool("value")) {
                                          args.ReportViolation(std::string("value is ") + (*value ? "true" : "false"));
                                        }
                                      }}},
                              policy::EnforcementLevel::kAdvisory);
  });
}
