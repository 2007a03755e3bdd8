// apex-services: the compute tier of the Apex Memory System on Cloud Run v2 (apex/service_tier.h).
#ifndef APEX_SERVICES_PROGRAM_H
#define APEX_SERVICES_PROGRAM_H

#include "pulumi/pulumi.h"

namespace apex::services {

/// Reads the config and the apex-network and apex-databases stacks, enables the APIs, creates the service tier
/// (the public api-gateway and its load balancer, the internal ingestion-worker and query-router, the Temporal
/// worker pool and the migration job) and exports what apex-monitoring and the deploy read.
void Program(pulumi::Context& ctx);

}  // namespace apex::services

#endif  // APEX_SERVICES_PROGRAM_H
