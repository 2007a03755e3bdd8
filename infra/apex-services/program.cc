#include "apex_services/program.h"

#include "apex/cloud_run_service.h"
#include "apex/config.h"
#include "apex/labels.h"
#include "apex/project_apis.h"
#include "apex/stack_outputs.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

namespace apex::services {
namespace {

// Where the data tier's CA certificates are mounted (one Secret Manager volume per directory).
constexpr char kPostgresCaPath[] = "/secrets/postgres-ca/server-ca.pem";
constexpr char kRedisCaPath[] = "/secrets/redis-ca/server-ca.pem";

// What the services read from apex-databases.
struct DataTier {
  pulumi::Output<std::string> postgres_private_ip;
  pulumi::Output<std::string> postgres_instance;
  pulumi::Output<std::string> database_name;
  pulumi::Output<std::string> postgres_ca_secret;
  pulumi::Output<std::string> redis_host;
  pulumi::Output<std::string> redis_port;
  pulumi::Output<std::string> redis_auth_secret;
  pulumi::Output<std::string> redis_ca_secret;
  pulumi::Output<std::string> neo4j_ip;
  pulumi::Output<std::string> neo4j_password_secret;
  pulumi::Output<std::string> qdrant_url;
  pulumi::Output<std::string> qdrant_api_key_secret;
};

struct TemporalConfig {
  std::string address;  ///< host:port of the Temporal frontend
  std::string name_space;
  std::string task_queue;
  std::optional<std::string> api_key_secret;  ///< a Secret Manager secret id, managed outside these stacks
};

// apex:publicEdge and apex:publicDomain.
struct EdgeConfig {
  bool load_balancer = false;
  std::string domain;
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
  return DataTier{.postgres_private_ip = Text(db, outputs::kPostgresPrivateIp),
                  .postgres_instance = Text(db, outputs::kPostgresInstanceName),
                  .database_name = Text(db, outputs::kDatabaseName),
                  .postgres_ca_secret = Text(db, outputs::kPostgresCaSecretId),
                  .redis_host = Text(db, outputs::kRedisHost),
                  .redis_port = Text(db, outputs::kRedisPort),
                  .redis_auth_secret = Text(db, outputs::kRedisAuthSecretId),
                  .redis_ca_secret = Text(db, outputs::kRedisCaSecretId),
                  .neo4j_ip = Text(db, outputs::kNeo4jInternalIp),
                  .neo4j_password_secret = Text(db, outputs::kNeo4jPasswordSecretId),
                  .qdrant_url = Text(db, outputs::kQdrantUrl),
                  .qdrant_api_key_secret = Text(db, outputs::kQdrantApiKeySecretId)};
}

// ":<apex:<prefix>ImageTag>", or "@sha256:…" when the tag is a digest.
std::string ImageSuffix(pulumi::Context& ctx, std::string const& prefix) {
  std::string key = prefix + "ImageTag";
  std::string tag = ConfigReader(ctx).RequireString(key);
  if (tag.rfind("sha256:", 0) == 0) return "@" + tag;
  auto allowed = [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '.' || c == '-'; };
  if (tag.empty() || tag.size() > 128 || !std::all_of(tag.begin(), tag.end(), allowed)) {
    ConfigReader(ctx).Invalid(key, "'" + tag + "' is not an image tag or a sha256: digest");
  }
  return ":" + tag;
}

// "<apex-network's imageRegistry>/<image><suffix>".
pulumi::Output<std::string> Image(pulumi::Output<std::string> const& registry, std::string const& image,
                                  std::string const& suffix) {
  return registry.Apply([=](std::string const& r) { return r + "/" + image + suffix; });
}

// apex:migrationImage: a digest, or a tag that names at least <major>.<minor> ("18.1-alpine"), never a moving
// tag such as "latest" or "18-alpine".
std::string RequirePinnedImage(pulumi::Context& ctx, std::string const& key) {
  std::string image = ConfigReader(ctx).RequireString(key);
  auto refuse = [&] {
    ConfigReader(ctx).Invalid(key, "'" + image + "' is not pinned: use a <major>.<minor> tag or an @sha256: digest");
  };
  auto at = image.find("@sha256:");
  if (at != std::string::npos) {
    std::string digest = image.substr(at + 8);
    if (digest.size() != 64 || !std::all_of(digest.begin(), digest.end(), [](unsigned char c) { return std::isxdigit(c); })) {
      refuse();
    }
    return image;
  }
  auto colon = image.rfind(':');
  if (colon == std::string::npos || colon < image.rfind('/') + 1) refuse();
  std::string tag = image.substr(colon + 1);
  std::size_t i = 0;
  auto digits = [&] {
    std::size_t from = i;
    while (i < tag.size() && std::isdigit(static_cast<unsigned char>(tag[i]))) ++i;
    return i > from;
  };
  if (!digits() || i >= tag.size() || tag[i++] != '.' || !digits()) refuse();
  return image;
}

// apex:enable<Name>: "true" or "false" (default `fallback`), as the env text "true"/"false".
std::string FeatureFlag(pulumi::Context& ctx, std::string const& key, bool fallback) {
  auto value = ConfigReader(ctx).GetString(key);
  if (!value) return fallback ? "true" : "false";
  if (*value != "true" && *value != "false") ConfigReader(ctx).Invalid(key, "'" + *value + "' is not \"true\" or \"false\"");
  return *value;
}

EdgeConfig LoadEdgeConfig(pulumi::Context& ctx) {
  EdgeConfig edge{.load_balancer = ConfigReader(ctx).RequireOneOf("publicEdge", {"loadBalancer", "runApp"}) == "loadBalancer",
                  .domain = ConfigReader(ctx).GetString("publicDomain", "")};
  if (!edge.load_balancer) return edge;
  if (edge.domain.empty()) ConfigReader(ctx).Invalid("publicDomain", "is required with apex:publicEdge loadBalancer");
  auto label_char = [](unsigned char c) { return std::islower(c) || std::isdigit(c) || c == '-' || c == '.'; };
  if (edge.domain.find('.') == std::string::npos || edge.domain.front() == '.' || edge.domain.back() == '.' ||
      !std::all_of(edge.domain.begin(), edge.domain.end(), label_char)) {
    ConfigReader(ctx).Invalid("publicDomain", "'" + edge.domain + "' is not a lowercase domain name");
  }
  return edge;
}

TemporalConfig LoadTemporalConfig(pulumi::Context& ctx) {
  pulumi::Config apex(ctx, kConfigNamespace);
  TemporalConfig t{.address = apex.Require("temporalAddress"),
                   .name_space = apex.Require("temporalNamespace"),
                   .task_queue = apex.Require("temporalTaskQueue"),
                   .api_key_secret = apex.Get("temporalApiKeySecret")};
  if (t.address.find(':') == std::string::npos) {
    ConfigReader(ctx).Invalid("temporalAddress", "'" + t.address + "' is not host:port");
  }
  return t;
}

std::vector<EnvVar> Concat(std::vector<EnvVar> a, std::vector<EnvVar> const& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Redis over TLS (SERVER_AUTHENTICATION), verified with the mounted CA; its AUTH string is a secret.
std::vector<EnvVar> RedisEnv(DataTier const& d) {
  return {{"REDIS_HOST", d.redis_host},
          {"REDIS_PORT", d.redis_port},
          {"REDIS_TLS", std::string("true")},
          {"REDIS_CA_CERT", std::string(kRedisCaPath)}};
}

// Postgres at its private IP over TLS that verifies the server (POSTGRES_USER comes with the IAM user), Redis,
// Neo4j and Qdrant on their VMs; passwords and keys come through DataTierSecrets.
std::vector<EnvVar> DataTierEnv(DataTier const& d) {
  return Concat({{"POSTGRES_HOST", d.postgres_private_ip},
                 {"POSTGRES_PORT", std::string("5432")},
                 {"POSTGRES_DB", d.database_name},
                 {"POSTGRES_SSLMODE", std::string("verify-ca")},
                 {"PGSSLROOTCERT", std::string(kPostgresCaPath)}},
                Concat(RedisEnv(d), {{"NEO4J_URI", pulumi::Format("bolt://{}:7687", d.neo4j_ip)},
                                     {"QDRANT_URL", d.qdrant_url}}));
}

std::vector<SecretEnvVar> DataTierSecrets(DataTier const& d) {
  return {{.name = "REDIS_AUTH", .secret = d.redis_auth_secret},
          {.name = "NEO4J_PASSWORD", .secret = d.neo4j_password_secret},
          {.name = "QDRANT_API_KEY", .secret = d.qdrant_api_key_secret}};
}

SecretFile PostgresCa(DataTier const& d) {
  return {.name = "postgres-ca", .secret = d.postgres_ca_secret, .path = kPostgresCaPath};
}
SecretFile RedisCa(DataTier const& d) { return {.name = "redis-ca", .secret = d.redis_ca_secret, .path = kRedisCaPath}; }

// The APIs this stack calls; the load balancer's only with it.
std::vector<std::string> Apis(EdgeConfig const& edge) {
  std::vector<std::string> apis = {"run.googleapis.com", "iam.googleapis.com", "cloudresourcemanager.googleapis.com",
                                   "secretmanager.googleapis.com", "sqladmin.googleapis.com"};
  if (edge.load_balancer) apis.push_back("compute.googleapis.com");
  return apis;
}

}  // namespace

void Program(pulumi::Context& ctx) {
  auto common = LoadCommonConfig(ctx);
  pulumi::Config apex(ctx, kConfigNamespace);
  // Everything from config first, so that a bad stack file fails before anything is registered.
  bool deletion_protection = apex.RequireBool("deletionProtection");
  std::string log_level = ConfigReader(ctx).RequireOneOf("logLevel", {"debug", "info", "warning", "error"});
  auto gateway_sizing = LoadServiceSizing(ctx, "apiGateway");
  auto ingestion_sizing = LoadServiceSizing(ctx, "ingestionWorker");
  auto router_sizing = LoadServiceSizing(ctx, "queryRouter");
  auto temporal_sizing = LoadWorkerPoolSizing(ctx, "temporalWorker");
  auto temporal = LoadTemporalConfig(ctx);
  std::string gateway_tag = ImageSuffix(ctx, "apiGateway");
  std::string ingestion_tag = ImageSuffix(ctx, "ingestionWorker");
  std::string router_tag = ImageSuffix(ctx, "queryRouter");
  std::string temporal_tag = ImageSuffix(ctx, "temporalWorker");
  std::string migration_image = RequirePinnedImage(ctx, "migrationImage");
  auto edge = LoadEdgeConfig(ctx);
  // The application's feature flags, on unless a stack turns them off.
  std::vector<EnvVar> flags = {{"ENABLE_QDRANT", FeatureFlag(ctx, "enableQdrant", true)},
                               {"ENABLE_GRAPHITI", FeatureFlag(ctx, "enableGraphiti", true)},
                               {"ENABLE_TEMPORAL", FeatureFlag(ctx, "enableTemporal", true)}};

  auto apis = EnableApis(ctx, common, Apis(edge));
  pulumi::ResourceOptions after_apis{.depends_on = apis};
  pulumi::StackReference network(ctx, "network", {.name = ReferencedStack(ctx, common, "apex-network")});
  pulumi::StackReference databases(ctx, "databases", {.name = ReferencedStack(ctx, common, "apex-databases")});
  auto data = ReadDataTier(databases);
  auto network_id = network.RequireOutput<std::string>(outputs::kNetworkId);
  auto subnet_id = network.RequireOutput<std::string>(outputs::kSubnetId);
  // The images are pushed to apex-network's Artifact Registry repository before this stack deploys.
  auto registry = network.RequireOutput<std::string>(outputs::kImageRegistry);
  // The data tier is all at private addresses (Cloud SQL, Memorystore, the Neo4j and Qdrant VMs).
  VpcEgress data_tier_egress{.network = network_id, .subnetwork = subnet_id, .egress = kEgressPrivateRangesOnly};
  CloudSqlIamUser database_user{.instance = data.postgres_instance};

  auto labels = StandardLabels(ctx, common);
  auto base_env = Concat({{"APEX_ENVIRONMENT", common.environment},
                          {"GOOGLE_CLOUD_PROJECT", common.gcp_project},
                          {"LOG_LEVEL", log_level}},
                         flags);
  auto data_env = Concat(base_env, DataTierEnv(data));

  CloudRunService ingestion(ctx, "ingestion-worker",
                            {.common = common,
                             .labels = WithComponent(labels, "ingestion-worker"),
                             .workload = {.name = "apex-ingestion-worker",
                                          .image = Image(registry, "ingestion-worker", ingestion_tag),
                                          .env = data_env,
                                          .secrets = DataTierSecrets(data),
                                          .secret_files = {PostgresCa(data), RedisCa(data)},
                                          .database_user = database_user,
                                          .vpc_egress = data_tier_egress,
                                          .deletion_protection = deletion_protection},
                             .sizing = ingestion_sizing,
                             .ingress = kIngressInternalOnly},
                            after_apis);
  CloudRunService router(ctx, "query-router",
                         {.common = common,
                          .labels = WithComponent(labels, "query-router"),
                          .workload = {.name = "apex-query-router",
                                       .image = Image(registry, "query-router", router_tag),
                                       .env = data_env,
                                       .secrets = DataTierSecrets(data),
                                       .secret_files = {PostgresCa(data), RedisCa(data)},
                                       .database_user = database_user,
                                       .vpc_egress = data_tier_egress,
                                       .deletion_protection = deletion_protection},
                          .sizing = router_sizing,
                          .ingress = kIngressInternalOnly},
                         after_apis);

  // The gateway calls the INTERNAL_ONLY services, which accept it only when its requests leave through the
  // VPC: all its egress goes there (the subnet has Private Google Access, Cloud NAT covers the internet).
  // Behind the load balancer its run.app URL is closed; allUsers still invokes, as the load balancer sends no
  // identity.
  CloudRunService gateway(
      ctx, "api-gateway",
      {.common = common,
       .labels = WithComponent(labels, "api-gateway"),
       .workload = {.name = "apex-api-gateway",
                    .image = Image(registry, "api-gateway", gateway_tag),
                    .env = Concat(Concat(base_env, {{"QUERY_ROUTER_URL", router.uri}, {"INGESTION_WORKER_URL", ingestion.uri}}),
                                  RedisEnv(data)),
                    .secrets = {{.name = "REDIS_AUTH", .secret = data.redis_auth_secret}},
                    .secret_files = {RedisCa(data)},
                    .vpc_egress = VpcEgress{.network = network_id, .subnetwork = subnet_id, .egress = kEgressAllTraffic},
                    .deletion_protection = deletion_protection},
       .sizing = gateway_sizing,
       .ingress = edge.load_balancer ? kIngressInternalLoadBalancer : kIngressAll,
       .public_access = true},
      after_apis);

  // Only the gateway may call the internal services; granted afterwards, as the gateway needs their URIs.
  ingestion.GrantInvoker(ctx, {.id = "api-gateway", .member = gateway.service_account_member});
  router.GrantInvoker(ctx, {.id = "api-gateway", .member = gateway.service_account_member});
  std::vector<SecretEnvVar> temporal_secrets = DataTierSecrets(data);
  if (temporal.api_key_secret) temporal_secrets.push_back({.name = "TEMPORAL_API_KEY", .secret = *temporal.api_key_secret});
  // Deployed whatever apex:enableTemporal says: the flag tells the services whether to start workflows, and the
  // pool (and its monitoring) stays, so that turning Temporal on is a config change of the services only.
  CloudRunWorkerPool temporal_worker(
      ctx, "temporal-worker",
      {.common = common,
       .labels = WithComponent(labels, "temporal-worker"),
       .workload = {.name = "apex-temporal-worker",
                    .image = Image(registry, "temporal-worker", temporal_tag),
                    .env = Concat(data_env, {{"TEMPORAL_ADDRESS", temporal.address},
                                             {"TEMPORAL_NAMESPACE", temporal.name_space},
                                             {"TEMPORAL_TASK_QUEUE", temporal.task_queue}}),
                    .secrets = temporal_secrets,
                    .secret_files = {PostgresCa(data), RedisCa(data)},
                    .database_user = database_user,
                    .vpc_egress = data_tier_egress,
                    .deletion_protection = deletion_protection},
       .sizing = temporal_sizing},
      after_apis);

  // Run after every `pulumi up`: gcloud run jobs execute apex-db-migrate --wait --region <gcp:region>
  DatabaseMigrationJob migration(
      ctx, "db-migrate",
      {.common = common,
       .labels = WithComponent(labels, "db-migrate"),
       .image = migration_image,
       .instance = data.postgres_instance,
       .host = data.postgres_private_ip,
       .database = "vectors",
       .server_ca = PostgresCa(data),
       .vpc_egress = data_tier_egress,
       .grantees = {ingestion.database_user, router.database_user, temporal_worker.database_user},
       .deletion_protection = deletion_protection},
      after_apis);

  ctx.Export(outputs::kApiGatewayUri, gateway.uri);
  ctx.Export(outputs::kApiGatewayName, gateway.service_name);
  ctx.Export(outputs::kIngestionWorkerName, ingestion.service_name);
  ctx.Export(outputs::kQueryRouterName, router.service_name);
  ctx.Export(outputs::kTemporalWorkerName, temporal_worker.worker_pool_name);
  ctx.Export(outputs::kMigrationJobName, migration.job_name);
  if (edge.load_balancer) {
    PublicEdge public_edge(ctx, "public-edge",
                           {.common = common,
                            .labels = WithComponent(labels, "public-edge"),
                            .domain = edge.domain,
                            .service_name = gateway.service_name},
                           after_apis);
    ctx.Export(outputs::kPublicUrl, public_edge.url);
    ctx.Export(outputs::kPublicIpAddress, public_edge.ip_address);
  } else {
    ctx.Export(outputs::kPublicUrl, gateway.uri);
  }
}

}  // namespace apex::services
