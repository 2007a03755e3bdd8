// The rules every Cloud Run workload follows, and its dedicated service account with least-privilege IAM.
#include "apex/cloud_run_service.h"

#include "pulumi/gcp/projects/iam_member.h"
#include "pulumi/gcp/secretmanager/secret_iam_member.h"
#include "pulumi/gcp/serviceaccount/account.h"
#include "pulumi/gcp/sql/user.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>
#include <string_view>

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
  return std::all_of(id.begin(), id.end(),
                     [](unsigned char c) { return std::islower(c) || std::isdigit(c) || c == '-'; });
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
    Refuse(w,
           "the name is also the service account id: 6-30 lowercase letters, digits and dashes, starting "
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
  if (w.database_user && !names.insert(w.database_user->user_env).second) {
    Refuse(w, "env var " + w.database_user->user_env + " is set twice");
  }
  std::set<std::string> volumes, directories;
  for (auto const& f : w.secret_files) {
    if (!volumes.insert(f.name).second) Refuse(w, "secret volume " + f.name + " is mounted twice");
    auto [dir, file] = SplitSecretPath(f.path);
    if (dir.empty() || file.empty()) Refuse(w, "secret file " + f.path + " is not an absolute file path");
    // Cloud Run mounts a secret volume over a whole directory.
    if (!directories.insert(dir).second) Refuse(w, "two secret files in " + dir + ": one per directory");
  }
  for (auto const& role : w.project_roles) {
    if (PrivilegedRole(role)) Refuse(w, role + " is a basic, admin or impersonation role");
  }
}

std::string IamDatabaseUserName(std::string const& email) {
  constexpr std::string_view kSuffix = ".gserviceaccount.com";
  if (email.size() > kSuffix.size() && email.ends_with(kSuffix)) return email.substr(0, email.size() - kSuffix.size());
  return email;
}

pulumi::ResourceOptions ChildOf(pulumi::Resource const& parent, std::vector<pulumi::Resource> const& depends_on,
                                std::vector<pulumi::Resource> const& more) {
  pulumi::ResourceOptions opts{.parent = parent, .depends_on = depends_on};
  opts.depends_on.insert(opts.depends_on.end(), more.begin(), more.end());
  return opts;
}

std::pair<std::string, std::string> SplitSecretPath(std::string const& path) {
  auto slash = path.rfind('/');
  if (path.empty() || path.front() != '/' || slash == std::string::npos || slash == 0) return {"", ""};
  return {path.substr(0, slash), path.substr(slash + 1)};
}

WorkloadIdentity CreateWorkloadIdentity(pulumi::Context& ctx, std::string const& name, CommonConfig const& common,
                                        CloudRunWorkload const& w, pulumi::Resource const& parent,
                                        std::vector<pulumi::Resource> const& depends_on) {
  auto child = ChildOf(parent, depends_on);
  pulumi::gcp::serviceaccount::Account account(
      ctx, name + "-sa",
      {.account_id = w.name,
       .description = "Runtime identity of the Cloud Run workload " + w.name + " (" + common.environment + ")",
       .display_name = w.name,
       .project = common.gcp_project},
      child);
  WorkloadIdentity identity{.email = account.email(),
                            .member = account.member(),
                            .database_user = pulumi::Output<std::string>(""),
                            .grants = {}};

  std::vector<std::string> roles = w.project_roles;
  if (w.database_user) {
    // IAM database authentication: the login (instanceUser) and the connection (client) permissions.
    roles.insert(roles.begin(), {"roles/cloudsql.client", "roles/cloudsql.instanceUser"});
    // ABANDON: Postgres refuses to drop a role that holds grants; the user goes with the instance.
    pulumi::gcp::sql::User user(ctx, name + "-db-user",
                                {.database_roles = w.database_user->database_roles.empty()
                                                       ? std::nullopt
                                                       : std::optional<pulumi::Input<std::vector<std::string>>>(
                                                             w.database_user->database_roles),
                                 .deletion_policy = "ABANDON",
                                 .instance = w.database_user->instance,
                                 .name = account.email().Apply(IamDatabaseUserName),
                                 .project = common.gcp_project,
                                 .type = "CLOUD_IAM_SERVICE_ACCOUNT"},
                                child);
    identity.database_user = user.name();
    identity.grants.push_back(user);
  }
  for (auto const& role : roles) {
    pulumi::gcp::projects::IAMMember grant(ctx, name + "-" + RoleId(role),
                                           {.member = account.member(), .project = common.gcp_project, .role = role},
                                           child);
    identity.grants.push_back(grant);
  }
  // Access to each secret it reads, granted on the secret rather than the project.
  auto grant_access = [&](std::string const& id, pulumi::Input<std::string> const& secret) {
    pulumi::gcp::secretmanager::SecretIamMember grant(ctx, name + "-" + id + "-access",
                                                      {.member = account.member(),
                                                       .project = common.gcp_project,
                                                       .role = "roles/secretmanager.secretAccessor",
                                                       .secret_id = secret},
                                                      child);
    identity.grants.push_back(grant);
  };
  for (auto const& s : w.secrets) grant_access(Kebab(s.name), s.secret);
  for (auto const& f : w.secret_files) grant_access(f.name, f.secret);
  return identity;
}

}  // namespace apex::internal
