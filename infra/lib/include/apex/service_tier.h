// The compute tier of the Apex Memory System (apex-services) on Cloud Run v2: the public api-gateway (behind an
// external HTTPS load balancer with apex:publicEdge loadBalancer), the internal ingestion-worker and query-router,
// the Temporal worker pool and the migration job apex-db-migrate, on apex-network's VPC over apex-databases' data
// tier.
//
// The workloads reach the data tier over Direct VPC egress with TLS that verifies the server (the CA certificates
// of Cloud SQL and Memorystore mounted from Secret Manager) and log in to Postgres as Cloud SQL IAM users, one per
// service account. The migration job creates the extensions and the grants; the deploy runs it after every
// `pulumi up` of the stack (idempotent):
//
//   gcloud run jobs execute apex-db-migrate --wait --region <gcp:region> --project <gcp:project>
//
//   auto config = apex::LoadServiceTierConfig(ctx);               // validated before anything is registered
//   auto apis = apex::EnableApis(ctx, common, apex::ServiceTierApis(config));
//   apex::StackReads stacks(ctx, common, "apex-services");
//   auto tier = apex::CreateServiceTier(ctx, common, config, apex::ReadServiceTierInputs(stacks), {.depends_on =
//   apis});
#ifndef APEX_SERVICE_TIER_H
#define APEX_SERVICE_TIER_H

#include "apex/cloud_run_service.h"
#include "apex/config.h"
#include "apex/stack_reads.h"
#include "pulumi/pulumi.h"

#include <optional>
#include <string>
#include <vector>

namespace apex {

/// apex:temporal*: the Temporal frontend the worker pool polls.
struct TemporalConfig {
  std::string address;     ///< apex:temporalAddress, host:port
  std::string name_space;  ///< apex:temporalNamespace
  std::string task_queue;  ///< apex:temporalTaskQueue
  /// apex:temporalApiKeySecret: a Secret Manager secret id, managed outside these stacks.
  std::optional<std::string> api_key_secret;
};

/// apex:publicEdge and apex:publicDomain.
struct PublicEdgeConfig {
  bool load_balancer = false;  ///< loadBalancer: the gateway behind a load balancer for `domain`; runApp: run.app
  std::string domain;          ///< a lowercase domain name, required with the load balancer
};

/// The image of each workload: "<apex-network's imageRegistry>/<image><suffix>", the suffix ":<apex:<x>ImageTag>"
/// or "@sha256:…" when the tag is a digest.
struct ServiceTierImageSuffixes {
  std::string api_gateway;
  std::string ingestion_worker;
  std::string query_router;
  std::string temporal_worker;
};

struct ServiceTierConfig {
  bool deletion_protection = true;   ///< apex:deletionProtection: every service, the worker pool and the job
  std::string log_level;             ///< apex:logLevel: debug, info, warning or error
  ServiceSizing api_gateway;         ///< apex:apiGateway*
  ServiceSizing ingestion_worker;    ///< apex:ingestionWorker*
  ServiceSizing query_router;        ///< apex:queryRouter*
  WorkerPoolSizing temporal_worker;  ///< apex:temporalWorker*
  TemporalConfig temporal;
  ServiceTierImageSuffixes image_suffixes;
  std::string migration_image;  ///< apex:migrationImage: a postgres client image pinned to <major>.<minor> or a digest
  PublicEdgeConfig edge;
  /// ENABLE_QDRANT, ENABLE_GRAPHITI, ENABLE_TEMPORAL from apex:enableQdrant etc. ("true"/"false", default "true"),
  /// passed to every workload.
  std::vector<EnvVar> feature_flags;
};

/// Reads ServiceTierConfig from the stack's config (validated: every problem names the key and the stack file).
ServiceTierConfig LoadServiceTierConfig(pulumi::Context& ctx);

/// The APIs the tier calls; the load balancer's only with it.
std::vector<std::string> ServiceTierApis(ServiceTierConfig const& config);

/// What the workloads read from apex-databases, as text for their environment.
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

/// What the tier reads from the stacks of apex-network and apex-databases.
struct ServiceTierInputs {
  pulumi::Output<std::string> network_id;
  pulumi::Output<std::string> subnet_id;
  /// apex-network's Artifact Registry repository; the images are pushed there before this stack deploys.
  pulumi::Output<std::string> image_registry;
  DataTier data;
};

ServiceTierInputs ReadServiceTierInputs(StackReads const& stacks);

/// What the tier exports (apex/stack_outputs.h) for apex-monitoring and the deploy.
struct ServiceTier {
  pulumi::Output<std::string> api_gateway_uri;
  pulumi::Output<std::string> api_gateway_name;
  pulumi::Output<std::string> ingestion_worker_name;
  pulumi::Output<std::string> query_router_name;
  pulumi::Output<std::string> temporal_worker_name;
  pulumi::Output<std::string> migration_job_name;
  /// "https://<apex:publicDomain>" behind the load balancer, else the gateway's run.app URI.
  pulumi::Output<std::string> public_url;
  /// The load balancer's reserved address, for the domain's DNS A record; none without the load balancer.
  std::optional<pulumi::Output<std::string>> public_ip_address;
};

/// Creates the tier's workloads (each a component of its own); every resource waits for what `opts` names.
ServiceTier CreateServiceTier(pulumi::Context& ctx, CommonConfig const& common, ServiceTierConfig const& config,
                              ServiceTierInputs const& inputs, pulumi::ResourceOptions const& opts);

}  // namespace apex

#endif  // APEX_SERVICE_TIER_H
