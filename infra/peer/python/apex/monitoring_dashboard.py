"""The Apex dashboard as Cloud Monitoring dashboard JSON (mirrors infra/lib/src/monitoring_dashboard.cc)."""
import json

from .monitoring_config import MonitoringConfig
from .monitoring_filters import cloud_run_filter, cloud_sql_filter, gce_filter, redis_filter, worker_pool_filter


def _aggregation(aligner: str, reducer: str = "") -> dict:
    a = {"alignmentPeriod": "60s", "perSeriesAligner": aligner}
    if reducer:
        a["crossSeriesReducer"] = reducer
        a["groupByFields"] = ["resource.label.service_name"]
    return a


def _query(filter_: str, aggregation: dict) -> dict:
    return {"timeSeriesFilter": {"filter": filter_, "aggregation": aggregation}}


def _chart(title: str, query: dict, y_label: str, threshold: float) -> dict:
    chart = {"dataSets": [{"plotType": "LINE", "timeSeriesQuery": query}], "yAxis": {"label": y_label, "scale": "LINEAR"}}
    if threshold > 0:
        chart["thresholds"] = [{"value": float(threshold), "targetAxis": "Y1"}]
    return {"title": title, "xyChart": chart}


def dashboard_json(display_name: str, labels: dict[str, str], service_names: list[str], database_id: str,
                   redis_instance_id: str, vms: list[tuple[str, str]], worker_pool: str,
                   config: MonitoringConfig) -> str:
    """`vms`: (name, instance id) of each data VM."""
    widgets = []
    for service in service_names:
        widgets.append(_chart(f"{service}: request latency p95 (ms)",
                              _query(cloud_run_filter(service, "request_latencies"),
                                     _aggregation("ALIGN_PERCENTILE_95", "REDUCE_MAX")),
                              "ms", config.latency_p95_ms))
        ratio = {"timeSeriesFilterRatio": {
            "numerator": {"filter": cloud_run_filter(service, "request_count", "5xx"),
                          "aggregation": _aggregation("ALIGN_RATE", "REDUCE_SUM")},
            "denominator": {"filter": cloud_run_filter(service, "request_count"),
                            "aggregation": _aggregation("ALIGN_RATE", "REDUCE_SUM")}}}
        widgets.append(_chart(f"{service}: 5xx ratio", ratio, "ratio", config.error_ratio))
    all_services = ", ".join(f'"{s}"' for s in service_names)
    widgets.append(_chart("Requests per second by service",
                          _query(f'resource.type = "cloud_run_revision" AND resource.labels.service_name = '
                                 f'one_of({all_services}) AND metric.type = "run.googleapis.com/request_count"',
                                 _aggregation("ALIGN_RATE", "REDUCE_SUM")),
                          "requests/s", 0))
    widgets.append(_chart("Cloud SQL CPU utilization",
                          _query(cloud_sql_filter(database_id, "database/cpu/utilization"), _aggregation("ALIGN_MEAN")),
                          "utilization", config.sql_cpu_utilization))
    widgets.append(_chart("Cloud SQL disk utilization",
                          _query(cloud_sql_filter(database_id, "database/disk/utilization"), _aggregation("ALIGN_MEAN")),
                          "utilization", config.sql_disk_utilization))
    widgets.append(_chart("Redis memory usage ratio",
                          _query(redis_filter(redis_instance_id, "stats/memory/usage_ratio"), _aggregation("ALIGN_MEAN")),
                          "usage ratio", config.redis_memory_usage))
    used = ' AND metric.labels.state = "used"'
    for name, instance_id in vms:
        widgets.append(_chart(f"{name}: memory used (%)",
                              _query(gce_filter(instance_id, "agent.googleapis.com/memory/percent_used", used),
                                     _aggregation("ALIGN_MEAN")),
                              "percent", config.vm_memory_percent))
        widgets.append(_chart(f"{name}: disk used (%)",
                              _query(gce_filter(instance_id, "agent.googleapis.com/disk/percent_used", used),
                                     _aggregation("ALIGN_MEAN")),
                              "percent", config.vm_disk_percent))
    pool = {**_aggregation("ALIGN_MAX"), "crossSeriesReducer": "REDUCE_SUM",
            "groupByFields": ["resource.label.worker_pool_name"]}
    widgets.append(_chart(f"{worker_pool}: instances",
                          _query(worker_pool_filter(worker_pool, "container/instance_count"), pool), "instances", 1))

    tiles = [{"xPos": (i % 2) * 6, "yPos": (i // 2) * 4, "width": 6, "height": 4, "widget": w}
             for i, w in enumerate(widgets)]
    dashboard = {"displayName": display_name, "labels": labels, "mosaicLayout": {"columns": 12, "tiles": tiles}}
    # nlohmann::json's dump: keys sorted, no spaces, UTF-8 as is.
    return json.dumps(dashboard, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
