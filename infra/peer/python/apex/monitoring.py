"""Monitoring: what watches the Apex system and whom it tells (mirrors infra/lib/src/monitoring.cc): an email
channel, the public URL's uptime check, alert policies (Cloud Run latency and 5xx per service, Cloud SQL CPU and
disk, Redis memory, the data VMs' uptime, memory and disk, the Temporal worker pool's instances) and a dashboard."""
from dataclasses import dataclass, field
from typing import Optional

import pulumi
import pulumi_gcp as gcp
from pulumi import ComponentResource, ResourceOptions

from .config import CommonConfig
from .monitoring_config import MonitoringConfig
from .monitoring_dashboard import dashboard_json
from .monitoring_filters import (cloud_run_filter, cloud_sql_filter, gce_filter, redis_filter, redis_instance_id,
                                 uri_host, worker_pool_filter)

mon = gcp.monitoring


@dataclass
class MonitoredService:
    id: str
    service_name: pulumi.Input[str]


@dataclass
class MonitoredVm:
    id: str
    instance_id: pulumi.Input[str]
    instance_name: pulumi.Input[str]


@dataclass
class MonitoringArgs:
    common: CommonConfig
    labels: dict[str, str]
    config: MonitoringConfig
    public_url: pulumi.Input[str]
    services: list[MonitoredService]
    postgres_instance: pulumi.Input[str]
    redis_instance: pulumi.Input[str]
    vms: list[MonitoredVm] = field(default_factory=list)
    worker_pool: pulumi.Input[str] = ""


@dataclass
class Alert:
    """One condition over a metric (or a ratio of two): a threshold, or the metric's absence for `duration`."""
    id: str = ""
    display_name: str = ""
    severity: str = ""
    absent: bool = False
    comparison: str = "COMPARISON_GT"
    filter: pulumi.Input[str] = ""
    denominator_filter: Optional[pulumi.Input[str]] = None
    aligner: str = ""
    reducer: str = ""
    group_by: list[str] = field(default_factory=list)
    alignment_period: str = "60s"
    threshold: float = 0
    duration: str = ""
    runbook: str = ""
    or_conditions: list["Alert"] = field(default_factory=list)


def _seconds(s: int) -> str:
    return f"{s}s"


def _aggregation(a: Alert, cls):
    if a.reducer:
        return cls(alignment_period=a.alignment_period, per_series_aligner=a.aligner,
                   cross_series_reducer=a.reducer, group_by_fields=a.group_by)
    return cls(alignment_period=a.alignment_period, per_series_aligner=a.aligner)


def _condition(a: Alert) -> mon.AlertPolicyConditionArgs:
    if a.absent:
        return mon.AlertPolicyConditionArgs(
            condition_absent=mon.AlertPolicyConditionConditionAbsentArgs(
                aggregations=[mon.AlertPolicyConditionConditionAbsentAggregationArgs(
                    alignment_period=a.alignment_period, per_series_aligner=a.aligner)],
                duration=a.duration,
                filter=a.filter,
                trigger=mon.AlertPolicyConditionConditionAbsentTriggerArgs(count=1),
            ),
            display_name=a.display_name,
        )
    denominator = a.denominator_filter is not None
    return mon.AlertPolicyConditionArgs(
        condition_threshold=mon.AlertPolicyConditionConditionThresholdArgs(
            aggregations=[_aggregation(a, mon.AlertPolicyConditionConditionThresholdAggregationArgs)],
            comparison=a.comparison,
            denominator_aggregations=[_aggregation(a, mon.AlertPolicyConditionConditionThresholdDenominatorAggregationArgs)]
            if denominator else None,
            denominator_filter=a.denominator_filter,
            duration=a.duration,
            filter=a.filter,
            threshold_value=float(a.threshold),
            trigger=mon.AlertPolicyConditionConditionThresholdTriggerArgs(count=1),
        ),
        display_name=a.display_name,
    )


