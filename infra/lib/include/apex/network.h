// Network: the VPC of the Apex system and the project prerequisites that go with it. A custom-mode VPC (no
// auto subnets) with one regional subnet (Private Google Access, flow logs), a Cloud Router with Cloud NAT
// (logging errors), firewall rules that open to the subnet exactly the ports of the data VMs (Neo4j, Qdrant)
// and SSH through IAP (no 0.0.0.0/0 ingress), and the private service access range with its
// servicenetworking connection, which Cloud SQL and Memorystore use for private IPs. Besides: the Artifact
// Registry repository of the images, and the refusal of a project that still has the `default` network.
//
//   auto apis = apex::EnableApis(ctx, common, apex::kNetworkApis);
//   auto project = apex::ProjectWithoutDefaultNetwork(ctx, common, apis);
//   apex::Network net(ctx, "apex", {.project = project, ...}, {.depends_on = apis});
#ifndef APEX_NETWORK_H
#define APEX_NETWORK_H

#include "apex/config.h"
#include "apex/labels.h"
#include "apex/project_apis.h"
#include "pulumi/pulumi.h"

#include <string>
#include <vector>

namespace apex {

/// The APIs the network stack calls: Compute Engine, Service Networking (the PSA connection), Artifact Registry.
inline std::vector<std::string> const kNetworkApis = {"compute.googleapis.com", "servicenetworking.googleapis.com",
                                                      "artifactregistry.googleapis.com"};

/// The stack's project once it is known to have no auto-created `default` network (policy row 24): lists the
/// project's networks (gcp:compute/getNetworks) after `apis` are enabled, and fails the run, naming the project,
/// the rule and the command that deletes the network, if `default` is among them. What must not be created in
/// such a project takes the result as its `project`, so nothing is.
pulumi::Output<std::string> ProjectWithoutDefaultNetwork(pulumi::Context& ctx, CommonConfig const& common,
                                                         EnabledApis const& apis);

/// The refusal's message for `project` (what ProjectWithoutDefaultNetwork fails with).
std::string DefaultNetworkRefusal(std::string const& project);

/// The container image repository's settings (apex:* config, validated).
struct ImageRepositoryArgs {
  int keep_count = 10;              ///< apex:imageKeepCount: the most recent versions kept of each image, 1..100
  int untagged_retention_days = 7;  ///< apex:untaggedImageRetentionDays: untagged versions go after this, 1..365
  bool immutable_tags = false;      ///< prod: a pushed tag cannot be moved to another image
};

struct NetworkArgs {
  CommonConfig common;
  Labels labels;
  /// The project the resources go in: ProjectWithoutDefaultNetwork's result, so that they wait for the check.
  pulumi::Input<std::string> project;
  ImageRepositoryArgs images;
  std::string subnet_cidr;         ///< apex:subnetCidr, e.g. 10.10.0.0/20
  int psa_prefix_length = 16;      ///< apex:psaPrefixLength: the private service access range
  double flow_log_sampling = 0.5;  ///< apex:flowLogSampling (0..1]
  bool nat_log_all = false;        ///< apex:natLogAll: ALL instead of ERRORS_ONLY
};

/// Reads NetworkArgs from the stack's config (validated); `project` is the gate (see ProjectWithoutDefaultNetwork).
NetworkArgs LoadNetworkArgs(pulumi::Context& ctx, CommonConfig const& common, pulumi::Input<std::string> project);

class Network : public pulumi::ComponentResource {
 public:
  static constexpr char kType[] = "apex:network:Network";

  /// Every child depends on what `opts.depends_on` names (the APIs), as the component does.
  Network(pulumi::Context& ctx, std::string const& name, NetworkArgs const& args,
          pulumi::ResourceOptions const& opts = {});

  pulumi::Output<std::string> network_id;
  pulumi::Output<std::string> network_name;
  pulumi::Output<std::string> network_self_link;
  pulumi::Output<std::string> subnet_id;
  pulumi::Output<std::string> subnet_name;
  pulumi::Output<std::string> subnet_self_link;
  pulumi::Output<std::string> router_name;
  pulumi::Output<std::string> nat_name;
  pulumi::Output<std::string> psa_range_name;
  pulumi::Output<std::string> private_service_connection;
  /// "<region>-docker.pkg.dev/<project>/apex": where the images are pushed and pulled.
  pulumi::Output<std::string> image_registry;

 private:
  // One per part of the network (network.cc), in this order; each sets its outputs above. `child`: the options
  // of every child (this parent, the component's depends_on).
  /// The custom-mode VPC and its subnet.
  void CreateVpc(pulumi::Context& ctx, std::string const& name, NetworkArgs const& args,
                 pulumi::ResourceOptions const& child);
  /// The Cloud Router and its NAT.
  void CreateRouting(pulumi::Context& ctx, std::string const& name, NetworkArgs const& args,
                     pulumi::ResourceOptions const& child);
  /// The ingress rules: the data VMs' ports from the subnet, SSH through IAP.
  void CreateFirewall(pulumi::Context& ctx, std::string const& name, NetworkArgs const& args,
                      pulumi::ResourceOptions const& child);
  /// The private service access range and its servicenetworking connection.
  void CreatePrivateServiceAccess(pulumi::Context& ctx, std::string const& name, NetworkArgs const& args,
                                  pulumi::ResourceOptions const& child);
  /// The Artifact Registry repository of the images.
  void CreateImageRepository(pulumi::Context& ctx, std::string const& name, NetworkArgs const& args,
                             pulumi::ResourceOptions const& child);
};

}  // namespace apex

#endif  // APEX_NETWORK_H
