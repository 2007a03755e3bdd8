// CloudRunService: one Apex workload on Cloud Run v2, with its own identity and least-privilege IAM.
//
// A service (apex:services:CloudRunService) is a cloudrunv2 Service: image, plain env and env from outputs,
// secrets as env vars through Secret Manager references (never plaintext), secrets as files (the data tier's
// CA certificates) through Secret Manager volumes, Direct VPC egress, CPU/memory limits, min/max instances,
// ingress, startup and liveness probes on an HTTP health path, deletion protection and labels. A worker pool
// (apex:services:CloudRunWorkerPool) is the same container without HTTP ingress, for pull-based workers such as
// the Temporal workers. DatabaseMigrationJob (apex:services:DatabaseMigrationJob) is the Cloud Run job that
// creates the database extensions and grants the workloads' database users their privileges.
//
// Each gets a dedicated service account with only what it uses: for Postgres, a Cloud SQL IAM database user
// (CLOUD_IAM_SERVICE_ACCOUNT, no password) with roles/cloudsql.instanceUser and roles/cloudsql.client;
// roles/secretmanager.secretAccessor on each secret it reads (on the secret, not the project); never a basic
// role. Who may invoke a service is explicit: allUsers only for a public service, otherwise the listed members.
//
//   apex::CloudRunService router(ctx, "query-router", {
//       .common = common, .labels = labels,
//       .workload = {.name = "apex-query-router", .image = image, .env = {{"LOG_LEVEL", "info"}},
//                    .secrets = {{"REDIS_AUTH", redis_auth_secret_id}},
//                    .secret_files = {{"postgres-ca", postgres_ca_secret_id, "/secrets/postgres-ca/server-ca.pem"}},
//                    .database_user = apex::CloudSqlIamUser{.instance = instance_name},
//                    .vpc_egress = apex::VpcEgress{network_id, subnet_id}},
//       .sizing = apex::LoadServiceSizing(ctx, "queryRouter"),
//       .invokers = {{"api-gateway", gateway.service_account_member}}});
#ifndef APEX_CLOUD_RUN_SERVICE_H
#define APEX_CLOUD_RUN_SERVICE_H

#include "apex/config.h"
#include "apex/labels.h"
#include "pulumi/pulumi.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace apex {

inline constexpr char kIngressAll[] = "INGRESS_TRAFFIC_ALL";
inline constexpr char kIngressInternalOnly[] = "INGRESS_TRAFFIC_INTERNAL_ONLY";
/// Internal traffic and Cloud Load Balancing only: the run.app URL is closed to the internet.
inline constexpr char kIngressInternalLoadBalancer[] = "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER";
inline constexpr char kEgressPrivateRangesOnly[] = "PRIVATE_RANGES_ONLY";
inline constexpr char kEgressAllTraffic[] = "ALL_TRAFFIC";

/// A plain environment variable; the value may be an output of another resource or stack.
struct EnvVar {
  std::string name{};
  pulumi::Input<std::string> value{};
};

/// An environment variable read from Secret Manager at instance start (valueSource.secretKeyRef).
struct SecretEnvVar {
  std::string name{};
  pulumi::Input<std::string> secret{};  ///< the secret's id ("apex-db-password") or "projects/<p>/secrets/<id>"
  std::string version = "latest";
};

/// A secret mounted as a file (a Secret Manager volume): `path` is the file, its directory the mount point.
struct SecretFile {
  std::string name{};                   ///< the volume's name, also in its IAM grant's name ("postgres-ca")
  pulumi::Input<std::string> secret{};  ///< the secret's id
  std::string path{};                   ///< absolute, e.g. "/secrets/postgres-ca/server-ca.pem"; one file per directory
  std::string version = "latest";
};

