"""Cloud Monitoring filters of the metrics Apex alerts on (mirrors infra/lib/src/monitoring_filters.cc)."""
import re


def cloud_run_filter(service_name: str, metric: str, response_code_class: str = "") -> str:
    f = (f'resource.type = "cloud_run_revision" AND resource.labels.service_name = "{service_name}" '
         f'AND metric.type = "run.googleapis.com/{metric}"')
    if response_code_class:
        f += f' AND metric.labels.response_code_class = "{response_code_class}"'
    return f


def cloud_sql_filter(database_id: str, metric: str) -> str:
    return (f'resource.type = "cloudsql_database" AND resource.labels.database_id = "{database_id}" '
            f'AND metric.type = "cloudsql.googleapis.com/{metric}"')


def redis_filter(instance_id: str, metric: str) -> str:
    return (f'resource.type = "redis_instance" AND resource.labels.instance_id = "{instance_id}" '
            f'AND metric.type = "redis.googleapis.com/{metric}"')


def gce_filter(instance_id: str, metric: str, metric_labels: str = "") -> str:
    return (f'resource.type = "gce_instance" AND resource.labels.instance_id = "{instance_id}" '
            f'AND metric.type = "{metric}"{metric_labels}')


def worker_pool_filter(worker_pool_name: str, metric: str) -> str:
    return (f'resource.type = "cloud_run_worker_pool" AND resource.labels.worker_pool_name = "{worker_pool_name}" '
            f'AND metric.type = "run.googleapis.com/{metric}"')


def redis_instance_id(project: str, region: str, instance: str) -> str:
    if instance.startswith("projects/"):
        return instance
    return f"projects/{project}/locations/{region}/instances/{instance}"


def uri_host(uri: str) -> str:
    start = uri.find("://")
    start = 0 if start < 0 else start + 3
    m = re.search(r"[/:?#]", uri[start:])
    return uri[start:] if m is None else uri[start:start + m.start()]
