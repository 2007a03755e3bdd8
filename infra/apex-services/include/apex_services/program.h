// apex-services: the compute tier of the Apex Memory System on Cloud Run v2.
#ifndef APEX_SERVICES_PROGRAM_H
#define APEX_SERVICES_PROGRAM_H

#include "pulumi/pulumi.h"

namespace apex::services {

/// Reads the config and the apex-network and apex-databases stacks, creates the public api-gateway, the
/// internal ingestion-worker and query-router, and the Temporal worker pool, and exports what apex-monitoring
/// reads.
void Program(pulumi::Context& ctx);

}  // namespace apex::services

#endif  // APEX_SERVICES_PROGRAM_H