/// The workload's service account as a Cloud SQL IAM database user of `instance` (no password: the login is
/// an OAuth access token). The user's name, "<account>@<project>.iam", is put in env var `user_env`.
struct CloudSqlIamUser {
  pulumi::Input<std::string> instance{};      ///< the Cloud SQL instance's name
  std::vector<std::string> database_roles{};  ///< e.g. {"cloudsqlsuperuser"}; privileges otherwise come from GRANTs
  std::string user_env = "POSTGRES_USER";
};

/// Direct VPC egress: the instances get addresses in `subnetwork`.
struct VpcEgress {
  pulumi::Input<std::string> network{};
  pulumi::Input<std::string> subnetwork{};
  std::string egress = kEgressPrivateRangesOnly;  ///< or ALL_TRAFFIC, to reach INTERNAL_ONLY services via the VPC
};

/// What runs and what it may reach; shared by CloudRunService and CloudRunWorkerPool.
struct CloudRunWorkload {
  std::string name{};  ///< the GCP name of the service and the account id of its service account (6-30 chars)
  pulumi::Input<std::string> image{};
  std::vector<EnvVar> env{};
  std::vector<SecretEnvVar> secrets{};
  std::vector<SecretFile> secret_files{};
  std::optional<CloudSqlIamUser> database_user{};
  std::optional<VpcEgress> vpc_egress{};
  std::vector<std::string> project_roles{};  ///< further project roles of its service account; basic roles refused
  bool deletion_protection = true;
};

/// Size and scaling of a service: apex:<prefix>Cpu, Memory, MinInstances, MaxInstances, Concurrency,
/// TimeoutSeconds.
struct ServiceSizing {
  std::string cpu = "1";         ///< 1, 2, 4, 6 or 8 vCPU
  std::string memory = "512Mi";  ///< <n>Mi or <n>Gi, within what the CPU allows
  int min_instances = 0;
  int max_instances = 10;
  int concurrency = 80;  ///< requests per instance
  int timeout_seconds = 300;
};

/// Reads and validates ServiceSizing from apex:<prefix>* (e.g. prefix "apiGateway": apex:apiGatewayCpu).
ServiceSizing LoadServiceSizing(pulumi::Context& ctx, std::string const& prefix);

/// Size of a worker pool: apex:<prefix>Cpu, Memory, Instances (a fixed count: workers pull, nothing to scale on).
struct WorkerPoolSizing {
  std::string cpu = "1";
  std::string memory = "512Mi";
  int instances = 1;
};

WorkerPoolSizing LoadWorkerPoolSizing(pulumi::Context& ctx, std::string const& prefix);

/// A member granted roles/run.invoker on a service; `id` names the IAM resource ("<service>-invoker-<id>").
struct Invoker {
  std::string id{};
  pulumi::Input<std::string> member{};  ///< "serviceAccount:…"; allUsers/allAuthenticatedUsers are refused here
};

struct CloudRunServiceArgs {
  CommonConfig common{};
  Labels labels{};
  CloudRunWorkload workload{};
  ServiceSizing sizing{};
  std::string ingress = kIngressInternalOnly;
  /// allUsers may invoke it. Only with INGRESS_TRAFFIC_ALL or, behind the external load balancer (which sends
  /// no identity), INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER: the public API gateway.
  bool public_access = false;
  std::vector<Invoker> invokers{};
  int container_port = 8080;
  std::string health_path = "/healthz";  ///< the startup and liveness probes' HTTP path
};

class CloudRunService : public pulumi::ComponentResource {
 public:
  static constexpr char kType[] = "apex:services:CloudRunService";

  /// Throws std::invalid_argument for args that break the rules above (naming the service and the rule).
  CloudRunService(pulumi::Context& ctx, std::string const& name, CloudRunServiceArgs const& args,
                  pulumi::ResourceOptions const& opts = {});

  /// Grants roles/run.invoker to one more member, for callers created after this service (a caller that needs
  /// this service's URI cannot exist before it). Refuses allUsers/allAuthenticatedUsers like `invokers`.
  void GrantInvoker(pulumi::Context& ctx, Invoker const& invoker);