class Monitoring(ComponentResource):
    def __init__(self, name: str, args: MonitoringArgs, opts: Optional[ResourceOptions] = None):
        super().__init__("apex:monitoring:Monitoring", name, None, opts)
        child = ResourceOptions(parent=self, depends_on=opts.depends_on if opts else None)
        common, config = args.common, args.config
        env = f" ({common.environment})"

        channel = mon.NotificationChannel(
            f"{name}-email",
            description=f"Apex on-call email for {common.environment} alerts",
            display_name=f"Apex on-call{env}",
            enabled=True,
            labels={"email_address": config.notification_email},
            project=common.gcp_project,
            type="email",
            user_labels=args.labels,
            opts=child,
        )
        self.notification_channel = channel.name

        host = pulumi.Output.from_input(args.public_url).apply(uri_host)
        uptime = mon.UptimeCheckConfig(
            f"{name}-gateway-uptime",
            checker_type="STATIC_IP_CHECKERS",
            display_name=f"Apex public API{env}",
            http_check=mon.UptimeCheckConfigHttpCheckArgs(
                accepted_response_status_codes=[
                    mon.UptimeCheckConfigHttpCheckAcceptedResponseStatusCodeArgs(status_class="STATUS_CLASS_2XX")],
                path=config.health_path,
                port=443,
                request_method="GET",
                use_ssl=True,
                validate_ssl=True,
            ),
            monitored_resource=mon.UptimeCheckConfigMonitoredResourceArgs(
                labels=host.apply(lambda h: {"host": h, "project_id": common.gcp_project}),
                type="uptime_url",
            ),
            period=_seconds(config.uptime_period_seconds),
            project=common.gcp_project,
            timeout="10s",
            user_labels=args.labels,
            opts=child,
        )
        self.uptime_check_id = uptime.uptime_check_id

        self.alert_policies = []

        def create(a: Alert) -> None:
            policy = mon.AlertPolicy(
                f"{name}-{a.id}",
                alert_strategy=mon.AlertPolicyAlertStrategyArgs(auto_close=_seconds(config.auto_close_seconds)),
                combiner="OR",
                conditions=[_condition(a)] + [_condition(more) for more in a.or_conditions],
                display_name=a.display_name + env,
                documentation=mon.AlertPolicyDocumentationArgs(
                    content=a.runbook, mime_type="text/markdown",
                    subject=f"[{a.severity}] Apex {common.environment}: {a.display_name}"),
                enabled=True,
                notification_channels=[channel.name],
                project=common.gcp_project,
                severity=a.severity,
                user_labels=args.labels,
                opts=child,
            )
            self.alert_policies.append(policy.name)

        duration = _seconds(config.alert_duration_seconds)
        by_service = ["resource.label.service_name"]
        latency_ms = str(int(config.latency_p95_ms))
        for s in args.services:
            service = pulumi.Output.from_input(s.service_name)

            def run_filter(metric: str, code_class: str = "", service=service):
                return service.apply(lambda n: cloud_run_filter(n, metric, code_class))

            create(Alert(id=f"{s.id}-latency-p95",
                         display_name=f"{s.id} request latency p95 above {latency_ms} ms",
                         severity="WARNING", filter=run_filter("request_latencies"),
                         aligner="ALIGN_PERCENTILE_95", reducer="REDUCE_MAX", group_by=by_service,
                         threshold=config.latency_p95_ms, duration=duration,
                         runbook=f"The 95th percentile latency of {s.id} is above the threshold. Check its Cloud Run "
                                 "instance count against max instances, and the latency of the stores it calls."))
            create(Alert(id=f"{s.id}-5xx-ratio",
                         display_name=f"{s.id} 5xx ratio above threshold",
                         severity="ERROR", filter=run_filter("request_count", "5xx"),
                         denominator_filter=run_filter("request_count"),
                         aligner="ALIGN_RATE", reducer="REDUCE_SUM", group_by=by_service,
                         threshold=config.error_ratio, duration=duration,
                         runbook=f"More than the allowed share of {s.id} responses are 5xx. Check the latest "
                                 "revision's logs; roll back traffic to the previous revision if the failures started "
                                 "with a deploy."))

        database_id = pulumi.Output.from_input(args.postgres_instance).apply(lambda i: f"{common.gcp_project}:{i}")

        def sql_filter(metric: str):
            return database_id.apply(lambda d: cloud_sql_filter(d, metric))

        create(Alert(id="cloudsql-cpu", display_name="Cloud SQL CPU utilization high", severity="WARNING",
                     filter=sql_filter("database/cpu/utilization"), aligner="ALIGN_MEAN",
                     threshold=config.sql_cpu_utilization, duration=duration,
                     runbook="The PostgreSQL instance is CPU bound. Look for slow queries in Query Insights; consider "
                             "a larger tier (apex-databases config)."))
        create(Alert(id="cloudsql-disk", display_name="Cloud SQL disk utilization high", severity="CRITICAL",
                     filter=sql_filter("database/disk/utilization"), aligner="ALIGN_MEAN",
                     threshold=config.sql_disk_utilization, duration=duration,
                     runbook="The PostgreSQL disk is filling up. Disk autoresize should grow it; check that it is on "
                             "and that the autoresize limit is not reached."))
        redis_id = pulumi.Output.from_input(args.redis_instance).apply(
            lambda i: redis_instance_id(common.gcp_project, common.region, i))
        create(Alert(id="redis-memory", display_name="Redis memory usage high", severity="WARNING",
                     filter=redis_id.apply(lambda i: redis_filter(i, "stats/memory/usage_ratio")), aligner="ALIGN_MEAN",
                     threshold=config.redis_memory_usage, duration=duration,
                     runbook="Redis is close to its memory size; keys are being evicted. Check TTLs of cached entries "
                             "or raise the memory size (apex-databases config)."))
        create(Alert(id="gateway-uptime", display_name="Public API uptime check failing", severity="CRITICAL",
                     filter=uptime.uptime_check_id.apply(
                         lambda i: 'metric.type = "monitoring.googleapis.com/uptime_check/check_passed" AND '
                                   f'metric.labels.check_id = "{i}" AND resource.type = "uptime_url"'),
                     aligner="ALIGN_NEXT_OLDER", reducer="REDUCE_COUNT_FALSE", group_by=["resource.label.*"],
                     alignment_period="1200s", threshold=1, duration="60s",
                     runbook="The public API does not answer its health check from several regions."))

        # The data VMs: down (no uptime reported), memory and disk from the Ops Agent (every file system).
        used = ' AND metric.labels.state = "used"'
        vm_ids, vm_names = [], []
        for vm in args.vms:
            instance = pulumi.Output.from_input(vm.instance_id)
            vm_ids.append(instance)
            vm_names.append(pulumi.Output.from_input(vm.instance_name))

            def vm_filter(metric: str, labels: str = "", instance=instance):
                return instance.apply(lambda i: gce_filter(i, metric, labels))

            create(Alert(id=f"{vm.id}-uptime", display_name=f"{vm.id} VM not running", severity="CRITICAL",
                         absent=True, filter=vm_filter("compute.googleapis.com/instance/uptime"), aligner="ALIGN_RATE",
                         duration=duration,
                         runbook=f"The {vm.id} VM reports no uptime: it is stopped, being repaired or crashed. Check "
                                 "its serial console and `gcloud compute instances describe`; the services that use "
                                 f"{vm.id} fail meanwhile."))
            create(Alert(id=f"{vm.id}-memory", display_name=f"{vm.id} VM memory usage high", severity="WARNING",
                         filter=vm_filter("agent.googleapis.com/memory/percent_used", used), aligner="ALIGN_MEAN",
                         threshold=config.vm_memory_percent, duration=duration,
                         runbook=f"The {vm.id} VM is close to running out of memory. Check the container's heap and "
                                 "cache settings, or give the VM a larger machine type (apex-databases config)."))
            create(Alert(id=f"{vm.id}-disk", display_name=f"{vm.id} VM disk usage high", severity="CRITICAL",
                         filter=vm_filter("agent.googleapis.com/disk/percent_used", used), aligner="ALIGN_MEAN",
                         threshold=config.vm_disk_percent, duration=duration,
                         runbook=f"A file system of the {vm.id} VM is filling up. Grow the data disk (apex-databases "
                                 "config, then resize2fs on the VM), or free space on the boot disk."))

        # The Temporal worker pool serves no requests: it is watched by its instance count.
        worker_pool = pulumi.Output.from_input(args.worker_pool)
        pool_instances = worker_pool.apply(lambda p: worker_pool_filter(p, "container/instance_count"))
        create(Alert(id="temporal-worker-instances", display_name="Temporal worker pool has no instance",
                     severity="CRITICAL", comparison="COMPARISON_LT", filter=pool_instances, aligner="ALIGN_MAX",
                     reducer="REDUCE_SUM", group_by=["resource.label.worker_pool_name"], threshold=1,
                     duration=duration,
                     runbook="The Temporal worker pool has no running instance: workflows and activities are not "
                             "processed. Check the worker pool's revisions and logs, and its connection to Temporal.",
                     or_conditions=[Alert(display_name="Temporal worker pool reports no instance", absent=True,
                                          filter=pool_instances, aligner="ALIGN_MAX", duration=duration)]))

        names = [pulumi.Output.from_input(s.service_name) for s in args.services]
        json_ = pulumi.Output.all(pulumi.Output.all(*names), database_id, redis_id, pulumi.Output.all(*vm_ids),
                                  pulumi.Output.all(*vm_names), worker_pool).apply(
            lambda v: dashboard_json(f"Apex Memory System{env}", args.labels, v[0], v[1], v[2],
                                     list(zip(v[4], v[3])), v[5], config))
        dashboard = mon.Dashboard(f"{name}-dashboard", dashboard_json=json_, project=common.gcp_project, opts=child)
        self.dashboard_id = dashboard.id

        self.register_outputs({"notificationChannel": self.notification_channel,
                               "uptimeCheckId": self.uptime_check_id,
                               "dashboardId": self.dashboard_id})
