#include "apex/project_apis.h"

#include "pulumi/gcp/projects/service.h"

namespace apex {

EnabledApis EnableApis(pulumi::Context& ctx, CommonConfig const& common, std::vector<std::string> const& apis) {
  EnabledApis enabled;
  std::vector<pulumi::Output<std::string>> ids;
  for (auto const& api : apis) {
    pulumi::gcp::projects::Service service(ctx, "api-" + api.substr(0, api.find('.')),
                                           {.disable_dependent_services = false,
                                            .disable_on_destroy = false,
                                            .project = common.gcp_project,
                                            .service = api});
    ids.push_back(service.id());
    enabled.resources.push_back(service);
  }
  enabled.project =
      pulumi::All(ids).Apply([project = common.gcp_project](std::vector<std::string> const&) { return project; });
  return enabled;
}

}  // namespace apex