  pulumi::Output<std::string> uri;
  pulumi::Output<std::string> service_name;
  pulumi::Output<std::string> service_account_email;
  pulumi::Output<std::string> service_account_member;  ///< "serviceAccount:<email>", for granting it access
  pulumi::Output<std::string> database_user;           ///< its Cloud SQL IAM user's name; empty without database_user

 private:
  void AddInvoker(pulumi::Context& ctx, std::string const& id, pulumi::Input<std::string> const& member);

  std::string name_;
  CommonConfig common_;
  std::vector<pulumi::Resource> depends_on_;
};

struct CloudRunWorkerPoolArgs {
  CommonConfig common{};
  Labels labels{};
  CloudRunWorkload workload{};
  WorkerPoolSizing sizing{};
};

class CloudRunWorkerPool : public pulumi::ComponentResource {
 public:
  static constexpr char kType[] = "apex:services:CloudRunWorkerPool";

  CloudRunWorkerPool(pulumi::Context& ctx, std::string const& name, CloudRunWorkerPoolArgs const& args,
                     pulumi::ResourceOptions const& opts = {});

  pulumi::Output<std::string> worker_pool_name;
  pulumi::Output<std::string> service_account_email;
  pulumi::Output<std::string> service_account_member;
  pulumi::Output<std::string> database_user;
};

/// The database the migration job prepares, and who gets privileges on it.
struct DatabaseMigrationArgs {
  CommonConfig common{};
  Labels labels{};
  std::string name = "apex-db-migrate";   ///< the job's name and its service account's id
  std::string image{};                    ///< a postgres client image pinned to a version or digest (has psql and sh)
  pulumi::Input<std::string> instance{};  ///< the Cloud SQL instance's name
  pulumi::Input<std::string> host{};      ///< its private IP
  std::string database = "vectors";
  SecretFile server_ca{};  ///< Cloud SQL's server CA certificate
  VpcEgress vpc_egress{};
  /// The IAM database users that get CONNECT, USAGE and CREATE on schema public, and DML on its tables.
  std::vector<pulumi::Output<std::string>> grantees{};
  bool deletion_protection = true;
};

/// The Cloud Run job that connects as its own IAM database user (database role cloudsqlsuperuser), with
/// sslmode=verify-ca over the private IP, and runs MigrationSql: idempotent, run after every `pulumi up`.
class DatabaseMigrationJob : public pulumi::ComponentResource {
 public:
  static constexpr char kType[] = "apex:services:DatabaseMigrationJob";

  DatabaseMigrationJob(pulumi::Context& ctx, std::string const& name, DatabaseMigrationArgs const& args,
                       pulumi::ResourceOptions const& opts = {});

  pulumi::Output<std::string> job_name;
  pulumi::Output<std::string> service_account_email;
};

/// The migration's SQL: the `vector` and `pgaudit` extensions, then each grantee's privileges.
std::string MigrationSql(std::string const& database, std::vector<std::string> const& grantees);

/// The public edge of a Cloud Run service: a global external Application Load Balancer (serverless NEG, Cloud
/// Armor policy, Google-managed certificate for `domain`, TLS 1.2+), HTTP redirected to HTTPS.
struct PublicEdgeArgs {
  CommonConfig common{};
  Labels labels{};
  std::string prefix = "apex-edge";  ///< the GCP names' prefix
  std::string domain{};
  pulumi::Input<std::string> service_name{};  ///< the Cloud Run service behind it, in common.region
  int rate_limit_per_minute = 600;            ///< requests per client IP before Cloud Armor answers 429
};

class PublicEdge : public pulumi::ComponentResource {
 public:
  static constexpr char kType[] = "apex:services:PublicEdge";

  PublicEdge(pulumi::Context& ctx, std::string const& name, PublicEdgeArgs const& args,
             pulumi::ResourceOptions const& opts = {});

  pulumi::Output<std::string> url;         ///< "https://<domain>"
  pulumi::Output<std::string> ip_address;  ///< the reserved address the domain's A record points to
};

