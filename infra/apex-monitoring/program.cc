#include "apex_monitoring/program.h"

#include "apex/config.h"
#include "apex/labels.h"
#include "apex/monitoring.h"
#include "apex/project_apis.h"
#include "apex/stack_outputs.h"
#include "apex/stack_reads.h"

namespace apex::monitoring {

void Program(pulumi::Context& ctx) {
  auto common = LoadCommonConfig(ctx);
  auto config = LoadMonitoringConfig(ctx);
  auto apis = EnableApis(ctx, common, {"monitoring.googleapis.com"});

  StackReads stacks(ctx, common, "apex-monitoring");
  auto service = [&](char const* key) { return stacks.Require("apex-services", key); };
  auto database = [&](char const* key) { return stacks.Require("apex-databases", key); };

  Monitoring monitoring(
      ctx, "apex",
      {.common = common,
       .labels = WithComponent(StandardLabels(ctx, common), "monitoring"),
       .config = config,
       .public_url = service(outputs::kPublicUrl),
       // The Temporal worker pool serves no requests: it is watched by its instances (worker_pool), not requests.
       .services = {{"api-gateway", service(outputs::kApiGatewayName)},
                    {"ingestion-worker", service(outputs::kIngestionWorkerName)},
                    {"query-router", service(outputs::kQueryRouterName)}},
       .postgres_instance = database(outputs::kPostgresInstanceName),
       .redis_instance = database(outputs::kRedisInstanceId),
       .vms = {{"neo4j", database(outputs::kNeo4jInstanceId), database(outputs::kNeo4jInstanceName)},
               {"qdrant", database(outputs::kQdrantInstanceId), database(outputs::kQdrantInstanceName)}},
       .worker_pool = service(outputs::kTemporalWorkerName)},
      {.depends_on = apis});

  ctx.Export(outputs::kNotificationChannel, monitoring.notification_channel);
  ctx.Export(outputs::kUptimeCheckId, monitoring.uptime_check_id);
  ctx.Export(outputs::kDashboardId, monitoring.dashboard_id);
}

}  // namespace apex::monitoring
