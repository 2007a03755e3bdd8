#include "apex/bootstrap.h"

#include <regex>

namespace apex {

// Least privilege for `ops/deploy`: each role is here because a resource type of the four stacks needs it, and
// nothing broader (no roles/editor or roles/owner). A new resource type in a stack means a role here first.
std::vector<std::string> const& DeployerProjectRoles() {
  static std::vector<std::string> const kRoles = {
      // Enables the APIs each stack declares (gcp:projects:Service); serviceUsageConsumer cannot enable.
      "roles/serviceusage.serviceUsageAdmin",
      // VPC, subnet, router and NAT, the PSA range and its servicenetworking peering, the load balancer's
      // backend services, URL maps, proxies, forwarding rules and serverless NEGs; lists networks (the
      // default-network check). It excludes firewall rules and certificates, hence securityAdmin.
      "roles/compute.networkAdmin",
      // Firewall rules, SSL policies, the Cloud Armor security policy and the managed certificate.
      "roles/compute.securityAdmin",
      // The Neo4j and Qdrant VMs with their data disks and snapshot schedules (resource policies).
      "roles/compute.instanceAdmin.v1",
      // The image repository with its cleanup policies (repoAdmin cannot create repositories).
      "roles/artifactregistry.admin",
      // Cloud SQL: the instance, the database and its IAM users.
      "roles/cloudsql.admin",
      // Memorystore for Redis.
      "roles/redis.admin",
      // Cloud Run services, the migration job (create and execute) and worker pools, and their invoker grants.
      "roles/run.admin",
      // Creates the runtime service accounts of the VMs and the Cloud Run workloads.
      "roles/iam.serviceAccountAdmin",
      // Attaches those accounts to the VMs and Cloud Run workloads (iam.serviceAccounts.actAs).
      "roles/iam.serviceAccountUser",
      // Secrets, their versions and per-secret access grants (setIamPolicy is only in admin).
      "roles/secretmanager.admin",
      // Alert policies, notification channels, uptime checks and dashboards.
      "roles/monitoring.editor",
  };
  return kRoles;
}

// The project roles the stacks grant to their runtime accounts (database_cluster_vm.cc, the Cloud Run workloads'
// IAM database users): the deployer's projectIamAdmin is conditioned on granting only these.
std::vector<std::string> const& DeployerGrantableRoles() {
  static std::vector<std::string> const kRoles = {"roles/cloudsql.client", "roles/cloudsql.instanceUser",
                                                  "roles/logging.logWriter", "roles/monitoring.metricWriter"};
  return kRoles;
}

std::string GrantableRolesCondition() {
  std::string list;
  for (auto const& role : DeployerGrantableRoles()) list += (list.empty() ? "'" : ", '") + role + "'";
  return "api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', []).hasOnly([" + list + "])";
}

std::string RepositoryCondition(std::string const& repository) {
  return "assertion.repository == '" + repository + "'";
}

BootstrapArgs LoadBootstrapArgs(pulumi::Context& ctx, CommonConfig const& common) {
  ConfigReader config(ctx);
  BootstrapArgs a;
  a.common = common;
  a.labels = WithComponent(StandardLabels(ctx, common), "bootstrap");
  auto repository = config.GetString("githubRepository");
  if (!repository || repository->empty()) {
    config.Invalid("githubRepository",
                   "is required: the GitHub repository (owner/name) whose workflows may deploy "
                   "(ops/bootstrap --github-repository sets it)");
  }
  // GitHub's owner and repository name rules; anything else (a URL, a quote) must not reach the condition.
  static std::regex const kRepository("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");
  if (!std::regex_match(*repository, kRepository)) {
    config.Invalid("githubRepository", "'" + *repository + "' is not a GitHub repository as owner/name");
  }
  a.github_repository = *repository;
  a.state_bucket = config.GetString("stateBucket", common.gcp_project + "-pulumi-state");
  static std::regex const kBucket("[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]");
  if (!std::regex_match(a.state_bucket, kBucket) || a.state_bucket.find("goog") != std::string::npos) {
    config.Invalid("stateBucket", "'" + a.state_bucket + "' is not a valid bucket name");
  }
  a.noncurrent_version_days = config.GetInt("stateVersionRetentionDays", a.noncurrent_version_days, 1, 3650);
  a.key_rotation_days = config.GetInt("keyRotationDays", a.key_rotation_days, 1, 3650);
  static std::regex const kAccountId("[a-z][a-z0-9-]{4,28}[a-z0-9]");
  a.deployer_account_id = config.GetString("deployerAccountId", a.deployer_account_id);
  if (!std::regex_match(a.deployer_account_id, kAccountId)) {
    config.Invalid("deployerAccountId",
                   "'" + a.deployer_account_id + "' is not a service account id (6-30 of a-z, 0-9, -)");
  }
  static std::regex const kPoolId("[a-z0-9-]{4,32}");
  a.pool_id = config.GetString("workloadIdentityPoolId", a.pool_id);
  a.provider_id = config.GetString("workloadIdentityProviderId", a.provider_id);
  for (auto const& [key, value] : {std::pair<char const*, std::string const&>{"workloadIdentityPoolId", a.pool_id},
                                   {"workloadIdentityProviderId", a.provider_id}}) {
    if (!std::regex_match(value, kPoolId) || value.rfind("gcp-", 0) == 0) {
      config.Invalid(key, "'" + value + "' is not a pool or provider id (4-32 of a-z, 0-9, -; not gcp-)");
    }
  }
  return a;
}

}  // namespace apex
