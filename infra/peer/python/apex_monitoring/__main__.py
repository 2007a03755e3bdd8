"""apex-monitoring in Python: the peer of infra/apex-monitoring/program.cc."""
import pulumi

from apex import stack_outputs as outputs
from apex.config import load_common_config, referenced_stack
from apex.labels import standard_labels, with_component
from apex.monitoring import MonitoredService, MonitoredVm, Monitoring, MonitoringArgs
from apex.monitoring_config import load_monitoring_config
from apex.project_apis import enable_apis

common = load_common_config()
config = load_monitoring_config()
apis = enable_apis(common, ["monitoring.googleapis.com"])

databases = pulumi.StackReference("databases", stack_name=referenced_stack(common, "apex-databases"))
services = pulumi.StackReference("services", stack_name=referenced_stack(common, "apex-services"))

monitoring = Monitoring(
    "apex",
    MonitoringArgs(
        common=common,
        labels=with_component(standard_labels(common), "monitoring"),
        config=config,
        public_url=services.require_output(outputs.PUBLIC_URL),
        services=[MonitoredService("api-gateway", services.require_output(outputs.API_GATEWAY_NAME)),
                  MonitoredService("ingestion-worker", services.require_output(outputs.INGESTION_WORKER_NAME)),
                  MonitoredService("query-router", services.require_output(outputs.QUERY_ROUTER_NAME))],
        postgres_instance=databases.require_output(outputs.POSTGRES_INSTANCE_NAME),
        redis_instance=databases.require_output(outputs.REDIS_INSTANCE_ID),
        vms=[MonitoredVm("neo4j", databases.require_output(outputs.NEO4J_INSTANCE_ID),
                         databases.require_output(outputs.NEO4J_INSTANCE_NAME)),
             MonitoredVm("qdrant", databases.require_output(outputs.QDRANT_INSTANCE_ID),
                         databases.require_output(outputs.QDRANT_INSTANCE_NAME))],
        worker_pool=services.require_output(outputs.TEMPORAL_WORKER_NAME),
    ),
    pulumi.ResourceOptions(depends_on=apis),
)

pulumi.export(outputs.NOTIFICATION_CHANNEL, monitoring.notification_channel)
pulumi.export(outputs.UPTIME_CHECK_ID, monitoring.uptime_check_id)
pulumi.export(outputs.DASHBOARD_ID, monitoring.dashboard_id)
