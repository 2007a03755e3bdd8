// Qdrant on Cloud Run v2: internal ingress only (no public invoker), Direct VPC egress, its own service
// account, and its storage on a GCS volume backed by a private, versioned bucket.
#include "apex/database_cluster.h"

#include "pulumi/gcp/cloudrunv2/service.h"
#include "pulumi/gcp/serviceaccount/account.h"
#include "pulumi/gcp/storage/bucket.h"
#include "pulumi/gcp/storage/bucket_iam_member.h"

namespace apex {
namespace {

namespace run = pulumi::gcp::cloudrunv2;
namespace storage = pulumi::gcp::storage;

constexpr int kQdrantHttpPort = 6333;
constexpr char kStoragePath[] = "/qdrant/storage";

}  // namespace

void DatabaseCluster::CreateQdrant(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                                   DatabaseNetwork const& network) {
  pulumi::ResourceOptions child{.parent = *this};
  QdrantConfig const& q = args.qdrant;
  Labels const labels = WithComponent(args.labels, "qdrant");
  std::string const service_name = name + "-qdrant";

  storage::Bucket bucket(
      ctx, service_name + "-storage",
      {.force_destroy = !args.deletion_protection,
       .labels = labels,
       // Old versions of Qdrant's segment files are kept for recovery, not forever.
       .lifecycle_rules = std::vector<storage::BucketLifecycleRuleArgs>{
           {.action = storage::BucketLifecycleRuleActionArgs{.type = "Delete"},
            .condition = storage::BucketLifecycleRuleConditionArgs{.days_since_noncurrent_time = 30,
                                                                   .with_state = "ARCHIVED"}}},
       .location = args.common.region,
       .name = args.common.gcp_project + "-" + service_name,  // bucket names are global
       .public_access_prevention = "enforced",
       .uniform_bucket_level_access = true,
       .versioning = storage::BucketVersioningArgs{.enabled = true}},
      child);

  pulumi::gcp::serviceaccount::Account account(
      ctx, service_name + "-sa",
      {.account_id = service_name, .description = "Runs Qdrant on Cloud Run", .display_name = "Apex Qdrant"}, child);
  storage::BucketIAMMember storage_admin(
      ctx, service_name + "-storage-admin",
      {.bucket = bucket.name(), .member = account.member(), .role = "roles/storage.objectAdmin"}, child);

  // The revision mounts the bucket at start: the service waits for its account's access.
  pulumi::ResourceOptions service_options{.parent = *this, .depends_on = {storage_admin}};
  run::Service service(
      ctx, service_name,
      {.deletion_protection = args.deletion_protection,
       .description = "Qdrant vector search of the Apex Memory System",
       .ingress = "INGRESS_TRAFFIC_INTERNAL_ONLY",
       .invoker_iam_disabled = false,
       .labels = labels,
       .location = args.common.region,
       .name = service_name,
       .template_ = run::ServiceTemplateArgs{
           .containers = std::vector<run::ServiceTemplateContainerArgs>{{
               .envs = std::vector<run::ServiceTemplateContainerEnvArgs>{
                   {.name = "QDRANT__STORAGE__STORAGE_PATH", .value = kStoragePath},
                   {.name = "QDRANT__TELEMETRY_DISABLED", .value = "true"}},
               .image = q.image,
               .liveness_probe = run::ServiceTemplateContainerLivenessProbeArgs{
                   .http_get = run::ServiceTemplateContainerLivenessProbeHttpGetArgs{.path = "/livez",
                                                                                    .port = kQdrantHttpPort},
                   .period_seconds = 30},
               .ports = run::ServiceTemplateContainerPortsArgs{.container_port = kQdrantHttpPort, .name = "http1"},
               .resources = run::ServiceTemplateContainerResourcesArgs{
                   .limits = std::map<std::string, std::string>{{"cpu", q.cpu}, {"memory", q.memory}},
                   .startup_cpu_boost = true},
               .startup_probe = run::ServiceTemplateContainerStartupProbeArgs{
                   .failure_threshold = 10,
                   .http_get = run::ServiceTemplateContainerStartupProbeHttpGetArgs{.path = "/readyz",
                                                                                   .port = kQdrantHttpPort},
                   .period_seconds = 5},
               .volume_mounts = std::vector<run::ServiceTemplateContainerVolumeMountArgs>{
                   {.mount_path = kStoragePath, .name = "storage"}}}},
           // GCS volumes need the second-generation execution environment.
           .execution_environment = "EXECUTION_ENVIRONMENT_GEN2",
           .labels = labels,
           .scaling = run::ServiceTemplateScalingArgs{.max_instance_count = q.max_instances,
                                                      .min_instance_count = q.min_instances},
           .service_account = account.email(),
           .volumes = std::vector<run::ServiceTemplateVolumeArgs>{
               {.gcs = run::ServiceTemplateVolumeGcsArgs{.bucket = bucket.name(), .read_only = false},
                .name = "storage"}},
           .vpc_access = run::ServiceTemplateVpcAccessArgs{
               .egress = "PRIVATE_RANGES_ONLY",
               .network_interfaces = std::vector<run::ServiceTemplateVpcAccessNetworkInterfaceArgs>{
                   {.network = network.network_id,
                    .subnetwork = network.subnet_self_link,
                    .tags = std::vector<std::string>{"qdrant"}}}}},
       .traffics = std::vector<run::ServiceTrafficArgs>{
           {.percent = 100, .type = "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST"}}},
      service_options);

  qdrant_uri = service.uri();
  qdrant_service_name = service.name();
}

}  // namespace apex
