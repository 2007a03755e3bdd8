#include "apex_services/program.h"

#include "apex/config.h"
#include "apex/project_apis.h"
#include "apex/service_tier.h"
#include "apex/stack_outputs.h"
#include "apex/stack_reads.h"

namespace apex::services {

void Program(pulumi::Context& ctx) {
  auto common = LoadCommonConfig(ctx);
  auto config = LoadServiceTierConfig(ctx);
  auto apis = EnableApis(ctx, common, ServiceTierApis(config));
  StackReads stacks(ctx, common, "apex-services");
  auto tier = CreateServiceTier(ctx, common, config, ReadServiceTierInputs(stacks), {.depends_on = apis});
  ctx.Export(outputs::kApiGatewayUri, tier.api_gateway_uri);
  ctx.Export(outputs::kApiGatewayName, tier.api_gateway_name);
  ctx.Export(outputs::kIngestionWorkerName, tier.ingestion_worker_name);
  ctx.Export(outputs::kQueryRouterName, tier.query_router_name);
  ctx.Export(outputs::kTemporalWorkerName, tier.temporal_worker_name);
  ctx.Export(outputs::kMigrationJobName, tier.migration_job_name);
  ctx.Export(outputs::kPublicUrl, tier.public_url);
  if (tier.public_ip_address) ctx.Export(outputs::kPublicIpAddress, *tier.public_ip_address);
}

}  // namespace apex::services
