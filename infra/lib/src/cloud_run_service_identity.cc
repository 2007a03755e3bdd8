// The rules every Cloud Run workload follows, and its dedicated service account with least-privilege IAM.
#include "apex/cloud_run_service.h"

#include "pulumi/gcp/projects/iam_member.h"
#include "pulumi/gcp/secretmanager/secret_iam_member.h"
#include "pulumi/gcp/serviceaccount/account.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

namespace apex::internal {
namespace {

bool Contains(std::string const& s, std::string const& part) { return s.find(part) != std::string::npos; }

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Names that say the value is a credential; such values must come from Secret Manager.
bool NamesASecret(std::string const& env_name) {
  for (char const* word : {"PASSWORD", "TOKEN", "API_KEY", "PRIVATE_KEY", "AUTH_STRING", "CREDENTIAL"}) {
    if (Contains(env_name, word)) return true;
  }
  return env_name.size() > 7 && env_name.substr(env_name.size() - 7) == "_SECRET";
}

// Basic roles, admin roles and the roles that let one identity act as another (policy check 25).
bool PrivilegedRole(std::string const& role) {
  return role == "roles/owner" || role == "roles/editor" || role == "roles/viewer" || Contains(Lower(role), "admin") ||
         role == "roles/iam.serviceAccountUser" || role == "roles/iam.serviceAccountTokenCreator";
}

bool ValidAccountId(std::string const& id) {
  if (id.size() < 6 || id.size() > 30 || !std::islower(static_cast<unsigned char>(id.front())) || id.back() == '-') {
    return false;
  }
  return std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::islower(c) || std::isdigit(c) || c == '-'; });
}

[[noreturn]] void Refuse(CloudRunWorkload const& w, std::string const& problem) {
  throw std::invalid_argument("Cloud Run workload '" + w.name + "': " + problem);
}

// "roles/cloudsql.client" -> "cloudsql-client".
std::string RoleId(std::string const& role) {
  std::string id = role.rfind("roles/", 0) == 0 ? role.substr(6) : role;
  std::replace(id.begin(), id.end(), '.', '-');
  return Lower(id);
}

}  // namespace

std::string Kebab(std::string const& env_name) {
  std::string s = Lower(env_name);
  std::replace(s.begin(), s.end(), '_', '-');
  return s;
}

void ValidateWorkload(CloudRunWorkload const& w) {
  if (!ValidAccountId(w.name)) {
    Refuse(w, "the name is also the service account id: 6-30 lowercase letters, digits and dashes, starting "
              "with a letter");
  }
  std::set<std::string> names;
  for (auto const& e : w.env) {
    if (!names.insert(e.name).second) Refuse(w, "env var " + e.name + " is set twice");
    if (NamesASecret(e.name)) Refuse(w, "env var " + e.name + " holds a secret: read it from Secret Manager (secrets)");
  }
  for (auto const& s : w.secrets) {
    if (!names.insert(s.name).second) Refuse(w, "env var " + s.name + " is set twice");
    if (s.version.empty()) Refuse(w, "secret env var " + s.name + " has no version");
  }
  for (auto const& role : w.project_roles) {
    if (PrivilegedRole(role)) Refuse(w, role + " is a basic, admin or impersonation role");
  }
}

std::vector<pulumi::Output<std::string>> ToOutputs(std::vector<pulumi::Input<std::string>> const& inputs) {
  std::vector<pulumi::Output<std::string>> outputs;
  outputs.reserve(inputs.size());
  for (auto const& in : inputs) outputs.push_back(in.ToOutput());
  return outputs;
}

WorkloadIdentity CreateWorkloadIdentity(pulumi::Context& ctx, std::string const& name, CommonConfig const& common,
                                        CloudRunWorkload const& w, pulumi::Resource const& parent) {
  pulumi::ResourceOptions child{.parent = parent};
  pulumi::gcp::serviceaccount::Account account(
      ctx, name + "-sa",
      {.account_id = w.name,
       .description = "Runtime identity of the Cloud Run workload " + w.name + " (" + common.environment + ")",
       .display_name = w.name,
       .project = common.gcp_project},
      child);
  WorkloadIdentity identity{.email = account.email(), .member = account.member(), .grants = {}};

  std::vector<std::string> roles = w.project_roles;
  if (!w.cloud_sql_instances.empty()) roles.insert(roles.begin(), "roles/cloudsql.client");
  for (auto const& role : roles) {
    pulumi::gcp::projects::IAMMember grant(
        ctx, name + "-" + RoleId(role), {.member = account.member(), .project = common.gcp_project, .role = role}, child);
    identity.grants.push_back(grant);
  }
  // Access to each secret it reads, granted on the secret rather than the project.
  for (auto const& s : w.secrets) {
    pulumi::gcp::secretmanager::SecretIamMember grant(ctx, name + "-" + Kebab(s.name) + "-access",
                                                      {.member = account.member(),
                                                       .project = common.gcp_project,
                                                       .role = "roles/secretmanager.secretAccessor",
                                                       .secret_id = s.secret},
                                                      child);
    identity.grants.push_back(grant);
  }
  return identity;
}

}  // namespace apex::internal
