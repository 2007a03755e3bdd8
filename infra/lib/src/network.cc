#include "apex/network.h"

#include "pulumi/gcp/compute/firewall.h"
#include "pulumi/gcp/compute/global_address.h"
#include "pulumi/gcp/compute/network.h"
#include "pulumi/gcp/compute/router.h"
#include "pulumi/gcp/compute/router_nat.h"
#include "pulumi/gcp/compute/subnetwork.h"
#include "pulumi/gcp/servicenetworking/connection.h"

namespace apex {

namespace compute = pulumi::gcp::compute;

NetworkArgs LoadNetworkArgs(pulumi::Context& ctx, CommonConfig const& common) {
  pulumi::Config apex(ctx, kConfigNamespace);
  NetworkArgs a;
  a.common = common;
  a.labels = StandardLabels(ctx, common);
  a.subnet_cidr = apex.Require("subnetCidr");
  if (a.subnet_cidr.find('/') == std::string::npos) InvalidConfig(ctx, "subnetCidr", "'" + a.subnet_cidr + "' is not a CIDR range");
  a.psa_prefix_length = GetIntInRange(ctx, "psaPrefixLength", 16, 8, 24);
  a.flow_log_sampling = apex.GetDouble("flowLogSampling").value_or(0.5);
  if (a.flow_log_sampling <= 0 || a.flow_log_sampling > 1) {
    InvalidConfig(ctx, "flowLogSampling", "must be in (0, 1]");
  }
  a.nat_log_all = GetBool(ctx, "natLogAll", false);
  return a;
}

Network::Network(pulumi::Context& ctx, std::string const& name, NetworkArgs const& args,
                 pulumi::ResourceOptions const& opts)
    : pulumi::ComponentResource(ctx, kType, name, opts) {
  pulumi::ResourceOptions child{.parent = *this};
  auto const& region = args.common.region;

  compute::Network vpc(ctx, name + "-vpc",
                       {.auto_create_subnetworks = false,
                        .description = "Apex Memory System VPC (" + args.common.environment + ")",
                        .name = name + "-vpc",
                        .routing_mode = "REGIONAL"},
                       child);
  compute::Subnetwork subnet(
      ctx, name + "-subnet",
      {.ip_cidr_range = args.subnet_cidr,
       .log_config = compute::SubnetworkLogConfigArgs{.aggregation_interval = "INTERVAL_5_SEC",
                                                     .flow_sampling = args.flow_log_sampling,
                                                     .metadata = "INCLUDE_ALL_METADATA"},
       .name = name + "-subnet-" + region,
       .network = vpc.id(),
       .private_ip_google_access = true,
       .region = region},
      child);
  compute::Router router(ctx, name + "-router", {.name = name + "-router", .network = vpc.id(), .region = region},
                         child);
  compute::RouterNat nat(ctx, name + "-nat",
                         {.log_config = compute::RouterNatLogConfigArgs{.enable = true,
                                                                       .filter = args.nat_log_all ? "ALL" : "ERRORS_ONLY"},
                          .name = name + "-nat",
                          .nat_ip_allocate_option = "AUTO_ONLY",
                          .region = region,
                          .router = router.name(),
                          .source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"},
                         child);

  // Ingress: only from inside the VPC and SSH through IAP; nothing from 0.0.0.0/0 (policy check 22). No rule
  // for Google's health checkers: no load balancer or health check points at the VMs (issue #11).
  compute::Firewall internal(ctx, name + "-allow-internal",
                             {.allows = std::vector<compute::FirewallAllowArgs>{{.protocol = "tcp"},
                                                                               {.protocol = "udp"},
                                                                               {.protocol = "icmp"}},
                              .direction = "INGRESS",
                              .log_config = compute::FirewallLogConfigArgs{.metadata = "INCLUDE_ALL_METADATA"},
                              .name = name + "-allow-internal",
                              .network = vpc.id(),
                              .priority = 1000,
                              .source_ranges = std::vector<std::string>{args.subnet_cidr}},
                             child);
  compute::Firewall iap(ctx, name + "-allow-iap-ssh",
                        {.allows = std::vector<compute::FirewallAllowArgs>{
                             {.ports = std::vector<std::string>{"22"}, .protocol = "tcp"}},
                         .direction = "INGRESS",
                         .log_config = compute::FirewallLogConfigArgs{.metadata = "INCLUDE_ALL_METADATA"},
                         .name = name + "-allow-iap-ssh",
                         .network = vpc.id(),
                         .source_ranges = std::vector<std::string>{"35.235.240.0/20"}},
                        child);

  // Private service access: a reserved range peered with Google's services network.
  compute::GlobalAddress psa(ctx, name + "-psa-range",
                             {.address_type = "INTERNAL",
                              .labels = args.labels,
                              .name = name + "-psa-range",
                              .network = vpc.id(),
                              .prefix_length = args.psa_prefix_length,
                              .purpose = "VPC_PEERING"},
                             child);
  // Cloud SQL and Memorystore keep using the peering for days after they are deleted, so deleting the connection
  // fails; abandoning it lets a stack be destroyed, and the peering goes with the network.
  pulumi::gcp::servicenetworking::Connection psc(
      ctx, name + "-psa-connection",
      {.deletion_policy = "ABANDON",
       .network = vpc.id(),
       .reserved_peering_ranges = std::vector<pulumi::Output<std::string>>{psa.name()},
       .service = "servicenetworking.googleapis.com"},
      child);

  network_id = vpc.id();
  network_name = vpc.name();
  network_self_link = vpc.self_link();
  subnet_id = subnet.id();
  subnet_name = subnet.name();
  subnet_self_link = subnet.self_link();
  router_name = router.name();
  nat_name = nat.name();
  psa_range_name = psa.name();
  private_service_connection = psc.id();
  RegisterOutputs({{"networkId", network_id},
                   {"networkSelfLink", network_self_link},
                   {"subnetId", subnet_id},
                   {"routerName", router_name},
                   {"natName", nat_name},
                   {"psaRangeName", psa_range_name}});
}

}  // namespace apex
