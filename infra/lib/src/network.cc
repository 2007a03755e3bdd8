#include "apex/network.h"

#include "pulumi/gcp/artifactregistry/repository.h"
#include "pulumi/gcp/compute/firewall.h"
#include "pulumi/gcp/compute/global_address.h"
#include "pulumi/gcp/compute/network.h"
#include "pulumi/gcp/compute/router.h"
#include "pulumi/gcp/compute/router_nat.h"
#include "pulumi/gcp/compute/subnetwork.h"
#include "pulumi/gcp/servicenetworking/connection.h"

namespace apex {

namespace compute = pulumi::gcp::compute;
namespace registry = pulumi::gcp::artifactregistry;

NetworkArgs LoadNetworkArgs(pulumi::Context& ctx, CommonConfig const& common, pulumi::Input<std::string> project) {
  ConfigReader config(ctx);
  NetworkArgs a;
  a.common = common;
  a.labels = StandardLabels(ctx, common);
  a.project = std::move(project);
  a.images.keep_count = config.GetInt("imageKeepCount", a.images.keep_count, 1, 100);
  a.images.untagged_retention_days =
      config.GetInt("untaggedImageRetentionDays", a.images.untagged_retention_days, 1, 365);
  a.images.immutable_tags = common.is_prod();
  a.subnet_cidr = config.RequireString("subnetCidr");
  if (a.subnet_cidr.find('/') == std::string::npos)
    config.Invalid("subnetCidr", "'" + a.subnet_cidr + "' is not a CIDR range");
  a.psa_prefix_length = config.GetInt("psaPrefixLength", a.psa_prefix_length, 8, 24);
  a.flow_log_sampling = config.GetDouble("flowLogSampling", a.flow_log_sampling);
  if (a.flow_log_sampling <= 0 || a.flow_log_sampling > 1) config.Invalid("flowLogSampling", "must be in (0, 1]");
  a.nat_log_all = config.GetBool("natLogAll", a.nat_log_all);
  return a;
}

Network::Network(pulumi::Context& ctx, std::string const& name, NetworkArgs const& args,
                 pulumi::ResourceOptions const& opts)
    : pulumi::ComponentResource(ctx, kType, name, opts) {
  pulumi::ResourceOptions child{.parent = *this, .depends_on = opts.depends_on};
  CreateVpc(ctx, name, args, child);
  CreateRouting(ctx, name, args, child);
  CreateFirewall(ctx, name, args, child);
  CreatePrivateServiceAccess(ctx, name, args, child);
  CreateImageRepository(ctx, name, args, child);
  RegisterOutputs({{"imageRegistry", image_registry},
                   {"networkId", network_id},
                   {"networkSelfLink", network_self_link},
                   {"subnetId", subnet_id},
                   {"routerName", router_name},
                   {"natName", nat_name},
                   {"psaRangeName", psa_range_name}});
}

void Network::CreateVpc(pulumi::Context& ctx, std::string const& name, NetworkArgs const& args,
                        pulumi::ResourceOptions const& child) {
  auto const& region = args.common.region;
  // The VPC takes the checked project: in a project with a `default` network nothing below is created.
  compute::Network vpc(ctx, name + "-vpc",
                       {.auto_create_subnetworks = false,
                        .description = "Apex Memory System VPC (" + args.common.environment + ")",
                        .name = name + "-vpc",
                        .project = args.project,
                        .routing_mode = "REGIONAL"},
                       child);
  compute::Subnetwork subnet(ctx, name + "-subnet",
                             {.ip_cidr_range = args.subnet_cidr,
                              .log_config = compute::SubnetworkLogConfigArgs{.aggregation_interval = "INTERVAL_5_SEC",
                                                                             .flow_sampling = args.flow_log_sampling,
                                                                             .metadata = "INCLUDE_ALL_METADATA"},
                              .name = name + "-subnet-" + region,
                              .network = vpc.id(),
                              .private_ip_google_access = true,
                              .region = region},
                             child);
  network_id = vpc.id();
  network_name = vpc.name();
  network_self_link = vpc.self_link();
  subnet_id = subnet.id();
  subnet_name = subnet.name();
  subnet_self_link = subnet.self_link();
}

void Network::CreateRouting(pulumi::Context& ctx, std::string const& name, NetworkArgs const& args,
                            pulumi::ResourceOptions const& child) {
  auto const& region = args.common.region;
  compute::Router router(ctx, name + "-router", {.name = name + "-router", .network = network_id, .region = region},
                         child);
  compute::RouterNat nat(
      ctx, name + "-nat",
      {.log_config =
           compute::RouterNatLogConfigArgs{.enable = true, .filter = args.nat_log_all ? "ALL" : "ERRORS_ONLY"},
       .name = name + "-nat",
       .nat_ip_allocate_option = "AUTO_ONLY",
       .region = region,
       .router = router.name(),
       .source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"},
      child);
  router_name = router.name();
  nat_name = nat.name();
}

void Network::CreateFirewall(pulumi::Context& ctx, std::string const& name, NetworkArgs const& args,
                             pulumi::ResourceOptions const& child) {
  // Ingress: each rule opens what a data VM serves, to the subnet only (Cloud Run's Direct VPC egress leaves from
  // it), and SSH through IAP for the VMs' operators; nothing from 0.0.0.0/0 (policy check 22). Cloud SQL and
  // Memorystore are reached over the PSA peering, which these rules do not govern; nothing is health-checked.
  compute::FirewallLogConfigArgs const logged{.metadata = "INCLUDE_ALL_METADATA"};
  auto allow = [&](std::string const& rule, std::vector<std::string> const& ports,
                   std::vector<std::string> const& sources, std::vector<std::string> const& tags) {
    compute::Firewall(ctx, name + "-allow-" + rule,
                      {.allows = std::vector<compute::FirewallAllowArgs>{{.ports = ports, .protocol = "tcp"}},
                       .direction = "INGRESS",
                       .log_config = logged,
                       .name = name + "-allow-" + rule,
                       .network = network_id,
                       .priority = 1000,
                       .source_ranges = sources,
                       .target_tags = tags},
                      child);
  };
  allow("neo4j", {"7474", "7687"}, {args.subnet_cidr}, {"neo4j"});
  allow("qdrant", {"6333", "6334"}, {args.subnet_cidr}, {"qdrant"});
  allow("iap-ssh", {"22"}, {"35.235.240.0/20"}, {"neo4j", "qdrant"});
}

void Network::CreatePrivateServiceAccess(pulumi::Context& ctx, std::string const& name, NetworkArgs const& args,
                                         pulumi::ResourceOptions const& child) {
  // Private service access: a reserved range peered with Google's services network.
  compute::GlobalAddress psa(ctx, name + "-psa-range",
                             {.address_type = "INTERNAL",
                              .labels = args.labels,
                              .name = name + "-psa-range",
                              .network = network_id,
                              .prefix_length = args.psa_prefix_length,
                              .purpose = "VPC_PEERING"},
                             child);
  // Cloud SQL and Memorystore keep using the peering for days after they are deleted, so deleting the connection
  // fails; abandoning it lets a stack be destroyed, and the peering goes with the network.
  pulumi::gcp::servicenetworking::Connection psc(
      ctx, name + "-psa-connection",
      {.deletion_policy = "ABANDON",
       .network = network_id,
       .reserved_peering_ranges = std::vector<pulumi::Output<std::string>>{psa.name()},
       .service = "servicenetworking.googleapis.com"},
      child);
  psa_range_name = psa.name();
  private_service_connection = psc.id();
}

void Network::CreateImageRepository(pulumi::Context& ctx, std::string const& name, NetworkArgs const& args,
                                    pulumi::ResourceOptions const& child) {
  auto const& region = args.common.region;
  // The images' repository: the services pull from it; old versions are cleaned up so storage stays bounded.
  registry::Repository images(
      ctx, name + "-images",
      {.cleanup_policies =
           std::vector<registry::RepositoryCleanupPolicyArgs>{
               {.action = "KEEP",
                .id = "keep-most-recent",
                .most_recent_versions =
                    registry::RepositoryCleanupPolicyMostRecentVersionsArgs{.keep_count = args.images.keep_count}},
               {.action = "DELETE",
                .condition =
                    registry::RepositoryCleanupPolicyConditionArgs{
                        .older_than = std::to_string(args.images.untagged_retention_days * 86400) + "s",
                        .tag_state = "UNTAGGED"},
                .id = "delete-untagged"}},
       .cleanup_policy_dry_run = false,
       .description = "Apex Memory System container images (" + args.common.environment + ")",
       .docker_config = registry::RepositoryDockerConfigArgs{.immutable_tags = args.images.immutable_tags},
       .format = "DOCKER",
       .labels = args.labels,
       .location = region,
       .project = args.project,
       .repository_id = name},
      child);
  image_registry = images.registry_uri();
}

}  // namespace apex
