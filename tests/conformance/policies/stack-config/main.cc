// Policy pack "stack-config": a mandatory policy named after the stack's boolean config `value` that
// reports each simple:index:Resource whose value differs from it.
#include "pulumi/config.h"
#include "pulumi/policy/policy.h"

#include <string>

namespace policy = pulumi::policy;

int main(int argc, char** argv) {
  return policy::Main(argc, argv, [](pulumi::Context& ctx) {
    bool want = pulumi::Config(ctx).RequireBool("value");
    std::string const text = want ? "true" : "false";
    return policy::PolicyPack(
        "stack-config", "2.0.0",
        {policy::ResourceValidationPolicy{.name = "validate-" + text,
                                          .description = "Verifies property is " + text,
                                          .enforcement_level = policy::EnforcementLevel::kMandatory,
                                          .validate =
                                              [want](policy::ResourceValidationArgs const& args) {
                                                if (args.resource.type != "simple:index:Resource") return;
                                                auto value = args.resource.properties.GetBool("value");
                                                if (value && *value != want) {
                                                  args.ReportViolation(std::string("Property was ") +
                                                                       (*value ? "true" : "false"));
                                                }
                                              }}},
        policy::EnforcementLevel::kMandatory);
  });
}
