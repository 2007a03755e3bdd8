// Policy pack "invalid-policy": a policy named "all" (reserved for config), so the pack fails to start.
#include "pulumi/policy/policy.h"

#include <stdexcept>

namespace policy = pulumi::policy;

int main(int argc, char** argv) {
  return policy::Main(argc, argv, [](pulumi::Context&) {
    return policy::PolicyPack(
        "invalid-policy", "1.0.0",
        {policy::ResourceValidationPolicy{
            .name = "all",
            .description = "Invalid policy name",
            .enforcement_level = policy::EnforcementLevel::kAdvisory,
            .validate = [](policy::ResourceValidationArgs const&) { throw std::runtime_error("Should never run."); }}},
        policy::EnforcementLevel::kAdvisory);
  });
}
