// What the Apex stacks expect to exist before their first deploy, outside any stack: the Temporal Cloud API
// key, a Secret Manager secret whose id apex-services reads from `apex:temporalApiKeySecret` (operators create
// it with `gcloud secrets create`; in the simulated cloud, `gcp-sim create` does).
#ifndef GCPSIM_LIFECYCLE_APEX_PREREQUISITES_H
#define GCPSIM_LIFECYCLE_APEX_PREREQUISITES_H

#include "workspace.h"

#include <string>

namespace pulumi::gcpsim {

/// Creates them in the workspace's cloud, as the stack's config names them; false with *error on failure.
bool CreateApexPrerequisites(Workspace const& ws, std::string* error);

}  // namespace pulumi::gcpsim

#endif  // GCPSIM_LIFECYCLE_APEX_PREREQUISITES_H
