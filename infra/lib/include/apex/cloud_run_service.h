// CloudRunService: one Apex workload on Cloud Run v2, with its own identity and least-privilege IAM.
//
// A service (apex:services:CloudRunService) is a cloudrunv2 Service: image, plain env and env from outputs,
// secrets as env vars through Secret Manager references (never plaintext), the Cloud SQL volume at /cloudsql,
// Direct VPC egress, CPU/memory limits, min/max instances, ingress, startup and liveness probes on an HTTP
// health path, deletion protection and labels. A worker pool (apex:services:CloudRunWorkerPool) is the same
// container without HTTP ingress, for pull-based workers such as the Temporal workers.
//
// Each gets a dedicated service account with only what it uses: roles/cloudsql.client when it mounts Cloud SQL,
// roles/secretmanager.secretAccessor on each secret it reads (on the secret, not the project), never a basic
// role. Who may invoke a service is explicit: allUsers only for a public service, otherwise the listed members.
//
//   apex::CloudRunService router(ctx, "query-router", {
//       .common = common, .labels = labels,
//       .workload = {.name = "apex-query-router", .image = image, .env = {{"LOG_LEVEL", "info"}},
//                    .secrets = {{"POSTGRES_PASSWORD", password_secret_id}},
//                    .cloud_sql_instances = {connection_name},
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
#include <vector>

namespace apex {

inline constexpr char kIngressAll[] = "INGRESS_TRAFFIC_ALL";
inline constexpr char kIngressInternalOnly[] = "INGRESS_TRAFFIC_INTERNAL_ONLY";
inline constexpr char kEgressPrivateRangesOnly[] = "PRIVATE_RANGES_ONLY";
inline constexpr char kEgressAllTraffic[] = "ALL_TRAFFIC";
/// Where the Cloud SQL volume is mounted: the Unix socket of an instance is /cloudsql/<connection name>.
inline constexpr char kCloudSqlMountPath[] = "/cloudsql";

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
  std::vector<pulumi::Input<std::string>> cloud_sql_instances{};  ///< connection names, mounted at /cloudsql
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
  /// allUsers may invoke it. Only with INGRESS_TRAFFIC_ALL: the public API gateway.
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

 private:
  void AddInvoker(pulumi::Context& ctx, std::string const& id, pulumi::Input<std::string> const& member);

  std::string name_;
  CommonConfig common_;
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

/// The dedicated service account of a workload and its IAM grants, created under `parent`.
struct WorkloadIdentity {
  pulumi::Output<std::string> email{};
  pulumi::Output<std::string> member{};
  /// The IAM grants, which the workload must wait for (a revision that cannot read its secrets fails).
  std::vector<pulumi::Resource> grants{};
};
WorkloadIdentity CreateWorkloadIdentity(pulumi::Context& ctx, std::string const& name, CommonConfig const& common,
                                        CloudRunWorkload const& workload, pulumi::Resource const& parent);

/// The container env of a workload, for the Service and the WorkerPool env types (same shape, distinct types).
template <typename Env, typename ValueSource, typename SecretKeyRef>
std::vector<Env> ContainerEnv(CloudRunWorkload const& workload) {
  std::vector<Env> env;
  for (auto const& e : workload.env) env.push_back(Env{.name = e.name, .value = e.value});
  for (auto const& s : workload.secrets) {
    SecretKeyRef ref{.secret = s.secret, .version = s.version};
    env.push_back(Env{.name = s.name, .value_source = ValueSource{.secret_key_ref = ref}});
  }
  return env;
}

/// The outputs of a list of inputs, as an array input takes them.
std::vector<pulumi::Output<std::string>> ToOutputs(std::vector<pulumi::Input<std::string>> const& inputs);

}  // namespace internal
}  // namespace apex

#endif  // APEX_CLOUD_RUN_SERVICE_H
