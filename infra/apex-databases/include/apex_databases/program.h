// apex-databases: the data tier of the Apex system (Cloud SQL PostgreSQL, Memorystore Redis, Neo4j, Qdrant,
// their secrets, service accounts and IAM) on the VPC of apex-network.
#ifndef APEX_DATABASES_PROGRAM_H
#define APEX_DATABASES_PROGRAM_H

#include "pulumi/pulumi.h"

namespace apex::databases {

/// Reads the config and apex-network's outputs, creates the DatabaseCluster component and exports what
/// apex-services and apex-monitoring read (secret ids, never secret values).
void Program(pulumi::Context& ctx);

}  // namespace apex::databases

#endif  // APEX_DATABASES_PROGRAM_H
