// A simulated Google Cloud for mocks runs: each resource's outputs are its inputs plus the computed values
// the real provider would return (ids, self links, private IPs, connection names, service URIs, emails),
// derived deterministically from the inputs, so tests and the offline plan can follow them downstream. The
// values come from pulumi::gcpsim's model, the one the simulator provider (gcpsim/) computes them with.
#ifndef APEX_GCP_MOCKS_GCP_MOCKS_H
#define APEX_GCP_MOCKS_GCP_MOCKS_H

#include "pulumi/mocks/mocks.h"

#include <string>

namespace apex::gcp_mocks {

class GcpMocks : public pulumi::mocks::Mocks {
 public:
  /// `project` and `region` fill in resources that leave them to the provider's defaults.
  GcpMocks(std::string project, std::string region);

  pulumi::mocks::MockResourceResult NewResource(pulumi::mocks::MockResourceArgs const& args) override;
  pulumi::PropertyMap Call(pulumi::mocks::MockCallArgs const& args) override;

 private:
  std::string project_;
  std::string region_;
};

}  // namespace apex::gcp_mocks

#endif  // APEX_GCP_MOCKS_GCP_MOCKS_H
