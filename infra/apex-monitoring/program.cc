#include "apex_monitoring/program.h"

#include "apex/config.h"
#include "apex/labels.h"
#include "apex/monitoring.h"
#include "apex/stack_outputs.h"

namespace apex::monitoring {

void Program(pulumi::Context& ctx) {
  auto common = LoadCommonConfig(ctx);
  auto config = LoadMonitoringConfig(ctx);

  pulumi::StackReference databases(ctx, "databases", {.name = ReferencedStack(ctx, common, "apex-databases")});
  pulumi::StackReference services(ctx, "services", {.name = ReferencedStack(ctx, common, "apex-services")});
  auto service = [&](char const* key) { return services.RequireOutput<std::string>(key); };

  Monitoring monitoring(
      ctx, "apex",
      {.common = common,
       .labels = WithComponent(StandardLabels(ctx, common), "monitoring"),
       .config = config,
       .gateway_uri = service(outputs::kApiGatewayUri),
       // The Temporal worker pool serves no requests: it has no request metrics to alert on.
       .services = {{"api-gateway", service(outputs::kApiGatewayName)},
                    {"ingestion-worker", service(outputs::kIngestionWorkerName)},
                    {"query-router", service(outputs::kQueryRouterName)}},
       .postgres_instance = databases.RequireOutput<std::string>(outputs::kPostgresInstanceName),
       .redis_instance = databases.RequireOutput<std::string>(outputs::kRedisInstanceId)});

  ctx.Export(outputs::kNotificationChannel, monitoring.notification_channel);
  ctx.Export(outputs::kUptimeCheckId, monitoring.uptime_check_id);
  ctx.Export(outputs::kDashboardId, monitoring.dashboard_id);
}

}  // namespace apex::monitoring
