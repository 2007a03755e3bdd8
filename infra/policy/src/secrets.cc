// Secret Manager secrets: replication set, and prod secrets protected from deletion (APEX-12, APEX-13).
#include "apex/gcp_types.h"
#include "policies.h"
#include "policy_support.h"

namespace apex::policy {
namespace {

void Replication(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  if (IsSet(p, "replication.auto") || ListSize(p, "replication.userManaged.replicas") > 0) return;
  args.ReportViolation("replication has neither auto nor userManaged replicas: secret " +
                       p.GetString("secretId").value_or(args.resource.name) + " is not replicated");
}

void ProdDeletionProtection(PackOptions const& options, pp::ResourceValidationArgs const& args) {
  if (!options.prod || options.decommission) return;
  auto const& p = args.resource.properties;
  auto protection = p.GetBool("deletionProtection");
  if (!protection.value_or(false)) {
    args.ReportViolation(std::string("deletionProtection is ") +
                         (protection ? "false" : "not set (the provider's default is false)") + ": prod secret " +
                         p.GetString("secretId").value_or(args.resource.name) + " may be deleted with its versions");
  }
}

}  // namespace

Policies SecretPolicies(PackOptions const& options) {
  std::vector<std::string> const secrets = {gcp::kSecret};
  return {
      ForTypes("secret-replication", "Secret Manager secrets set their replication: auto or user-managed (APEX-12)",
               secrets, Replication),
      ForTypes("secret-prod-deletion-protection",
               "prod Secret Manager secrets are protected from deletion: deletionProtection (APEX-13)", secrets,
               [options](pp::ResourceValidationArgs const& args) { ProdDeletionProtection(options, args); }),
  };
}

}  // namespace apex::policy
