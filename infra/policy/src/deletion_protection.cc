// prod's stateful resources and services refuse deletion (APEX-14): what apex-services and apex-databases set
// from apex:deletionProtection, which RequireProdDeletionProtection keeps on in prod. Cloud SQL and secrets have
// policies of their own (cloud_sql.cc, secrets.cc).
#include "apex/gcp_types.h"
#include "policies.h"
#include "policy_support.h"

#include <map>

namespace apex::policy {
namespace {

// The provider's default of deletionProtection per type.
std::map<std::string, bool> const kDefaults = {
    {gcp::kRedisInstance, true}, {gcp::kRunService, true}, {gcp::kRunJob, true},
    {gcp::kRunWorkerPool, true}, {gcp::kInstance, false},
};

void ProdDeletionProtection(PackOptions const& options, pp::ResourceValidationArgs const& args) {
  if (!options.prod || options.decommission) return;
  auto protection = args.resource.properties.GetBool("deletionProtection");
  bool fallback = kDefaults.at(args.resource.type);
  if (!protection.value_or(fallback)) {
    args.ReportViolation(std::string("deletionProtection is ") +
                         (protection ? "false" : "not set (the provider's default is false)") +
                         ": a pulumi up or destroy may delete this prod resource");
  }
}

}  // namespace

Policies DeletionProtectionPolicies(PackOptions const& options) {
  std::vector<std::string> types;
  for (auto const& [type, fallback] : kDefaults) types.push_back(type);
  return {
      ForTypes("prod-deletion-protection",
               "prod Redis instances, VMs and Cloud Run services, jobs and worker pools are protected from deletion: "
               "deletionProtection (APEX-14)",
               types, [options](pp::ResourceValidationArgs const& args) { ProdDeletionProtection(options, args); }),
  };
}

}  // namespace apex::policy
