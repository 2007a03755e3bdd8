// Network: the VPC of the Apex system. A custom-mode VPC (no auto subnets) with one regional subnet
// (Private Google Access, flow logs), a Cloud Router with Cloud NAT (logging errors), firewall rules that
// admit only internal traffic and Google's health-check and IAP ranges (no 0.0.0.0/0 ingress), and the
// private service access range with its servicenetworking connection, which Cloud SQL and Memorystore use
// for private IPs.
#ifndef APEX_NETWORK_H
#define APEX_NETWORK_H

#include "apex/config.h"
#include "apex/labels.h"
#include "pulumi/pulumi.h"

#include <string>

namespace apex {

struct NetworkArgs {
  CommonConfig common;
  Labels labels;
  std::string subnet_cidr;             ///< apex:subnetCidr, e.g. 10.10.0.0/20
  int psa_prefix_length = 16;          ///< apex:psaPrefixLength: the private service access range
  double flow_log_sampling = 0.5;      ///< apex:flowLogSampling (0..1]
  bool nat_log_all = false;            ///< apex:natLogAll: ALL instead of ERRORS_ONLY
};

/// Reads NetworkArgs from the stack's config (validated).
NetworkArgs LoadNetworkArgs(pulumi::Context& ctx, CommonConfig const& common);

class Network : public pulumi::ComponentResource {
 public:
  static constexpr char kType[] = "apex:network:Network";

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
};

}  // namespace apex

#endif  // APEX_NETWORK_H
