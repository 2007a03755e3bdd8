// CreateServiceTier: the workloads of the compute tier, each created by a part named for it, in the order they
// depend on each other (the gateway needs the internal services' URIs; the migration job their database users).
#include "apex/service_tier.h"

#include "apex/labels.h"

namespace apex {
namespace {

// Where the data tier's CA certificates are mounted (one Secret Manager volume per directory).
constexpr char kPostgresCaPath[] = "/secrets/postgres-ca/server-ca.pem";
constexpr char kRedisCaPath[] = "/secrets/redis-ca/server-ca.pem";

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
  return Concat(
      {{"POSTGRES_HOST", d.postgres_private_ip},
       {"POSTGRES_PORT", std::string("5432")},
       {"POSTGRES_DB", d.database_name},
       {"POSTGRES_SSLMODE", std::string("verify-ca")},
       {"PGSSLROOTCERT", std::string(kPostgresCaPath)}},
      Concat(RedisEnv(d), {{"NEO4J_URI", pulumi::Format("bolt://{}:7687", d.neo4j_ip)}, {"QDRANT_URL", d.qdrant_url}}));
}

std::vector<SecretEnvVar> DataTierSecrets(DataTier const& d) {
  return {{.name = "REDIS_AUTH", .secret = d.redis_auth_secret},
          {.name = "NEO4J_PASSWORD", .secret = d.neo4j_password_secret},
          {.name = "QDRANT_API_KEY", .secret = d.qdrant_api_key_secret}};
}

SecretFile PostgresCa(DataTier const& d) {
  return {.name = "postgres-ca", .secret = d.postgres_ca_secret, .path = kPostgresCaPath};
}
SecretFile RedisCa(DataTier const& d) {
  return {.name = "redis-ca", .secret = d.redis_ca_secret, .path = kRedisCaPath};
}

class ServiceTierBuilder {
 public:
  ServiceTierBuilder(pulumi::Context& ctx, CommonConfig const& common, ServiceTierConfig const& config,
                     ServiceTierInputs const& inputs, pulumi::ResourceOptions const& opts)
      : ctx_(ctx),
        common_(common),
        config_(config),
        in_(inputs),
        opts_(opts),
        labels_(StandardLabels(ctx, common)),
        base_env_(Concat({{"APEX_ENVIRONMENT", common.environment},
                          {"GOOGLE_CLOUD_PROJECT", common.gcp_project},
                          {"LOG_LEVEL", config.log_level}},
                         config.feature_flags)),
        data_env_(Concat(base_env_, DataTierEnv(inputs.data))) {}

  ServiceTier Build() {
    CloudRunService ingestion =
        DataService("ingestion-worker", config_.image_suffixes.ingestion_worker, config_.ingestion_worker);
    CloudRunService router = DataService("query-router", config_.image_suffixes.query_router, config_.query_router);
    CloudRunService gateway = Gateway(ingestion, router);
    // Only the gateway may call the internal services; granted afterwards, as the gateway needs their URIs.
    ingestion.GrantInvoker(ctx_, {.id = "api-gateway", .member = gateway.service_account_member});
    router.GrantInvoker(ctx_, {.id = "api-gateway", .member = gateway.service_account_member});
    CloudRunWorkerPool temporal_worker = TemporalWorker();
    DatabaseMigrationJob migration =
        MigrationJob({ingestion.database_user, router.database_user, temporal_worker.database_user});
    ServiceTier tier{.api_gateway_uri = gateway.uri,
                     .api_gateway_name = gateway.service_name,
                     .ingestion_worker_name = ingestion.service_name,
                     .query_router_name = router.service_name,
                     .temporal_worker_name = temporal_worker.worker_pool_name,
                     .migration_job_name = migration.job_name,
                     .public_url = gateway.uri,
                     .public_ip_address = std::nullopt};
    if (config_.edge.load_balancer) Edge(gateway, tier);
    return tier;
  }

 private:
  // "<apex-network's imageRegistry>/<image><suffix>".
  pulumi::Output<std::string> Image(std::string const& image, std::string const& suffix) const {
    return in_.image_registry.Apply([=](std::string const& r) { return r + "/" + image + suffix; });
  }

  // The data tier is all at private addresses (Cloud SQL, Memorystore, the Neo4j and Qdrant VMs).
  VpcEgress DataTierEgress() const {
    return {.network = in_.network_id, .subnetwork = in_.subnet_id, .egress = kEgressPrivateRangesOnly};
  }

  // A workload on the whole data tier: its env, secrets, both CA certificates and a Cloud SQL IAM user.
  CloudRunWorkload DataWorkload(std::string const& name, std::string const& suffix,
                                std::vector<EnvVar> const& env) const {
    return {.name = "apex-" + name,
            .image = Image(name, suffix),
            .env = env,
            .secrets = DataTierSecrets(in_.data),
            .secret_files = {PostgresCa(in_.data), RedisCa(in_.data)},
            .database_user = CloudSqlIamUser{.instance = in_.data.postgres_instance},
            .vpc_egress = DataTierEgress(),
            .deletion_protection = config_.deletion_protection};
  }

