#include "apex/gcp_mocks/gcp_mocks.h"

#include "pulumi/gcpsim/model.h"

namespace apex::gcp_mocks {

GcpMocks::GcpMocks(std::string project, std::string region)
    : project_(std::move(project)), region_(std::move(region)) {}

pulumi::mocks::MockResourceResult GcpMocks::NewResource(pulumi::mocks::MockResourceArgs const& args) {
  // The values Google computes come from the model the simulator uses too (gcpsim/model); addresses are derived
  // from the resource, since there is no cloud to allocate them from.
  pulumi::gcpsim::DerivedAddresses addresses;
  auto out = pulumi::gcpsim::ComputeOutputs(
      {.type = args.type, .name = args.name, .inputs = args.inputs, .placement = {project_, region_, region_ + "-a"}},
      addresses);
  return {.id = out.id, .state = out.outputs};
}

pulumi::PropertyMap GcpMocks::Call(pulumi::mocks::MockCallArgs const& args) {
  if (args.token == "gcp:organizations/getProject:getProject") {
    return {{"projectId", project_}, {"number", pulumi::gcpsim::ProjectNumber(project_)}};
  }
  if (args.token == "gcp:compute/getNetworks:getNetworks") {
    // A project the mocks create fresh: no network yet (the simulator answers from its store).
    auto project = args.args.contains("project") && args.args.at("project").is_string()
                       ? args.args.at("project").AsString()
                       : project_;
    return {{"id", "projects/" + project + "/global/networks"},
            {"networks", pulumi::PropertyArray{}},
            {"project", project},
            {"selfLink", "https://www.googleapis.com/compute/v1/projects/" + project + "/global/networks"}};
  }
  return {};
}

}  // namespace apex::gcp_mocks
