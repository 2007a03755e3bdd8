// What the Apex stacks expect to exist before their first deploy, outside any stack: the Temporal Cloud API
// key, a Secret Manager secret whose id apex-services reads from `apex:temporalApiKeySecret` (operators create
// it with `gcloud secrets create`; in the simulated cloud, `gcp-sim create` does).
#ifndef GCPSIM_LIFECYCLE_APEX_PREREQUISITES_H
#define GCPSIM_LIFECYCLE_APEX_PREREQUISITES_H

#include "workspace.h"

#include <array>
#include <string>

namespace pulumi::gcpsim {

/// The four Apex projects, in dependency order.
inline constexpr std::array<char const*, 4> kApexProjects = {"apex-network", "apex-databases", "apex-services",
                                                             "apex-monitoring"};

/// Where the pieces of an Apex workspace come from.
struct ApexBuild {
  std::string sdk_build;   ///< the project's build (build/default): the language host, the simulator, gcp-sim
  std::string infra;       ///< infra/ in the source tree: the projects' Pulumi.yaml and stack files
  std::string programs;    ///< the infra build: <programs>/<project>/<project>
  std::string engine_bin;  ///< holds `pulumi`
};

/// The options of a workspace that runs the four Apex projects for `stack`.
WorkspaceOptions ApexWorkspaceOptions(ApexBuild const& build, std::string const& work_dir, std::string const& stack,
                                      int latency_ms = 0);

/// Creates them in the workspace's cloud, as the stack's config names them; false with *error on failure.
bool CreateApexPrerequisites(Workspace const& ws, std::string* error);

}  // namespace pulumi::gcpsim

#endif  // GCPSIM_LIFECYCLE_APEX_PREREQUISITES_H
