"""The alerting settings of a stack, from config (mirrors infra/lib/src/monitoring_config.cc)."""
from dataclasses import dataclass

import pulumi

from .config import CONFIG_NAMESPACE, get_int_in_range, invalid_config


@dataclass
class MonitoringConfig:
    notification_email: str = ""
    latency_p95_ms: float = 2000
    error_ratio: float = 0.05
    sql_cpu_utilization: float = 0.8
    sql_disk_utilization: float = 0.85
    redis_memory_usage: float = 0.8
    vm_memory_percent: float = 90
    vm_disk_percent: float = 85
    alert_duration_seconds: int = 300
    auto_close_seconds: int = 1800
    uptime_period_seconds: int = 60
    health_path: str = "/healthz"


def _text(d: float) -> str:
    return f"{d:g}"


def _get_double_in_range(key: str, fallback: float, low: float, high: float) -> float:
    """A number in (low, high]: thresholds are ratios, percentages or milliseconds, never zero."""
    value = pulumi.Config(CONFIG_NAMESPACE).get_float(key)
    if value is None:
        return float(fallback)
    if value <= low or value > high:
        invalid_config(key, f"{_text(value)} is outside ({_text(low)}, {_text(high)}]")
    return value


def _get_minutes(key: str, fallback: int, low: int, high: int) -> int:
    seconds = get_int_in_range(key, fallback, low, high)
    if seconds % 60 != 0:
        invalid_config(key, f"{seconds} is not a whole number of minutes")
    return seconds


def load_monitoring_config() -> MonitoringConfig:
    apex = pulumi.Config(CONFIG_NAMESPACE)
    c = MonitoringConfig()
    c.notification_email = apex.require("alertEmail")
    at = c.notification_email.find("@")
    if at <= 0 or c.notification_email.find(".", at) < 0:
        invalid_config("alertEmail", f"'{c.notification_email}' is not an email address")
    c.latency_p95_ms = _get_double_in_range("latencyP95ThresholdMs", c.latency_p95_ms, 0, 300000)
    c.error_ratio = _get_double_in_range("errorRatioThreshold", c.error_ratio, 0, 1)
    c.sql_cpu_utilization = _get_double_in_range("sqlCpuThreshold", c.sql_cpu_utilization, 0, 1)
    c.sql_disk_utilization = _get_double_in_range("sqlDiskThreshold", c.sql_disk_utilization, 0, 1)
    c.redis_memory_usage = _get_double_in_range("redisMemoryThreshold", c.redis_memory_usage, 0, 1)
    c.vm_memory_percent = _get_double_in_range("vmMemoryThreshold", c.vm_memory_percent, 0, 100)
    c.vm_disk_percent = _get_double_in_range("vmDiskThreshold", c.vm_disk_percent, 0, 100)
    c.alert_duration_seconds = _get_minutes("alertDurationSeconds", c.alert_duration_seconds, 60, 86400)
    c.auto_close_seconds = _get_minutes("alertAutoCloseSeconds", c.auto_close_seconds, 1800, 604800)
    c.uptime_period_seconds = get_int_in_range("uptimeCheckPeriodSeconds", c.uptime_period_seconds, 60, 900)
    if c.uptime_period_seconds not in (60, 300, 600, 900):
        invalid_config("uptimeCheckPeriodSeconds", f"{c.uptime_period_seconds} is not one of 60, 300, 600, 900")
    c.health_path = apex.get("healthPath") or c.health_path
    if not c.health_path.startswith("/"):
        invalid_config("healthPath", "must start with /")
    return c
