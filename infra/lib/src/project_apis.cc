#include "apex/project_apis.h"

#include "pulumi/gcp/projects/service.h"

namespace apex {

std::vector<pulumi::Resource> EnableApis(pulumi::Context& ctx, CommonConfig const& common,
                                         std::vector<std::string> const& apis) {
  std::vector<pulumi::Resource> enabled;
  for (auto const& api : apis) {
    enabled.push_back(pulumi::gcp::projects::Service(ctx, "api-" + api.substr(0, api.find('.')),
                                                     {.disable_dependent_services = false,
                                                      .disable_on_destroy = false,
                                                      .project = common.gcp_project,
                                                      .service = api}));
  }
  return enabled;
}

}  // namespace apex
