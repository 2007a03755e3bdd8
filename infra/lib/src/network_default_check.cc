// Policy row 24: no auto-created `default` network (its broad firewall rules and auto subnets sit beside Apex's).
#include "apex/network.h"

#include "pulumi/gcp/compute/get_networks.h"

#include <algorithm>
#include <stdexcept>

namespace apex {

std::string DefaultNetworkRefusal(std::string const& project) {
  return "project " + project +
         " still has the auto-created 'default' network, which policy row 24 forbids (its "
         "firewall rules admit SSH, RDP and ICMP from anywhere). Delete it, then run again: gcloud compute networks "
         "delete default --project " +
         project;
}

pulumi::Output<std::string> ProjectWithoutDefaultNetwork(pulumi::Context& ctx, CommonConfig const& common,
                                                         EnabledApis const& apis) {
  // The project as an output of the enabled APIs: the list is asked for once Compute Engine answers (enabling it
  // is what creates `default`), and a preview that still has to enable them lists nothing (unknown).
  return pulumi::gcp::compute::GetNetworks(ctx, {.project = apis.project})
      .Apply([project = common.gcp_project](pulumi::gcp::compute::GetNetworksResult const& result) {
        auto const names = result.networks.value_or(std::vector<std::string>{});
        if (std::find(names.begin(), names.end(), "default") != names.end()) {
          throw std::runtime_error(DefaultNetworkRefusal(project));
        }
        return project;
      });
}

}  // namespace apex
