// apex-services: the compute tier of the Apex Memory System on Cloud Run v2.
//
// The services reach the data tier over Direct VPC egress with TLS that verifies the server (the CA
// certificates of Cloud SQL and Memorystore mounted from Secret Manager) and log in to Postgres as Cloud SQL IAM
// users, one per service account. The job apex-db-migrate creates the extensions and the grants; the deploy
// runs it after every `pulumi up` of this stack (idempotent):
//
//   gcloud run jobs execute apex-db-migrate --wait --region <gcp:region> --project <gcp:project>
//
// Config besides sizes and tags: apex:migrationImage (a pinned postgres client image), apex:publicEdge
// (loadBalancer: the gateway behind an external HTTPS load balancer for apex:publicDomain, run.app closed;
// runApp: the run.app URL), apex:enableQdrant/enableGraphiti/enableTemporal ("true"/"false", default "true",
// passed to every workload as ENABLE_*). The images come from apex-network's Artifact Registry repository.
#ifndef APEX_SERVICES_PROGRAM_H
#define APEX_SERVICES_PROGRAM_H

#include "pulumi/pulumi.h"

namespace apex::services {

/// Reads the config and the apex-network and apex-databases stacks, enables the APIs, creates the public
/// api-gateway (and its load balancer), the internal ingestion-worker and query-router, the Temporal worker pool
/// and the migration job, and exports what apex-monitoring and the deploy read.
void Program(pulumi::Context& ctx);

}  // namespace apex::services

#endif  // APEX_SERVICES_PROGRAM_H