  // ingestion-worker, query-router: internal only.
  CloudRunService DataService(std::string const& name, std::string const& suffix, ServiceSizing const& sizing) {
    return CloudRunService(ctx_, name,
                           {.common = common_,
                            .labels = WithComponent(labels_, name),
                            .workload = DataWorkload(name, suffix, data_env_),
                            .sizing = sizing,
                            .ingress = kIngressInternalOnly},
                           opts_);
  }

  // The gateway calls the INTERNAL_ONLY services, which accept it only when its requests leave through the
  // VPC: all its egress goes there (the subnet has Private Google Access, Cloud NAT covers the internet).
  // Behind the load balancer its run.app URL is closed; allUsers still invokes, as the load balancer sends no
  // identity.
  CloudRunService Gateway(CloudRunService const& ingestion, CloudRunService const& router) {
    auto env = Concat(Concat(base_env_, {{"QUERY_ROUTER_URL", router.uri}, {"INGESTION_WORKER_URL", ingestion.uri}}),
                      RedisEnv(in_.data));
    return CloudRunService(ctx_, "api-gateway",
                           {.common = common_,
                            .labels = WithComponent(labels_, "api-gateway"),
                            .workload = {.name = "apex-api-gateway",
                                         .image = Image("api-gateway", config_.image_suffixes.api_gateway),
                                         .env = env,
                                         .secrets = {{.name = "REDIS_AUTH", .secret = in_.data.redis_auth_secret}},
                                         .secret_files = {RedisCa(in_.data)},
                                         .vpc_egress = VpcEgress{.network = in_.network_id,
                                                                 .subnetwork = in_.subnet_id,
                                                                 .egress = kEgressAllTraffic},
                                         .deletion_protection = config_.deletion_protection},
                            .sizing = config_.api_gateway,
                            .ingress = config_.edge.load_balancer ? kIngressInternalLoadBalancer : kIngressAll,
                            .public_access = true},
                           opts_);
  }

  // Deployed whatever apex:enableTemporal says: the flag tells the services whether to start workflows, and the
  // pool (and its monitoring) stays, so that turning Temporal on is a config change of the services only.
  CloudRunWorkerPool TemporalWorker() {
    auto const& temporal = config_.temporal;
    auto workload = DataWorkload("temporal-worker", config_.image_suffixes.temporal_worker,
                                 Concat(data_env_, {{"TEMPORAL_ADDRESS", temporal.address},
                                                    {"TEMPORAL_NAMESPACE", temporal.name_space},
                                                    {"TEMPORAL_TASK_QUEUE", temporal.task_queue}}));
    if (temporal.api_key_secret) {
      workload.secrets.push_back({.name = "TEMPORAL_API_KEY", .secret = *temporal.api_key_secret});
    }
    return CloudRunWorkerPool(ctx_, "temporal-worker",
                              {.common = common_,
                               .labels = WithComponent(labels_, "temporal-worker"),
                               .workload = workload,
                               .sizing = config_.temporal_worker},
                              opts_);
  }

  // Run after every `pulumi up`: gcloud run jobs execute apex-db-migrate --wait --region <gcp:region>
  DatabaseMigrationJob MigrationJob(std::vector<pulumi::Output<std::string>> grantees) {
    return DatabaseMigrationJob(ctx_, "db-migrate",
                                {.common = common_,
                                 .labels = WithComponent(labels_, "db-migrate"),
                                 .image = config_.migration_image,
                                 .instance = in_.data.postgres_instance,
                                 .host = in_.data.postgres_private_ip,
                                 .database = "vectors",
                                 .server_ca = PostgresCa(in_.data),
                                 .vpc_egress = DataTierEgress(),
                                 .grantees = std::move(grantees),
                                 .deletion_protection = config_.deletion_protection},
                                opts_);
  }

  // The HTTPS load balancer in front of the gateway: the public URL becomes the domain's.
  void Edge(CloudRunService const& gateway, ServiceTier& tier) {
    PublicEdge edge(ctx_, "public-edge",
                    {.common = common_,
                     .labels = WithComponent(labels_, "public-edge"),
                     .domain = config_.edge.domain,
                     .service_name = gateway.service_name},
                    opts_);
    tier.public_url = edge.url;
    tier.public_ip_address = edge.ip_address;
  }

  pulumi::Context& ctx_;
  CommonConfig const& common_;
  ServiceTierConfig const& config_;
  ServiceTierInputs const& in_;
  pulumi::ResourceOptions const& opts_;
  Labels labels_;
  std::vector<EnvVar> base_env_;
  std::vector<EnvVar> data_env_;
};

}  // namespace

ServiceTier CreateServiceTier(pulumi::Context& ctx, CommonConfig const& common, ServiceTierConfig const& config,
                              ServiceTierInputs const& inputs, pulumi::ResourceOptions const& opts) {
  return ServiceTierBuilder(ctx, common, config, inputs, opts).Build();
}

}  // namespace apex
