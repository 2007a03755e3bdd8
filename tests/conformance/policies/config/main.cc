// Policy pack "config": a mandatory error for each simple:index:Resource whose value differs from the
// policy's configured `value`.
#include "pulumi/policy/policy.h"

#include <string>

namespace policy = pulumi::policy;

int main(int argc, char** argv) {
  return policy::Main(argc, argv, [](pulumi::Context&) {
    return policy::PolicyPack(
        "config", "2.0.0",
        {policy::ResourceValidationPolicy{.name = "allowed",
                                          .description = "Verifies properties",
                                          .enforcement_level = policy::EnforcementLevel::kMandatory,
                                          .validate =
                                              [](policy::ResourceValidationArgs const& args) {
                                                if (args.resource.type != "simple:index:Resource") return;
                                                bool want = args.config.at("value").get<bool>();
                                                auto value = args.resource.properties.GetBool("value");
                                                if (value && *value != want) {
                                                  args.ReportViolation(std::string("Property was ") +
                                                                       (*value ? "true" : "false"));
                                                }
                                              }}},
        policy::EnforcementLevel::kMandatory);
  });
}
