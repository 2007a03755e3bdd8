#include "apex_services/program.h"

#include "apex/cloud_run_service.h"
#include "apex/config.h"
#include "apex/labels.h"
#include "apex/stack_outputs.h"
#include "pulumi/gcp/cloudrunv2/service_iam_member.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

namespace apex::services {
namespace {

// What the services read from apex-databases.
struct DataTier {
  pulumi::Output<std::string> postgres_connection_name;
  pulumi::Output<std::string> postgres_private_ip;
  pulumi::Output<std::string> database_name;
  pulumi::Output<std::string> database_user;
  pulumi::Output<std::string> db_password_secret;
  pulumi::Output<std::string> redis_host;
  pulumi::Output<std::string> redis_port;
  pulumi::Output<std::string> redis_auth_secret;
  pulumi::Output<std::string> neo4j_ip;
  pulumi::Output<std::string> neo4j_password_secret;
  pulumi::Output<std::string> qdrant_uri;
  pulumi::Output<std::string> qdrant_service;
};

struct TemporalConfig {
  std::string address;  ///< host:port of the Temporal frontend
  std::string name_space;
  std::string task_queue;
  std::optional<std::string> api_key_secret;  ///< a Secret Manager secret id, managed outside these stacks
};

// A stack output as env text: a port may arrive as a number.
pulumi::Output<std::string> Text(pulumi::StackReference const& ref, char const* key) {
  return ref.RequireOutput(key).Apply([](pulumi::PropertyValue const& v) {
    if (v.is_number() && std::floor(v.AsNumber()) == v.AsNumber()) {
      return std::to_string(static_cast<long long>(v.AsNumber()));
    }
    return v.is_string() ? v.AsString() : v.ToString();
  });
}

DataTier ReadDataTier(pulumi::StackReference const& db) {
  return DataTier{.postgres_connection_name = Text(db, outputs::kPostgresConnectionName),
                  .postgres_private_ip = Text(db, outputs::kPostgresPrivateIp),
                  .database_name = Text(db, outputs::kDatabaseName),
                  .database_user = Text(db, outputs::kDatabaseUser),
                  .db_password_secret = Text(db, outputs::kDbPasswordSecretId),
                  .redis_host = Text(db, outputs::kRedisHost),
                  .redis_port = Text(db, outputs::kRedisPort),
                  .redis_auth_secret = Text(db, outputs::kRedisAuthSecretId),
                  .neo4j_ip = Text(db, outputs::kNeo4jInternalIp),
                  .neo4j_password_secret = Text(db, outputs::kNeo4jPasswordSecretId),
                  .qdrant_uri = Text(db, outputs::kQdrantUri),
                  .qdrant_service = Text(db, outputs::kQdrantServiceName)};
}

// "<apex:imageRegistry>/<image>:<apex:<prefix>ImageTag>", or "@sha256:…" when the tag is a digest.
std::string Image(pulumi::Context& ctx, std::string const& registry, std::string const& prefix,
                  std::string const& image) {
  std::string key = prefix + "ImageTag";
  std::string tag = pulumi::Config(ctx, kConfigNamespace).Require(key);
  if (tag.rfind("sha256:", 0) == 0) return registry + "/" + image + "@" + tag;
  auto allowed = [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '.' || c == '-'; };
  if (tag.empty() || tag.size() > 128 || !std::all_of(tag.begin(), tag.end(), allowed)) {
    InvalidConfig(ctx, key, "'" + tag + "' is not an image tag or a sha256: digest");
  }
  return registry + "/" + image + ":" + tag;
}

TemporalConfig LoadTemporalConfig(pulumi::Context& ctx) {
  pulumi::Config apex(ctx, kConfigNamespace);
  TemporalConfig t{.address = apex.Require("temporalAddress"),
                   .name_space = apex.Require("temporalNamespace"),
                   .task_queue = apex.Require("temporalTaskQueue"),
                   .api_key_secret = apex.Get("temporalApiKeySecret")};
  if (t.address.find(':') == std::string::npos) {
    InvalidConfig(ctx, "temporalAddress", "'" + t.address + "' is not host:port");
  }
  return t;
}

std::vector<EnvVar> BaseEnv(CommonConfig const& common, std::string const& log_level) {
  return {{"APEX_ENVIRONMENT", common.environment}, {"GOOGLE_CLOUD_PROJECT", common.gcp_project}, {"LOG_LEVEL", log_level}};
}

// The connection settings of the four stores; passwords come through DataTierSecrets.
std::vector<EnvVar> DataTierEnv(DataTier const& d) {
  return {{"POSTGRES_INSTANCE_CONNECTION_NAME", d.postgres_connection_name},
          {"POSTGRES_HOST", d.postgres_private_ip},
          {"POSTGRES_DB", d.database_name},
          {"POSTGRES_USER", d.database_user},
          {"REDIS_HOST", d.redis_host},
          {"REDIS_PORT", d.redis_port},
          {"NEO4J_URI", pulumi::Format("bolt://{}:7687", d.neo4j_ip)},
          {"QDRANT_URL", d.qdrant_uri}};
}

std::vector<SecretEnvVar> DataTierSecrets(DataTier const& d) {
  return {{.name = "POSTGRES_PASSWORD", .secret = d.db_password_secret},
          {.name = "NEO4J_PASSWORD", .secret = d.neo4j_password_secret},
          {.name = "REDIS_AUTH", .secret = d.redis_auth_secret}};
}

// Qdrant runs on Cloud Run (apex-databases) with internal-only ingress and IAM: its callers need run.invoker.
void GrantQdrantInvoker(pulumi::Context& ctx, CommonConfig const& common, DataTier const& d, std::string const& caller,
                        pulumi::Output<std::string> const& member, pulumi::Resource const& parent) {
  pulumi::gcp::cloudrunv2::ServiceIamMember(ctx, caller + "-qdrant-invoker",
                                            {.location = common.region,
                                             .member = member,
                                             .name = d.qdrant_service,
                                             .project = common.gcp_project,
                                             .role = "roles/run.invoker"},
                                            {.parent = parent});
}

template <typename T>
std::vector<T> Concat(std::vector<T> a, std::vector<T> const& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

void Program(pulumi::Context& ctx) {
  auto common = LoadCommonConfig(ctx);
  pulumi::Config apex(ctx, kConfigNamespace);
  // Everything from config first, so that a bad stack file fails before anything is registered.
  bool deletion_protection = apex.RequireBool("deletionProtection");
  RequireProdDeletionProtection(ctx, common, deletion_protection);
  std::string log_level = RequireOneOf(ctx, "logLevel", {"debug", "info", "warning", "error"});
  std::string registry = apex.Require("imageRegistry");
  if (registry.empty() || registry.back() == '/') InvalidConfig(ctx, "imageRegistry", "must not end with /");
  auto gateway_sizing = LoadServiceSizing(ctx, "apiGateway");
  auto ingestion_sizing = LoadServiceSizing(ctx, "ingestionWorker");
  auto router_sizing = LoadServiceSizing(ctx, "queryRouter");
  auto temporal_sizing = LoadWorkerPoolSizing(ctx, "temporalWorker");
  auto temporal = LoadTemporalConfig(ctx);
  std::string gateway_image = Image(ctx, registry, "apiGateway", "api-gateway");
  std::string ingestion_image = Image(ctx, registry, "ingestionWorker", "ingestion-worker");
  std::string router_image = Image(ctx, registry, "queryRouter", "query-router");
  std::string temporal_image = Image(ctx, registry, "temporalWorker", "temporal-worker");

  pulumi::StackReference network(ctx, "network", {.name = ReferencedStack(ctx, common, "apex-network")});
  pulumi::StackReference databases(ctx, "databases", {.name = ReferencedStack(ctx, common, "apex-databases")});
  auto data = ReadDataTier(databases);
  auto network_id = network.RequireOutput<std::string>(outputs::kNetworkId);
  auto subnet_id = network.RequireOutput<std::string>(outputs::kSubnetId);
  // The data tier includes Qdrant on Cloud Run with INTERNAL_ONLY ingress, which counts a request as internal
  // only when it leaves through the VPC: all egress of its callers goes there (Cloud NAT covers the internet).
  VpcEgress data_tier_egress{.network = network_id, .subnetwork = subnet_id, .egress = kEgressAllTraffic};

  auto labels = StandardLabels(ctx, common);
  auto base_env = BaseEnv(common, log_level);
  auto data_env = Concat(base_env, DataTierEnv(data));

  CloudRunService ingestion(ctx, "ingestion-worker",
                            {.common = common,
                             .labels = WithComponent(labels, "ingestion-worker"),
                             .workload = {.name = "apex-ingestion-worker",
                                          .image = ingestion_image,
                                          .env = data_env,
                                          .secrets = DataTierSecrets(data),
                                          .cloud_sql_instances = {data.postgres_connection_name},
                                          .vpc_egress = data_tier_egress,
                                          .deletion_protection = deletion_protection},
                             .sizing = ingestion_sizing,
                             .ingress = kIngressInternalOnly});
  CloudRunService router(ctx, "query-router",
                         {.common = common,
                          .labels = WithComponent(labels, "query-router"),
                          .workload = {.name = "apex-query-router",
                                       .image = router_image,
                                       .env = data_env,
                                       .secrets = DataTierSecrets(data),
                                       .cloud_sql_instances = {data.postgres_connection_name},
                                       .vpc_egress = data_tier_egress,
                                       .deletion_protection = deletion_protection},
                          .sizing = router_sizing,
                          .ingress = kIngressInternalOnly});

  // The gateway calls the INTERNAL_ONLY services, which accept it only when its requests leave through the
  // VPC: all its egress goes there (the subnet has Private Google Access, Cloud NAT covers the internet).
  CloudRunService gateway(
      ctx, "api-gateway",
      {.common = common,
       .labels = WithComponent(labels, "api-gateway"),
       .workload = {.name = "apex-api-gateway",
                    .image = gateway_image,
                    .env = Concat(base_env, {{"QUERY_ROUTER_URL", router.uri},
                                             {"INGESTION_WORKER_URL", ingestion.uri},
                                             {"REDIS_HOST", data.redis_host},
                                             {"REDIS_PORT", data.redis_port}}),
                    .secrets = {{.name = "REDIS_AUTH", .secret = data.redis_auth_secret}},
                    .vpc_egress = VpcEgress{.network = network_id, .subnetwork = subnet_id, .egress = kEgressAllTraffic},
                    .deletion_protection = deletion_protection},
       .sizing = gateway_sizing,
       .ingress = kIngressAll,
       .public_access = true});

  // Only the gateway may call the internal services; granted afterwards, as the gateway needs their URIs.
  ingestion.GrantInvoker(ctx, {.id = "api-gateway", .member = gateway.service_account_member});
  router.GrantInvoker(ctx, {.id = "api-gateway", .member = gateway.service_account_member});
  std::vector<SecretEnvVar> temporal_secrets = DataTierSecrets(data);
  if (temporal.api_key_secret) temporal_secrets.push_back({.name = "TEMPORAL_API_KEY", .secret = *temporal.api_key_secret});
  CloudRunWorkerPool temporal_worker(
      ctx, "temporal-worker",
      {.common = common,
       .labels = WithComponent(labels, "temporal-worker"),
       .workload = {.name = "apex-temporal-worker",
                    .image = temporal_image,
                    .env = Concat(data_env, {{"TEMPORAL_ADDRESS", temporal.address},
                                             {"TEMPORAL_NAMESPACE", temporal.name_space},
                                             {"TEMPORAL_TASK_QUEUE", temporal.task_queue}}),
                    .secrets = temporal_secrets,
                    .cloud_sql_instances = {data.postgres_connection_name},
                    .vpc_egress = data_tier_egress,
                    .deletion_protection = deletion_protection},
       .sizing = temporal_sizing});
  GrantQdrantInvoker(ctx, common, data, "ingestion-worker", ingestion.service_account_member, ingestion);
  GrantQdrantInvoker(ctx, common, data, "query-router", router.service_account_member, router);
  GrantQdrantInvoker(ctx, common, data, "temporal-worker", temporal_worker.service_account_member, temporal_worker);

  ctx.Export(outputs::kApiGatewayUri, gateway.uri);
  ctx.Export(outputs::kApiGatewayName, gateway.service_name);
  ctx.Export(outputs::kIngestionWorkerName, ingestion.service_name);
  ctx.Export(outputs::kQueryRouterName, router.service_name);
  ctx.Export(outputs::kTemporalWorkerName, temporal_worker.worker_pool_name);
}

}  // namespace apex::services
