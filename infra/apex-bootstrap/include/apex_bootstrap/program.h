// apex-bootstrap: what the other Apex stacks need before they can exist, once per Google Cloud project.
#ifndef APEX_BOOTSTRAP_PROGRAM_H
#define APEX_BOOTSTRAP_PROGRAM_H

#include "pulumi/pulumi.h"

namespace apex::bootstrap {

/// Reads the config, enables the APIs, creates the Bootstrap component and exports what ops/ and the
/// workflows use: stateBucket, backendUrl, secretsProvider, workloadIdentityProvider, deployerServiceAccount.
void Program(pulumi::Context& ctx);

}  // namespace apex::bootstrap

#endif  // APEX_BOOTSTRAP_PROGRAM_H
