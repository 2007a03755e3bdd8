// Policy pack "dryrun": during a preview only, a mandatory error for each simple:index:Resource whose value
// is false.
#include "pulumi/policy/policy.h"

namespace policy = pulumi::policy;

int main(int argc, char** argv) {
  return policy::Main(argc, argv, [](pulumi::Context& ctx) {
    bool preview = ctx.dry_run();
    return policy::PolicyPack(
        "dryrun", "1.0.0",
        {policy::ResourceValidationPolicy{.name = "dry",
                                          .description = "Verifies properties are true on dryrun",
                                          .enforcement_level = policy::EnforcementLevel::kMandatory,
                                          .validate =
                                              [preview](policy::ResourceValidationArgs const& args) {
                                                if (args.resource.type != "simple:index:Resource") return;
                                                if (preview && args.resource.properties.GetBool("value") == false) {
                                                  args.ReportViolation("This is a test error");
                                                }
                                              }}},
        policy::EnforcementLevel::kAdvisory);
  });
}
