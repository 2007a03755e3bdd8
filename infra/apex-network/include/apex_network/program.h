// apex-network: the VPC every other Apex project builds on.
#ifndef APEX_NETWORK_PROGRAM_H
#define APEX_NETWORK_PROGRAM_H

#include "pulumi/pulumi.h"

namespace apex::network {

/// Reads the config, creates the Network component and exports what apex-databases and apex-services read.
void Program(pulumi::Context& ctx);

}  // namespace apex::network

#endif  // APEX_NETWORK_PROGRAM_H
