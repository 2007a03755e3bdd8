// Policy pack "analyze-stack": a mandatory stack policy that allows at most one simple:index:Resource.
#include "pulumi/policy/policy.h"

#include <algorithm>

namespace policy = pulumi::policy;

int main(int argc, char** argv) {
  return policy::Main(argc, argv, [](pulumi::Context&) {
    return policy::PolicyPack(
        "analyze-stack", "1.0.0",
        {policy::StackValidationPolicy{.name = "stack-size",
                                       .description = "Stack must contain at most one simple:index:Resource",
                                       .enforcement_level = policy::EnforcementLevel::kMandatory,
                                       .validate =
                                           [](policy::StackValidationArgs const& args) {
                                             auto count = std::count_if(
                                                 args.resources.begin(), args.resources.end(),
                                                 [](auto const& r) { return r.type == "simple:index:Resource"; });
                                             if (count > 1)
                                               args.ReportViolation("Found an extra simple:index:Resource");
                                           }}},
        policy::EnforcementLevel::kMandatory);
  });
}
