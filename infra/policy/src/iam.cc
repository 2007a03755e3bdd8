// Project IAM: no basic roles, no admin roles for service accounts, no project-wide impersonation, no grants to
// the default service accounts, no user-managed service account keys (policy-checks row 25). The deployer that
// apex-bootstrap creates needs admin roles to deploy (bootstrap_config.cc says why each one); the config
// property exemptServiceAccounts names such accounts.
#include "apex/gcp_types.h"
#include "policies.h"
#include "policy_support.h"

namespace apex::policy {
namespace {

std::vector<std::string> const kProjectGrants = {gcp::kProjectIamMember, gcp::kProjectIamBinding};
std::vector<std::string> const kExempt = {"apex-deployer"};

bool IsBasicRole(std::string const& role) {
  return role == "roles/owner" || role == "roles/editor" || role == "roles/viewer";
}

bool IsAdminRole(std::string const& role) {
  return role == "roles/owner" || role == "roles/editor" || Lower(role).find("admin") != std::string::npos;
}

bool IsImpersonationRole(std::string const& role) {
  return role == "roles/iam.serviceAccountUser" || role == "roles/iam.serviceAccountTokenCreator";
}

// "serviceAccount:apex-db-neo4j@p.iam.gserviceaccount.com" -> "apex-db-neo4j"; "" for other members.
std::string AccountId(std::string const& member) {
  if (member.rfind("serviceAccount:", 0) != 0) return "";
  auto email = member.substr(15);
  return email.substr(0, email.find('@'));
}

bool IsDefaultServiceAccount(std::string const& member) {
  return member.rfind("serviceAccount:", 0) == 0 && (member.ends_with("-compute@developer.gserviceaccount.com") ||
                                                     member.ends_with("@appspot.gserviceaccount.com"));
}

/// Calls `check(member, role)` for the member, or each member of a binding.
template <typename Check>
void ForEachGrant(pp::ResourceValidationArgs const& args, Check check) {
  auto const& p = args.resource.properties;
  std::string role = p.GetString("role").value_or("");
  if (args.resource.type == gcp::kProjectIamMember) {
    check(p.GetString("member").value_or(""), role);
    return;
  }
  for (std::size_t i = 0, n = ListSize(p, "members"); i < n; ++i) {
    check(p.GetString("members[" + std::to_string(i) + "]").value_or(""), role);
  }
}

pp::ConfigSchema ExemptSchema() {
  return {.properties = {{"exemptServiceAccounts",
                          StringListSchema("ids of service accounts that need these roles (the deployer)", kExempt)}}};
}

void NoBasicRoles(pp::ResourceValidationArgs const& args) {
  // The role alone decides: read it before any member that may not be known yet.
  if (!IsBasicRole(args.resource.properties.GetString("role").value_or(""))) return;
  ForEachGrant(args, [&](std::string const& member, std::string const& role) {
    args.ReportViolation(role + " is a basic role, granted to " + member + "; grant predefined roles instead");
  });
}

void NoAdminServiceAccounts(pp::ResourceValidationArgs const& args) {
  if (!IsAdminRole(args.resource.properties.GetString("role").value_or(""))) return;
  auto exempt = ConfigStrings(args.config, "exemptServiceAccounts", kExempt);
  ForEachGrant(args, [&](std::string const& member, std::string const& role) {
    auto id = AccountId(member);
    if (id.empty() || Contains(exempt, id)) return;
    args.ReportViolation("service account " + member + " is granted " + role + ", an admin role");
  });
}

void NoProjectImpersonation(pp::ResourceValidationArgs const& args) {
  if (!IsImpersonationRole(args.resource.properties.GetString("role").value_or(""))) return;
  auto exempt = ConfigStrings(args.config, "exemptServiceAccounts", kExempt);
  ForEachGrant(args, [&](std::string const& member, std::string const& role) {
    auto id = AccountId(member);
    if (!id.empty() && Contains(exempt, id)) return;
    args.ReportViolation(member + " is granted " + role +
                         " on the whole project: it may act as every service account; grant it on one account");
  });
}

void NoDefaultServiceAccountGrants(pp::ResourceValidationArgs const& args) {
  ForEachGrant(args, [&](std::string const& member, std::string const& role) {
    if (IsDefaultServiceAccount(member)) {
      args.ReportViolation(member + " is a default service account, granted " + role +
                           "; workloads run as accounts of their own");
    }
  });
}

void NoUserManagedKeys(pp::ResourceValidationArgs const& args) {
  args.ReportViolation("a user-managed key of service account " +
                       Describe(args.resource.properties, "serviceAccountId") +
                       ": use workload identity or attached service accounts, whose keys Google manages");
}

}  // namespace

Policies IamPolicies() {
  return {
      ForTypes("iam-no-basic-roles", "No basic roles (owner, editor, viewer) at project level (CKV_GCP_117)",
               kProjectGrants, NoBasicRoles),
      ForTypes("iam-no-admin-service-accounts",
               "Service accounts hold no admin, owner or editor roles at project level (CKV_GCP_42, "
               "google-iam-no-privileged-service-accounts)",
               kProjectGrants, NoAdminServiceAccounts, ExemptSchema()),
      ForTypes("iam-no-project-impersonation",
               "No Service Account User or Token Creator role at project level (CKV_GCP_41)", kProjectGrants,
               NoProjectImpersonation, ExemptSchema()),
      ForTypes("iam-no-default-service-account-grants",
               "The default Compute Engine and App Engine service accounts are granted no project roles (CKV_GCP_46)",
               kProjectGrants, NoDefaultServiceAccountGrants),
      ForTypes("iam-no-user-managed-keys", "Service accounts have only Google-managed keys (CKV2_GCP_3)",
               {gcp::kServiceAccountKey}, NoUserManagedKeys),
  };
}

}  // namespace apex::policy