namespace internal {

/// Not part of the component API: the pieces CloudRunService and CloudRunWorkerPool share.

/// Throws std::invalid_argument when the workload breaks a rule: account id shape, duplicate env names, a
/// plain env var whose name says it holds a secret, a basic role.
void ValidateWorkload(CloudRunWorkload const& workload);
/// Why `cpu` and `memory` are not a valid Cloud Run (gen2) pair, or nullopt when they are.
std::optional<std::string> CpuMemoryProblem(std::string const& cpu, std::string const& memory);
/// "POSTGRES_PASSWORD" -> "postgres-password": env var names as parts of resource names.
std::string Kebab(std::string const& env_name);

/// The dedicated service account of a workload, its Cloud SQL IAM user and its IAM grants, created under
/// `parent` (each child also depends on `depends_on`, e.g. the APIs it calls).
struct WorkloadIdentity {
  pulumi::Output<std::string> email{};
  pulumi::Output<std::string> member{};
  pulumi::Output<std::string> database_user{};  ///< the IAM user's name, or "" without database_user
  /// The IAM grants and the database user, which the workload must wait for (a revision that cannot read its
  /// secrets fails).
  std::vector<pulumi::Resource> grants{};
};
WorkloadIdentity CreateWorkloadIdentity(pulumi::Context& ctx, std::string const& name, CommonConfig const& common,
                                        CloudRunWorkload const& workload, pulumi::Resource const& parent,
                                        std::vector<pulumi::Resource> const& depends_on);

/// "apex-x@p.iam.gserviceaccount.com" -> "apex-x@p.iam": the Postgres user name of a service account.
std::string IamDatabaseUserName(std::string const& email);

/// The options of a component's child: the component as parent, and the component's own depends_on (a
/// component's dependencies do not hold back its children otherwise).
pulumi::ResourceOptions ChildOf(pulumi::Resource const& parent, std::vector<pulumi::Resource> const& depends_on,
                                std::vector<pulumi::Resource> const& more = {});

/// Secret volumes: (mount directory, file name) of a SecretFile.
std::pair<std::string, std::string> SplitSecretPath(std::string const& path);

/// The container env of a workload, for the Service and the WorkerPool env types (same shape, distinct types).
template <typename Env, typename ValueSource, typename SecretKeyRef>
std::vector<Env> ContainerEnv(CloudRunWorkload const& workload, WorkloadIdentity const& identity) {
  std::vector<Env> env;
  for (auto const& e : workload.env) env.push_back(Env{.name = e.name, .value = e.value});
  if (workload.database_user)
    env.push_back(Env{.name = workload.database_user->user_env, .value = identity.database_user});
  for (auto const& s : workload.secrets) {
    SecretKeyRef ref{.secret = s.secret, .version = s.version};
    env.push_back(Env{.name = s.name, .value_source = ValueSource{.secret_key_ref = ref}});
  }
  return env;
}

/// The secret volumes and their mounts of a workload, for the Service, WorkerPool and Job types.
template <typename Volume, typename VolumeSecret, typename Item, typename Mount>
std::pair<std::optional<std::vector<Volume>>, std::optional<std::vector<Mount>>> SecretVolumes(
    std::vector<SecretFile> const& files) {
  if (files.empty()) return {std::nullopt, std::nullopt};
  std::vector<Volume> volumes;
  std::vector<Mount> mounts;
  for (auto const& f : files) {
    auto [dir, file] = SplitSecretPath(f.path);
    volumes.push_back(Volume{
        .name = f.name,
        .secret = VolumeSecret{.items = std::vector<Item>{{.path = file, .version = f.version}}, .secret = f.secret}});
    mounts.push_back(Mount{.mount_path = dir, .name = f.name});
  }
  return {volumes, mounts};
}

}  // namespace internal
}  // namespace apex

#endif  // APEX_CLOUD_RUN_SERVICE_H
