// The alerting settings of a stack, from config.
#include "apex/monitoring.h"

#include <sstream>

namespace apex {
namespace {

std::string Text(double d) {
  std::ostringstream out;
  out << d;
  return out.str();
}

// A double in (min, max]: thresholds are ratios or milliseconds, never zero.
double GetDoubleInRange(pulumi::Context& ctx, std::string const& key, double fallback, double min, double max) {
  auto value = pulumi::Config(ctx, kConfigNamespace).GetDouble(key);
  if (!value) return fallback;
  if (*value <= min || *value > max) {
    InvalidConfig(ctx, key, Text(*value) + " is outside (" + Text(min) + ", " + Text(max) + "]");
  }
  return *value;
}

int GetMinutes(pulumi::Context& ctx, std::string const& key, int fallback, int min, int max) {
  int seconds = GetIntInRange(ctx, key, fallback, min, max);
  if (seconds % 60 != 0) InvalidConfig(ctx, key, std::to_string(seconds) + " is not a whole number of minutes");
  return seconds;
}

}  // namespace

MonitoringConfig LoadMonitoringConfig(pulumi::Context& ctx) {
  pulumi::Config apex(ctx, kConfigNamespace);
  MonitoringConfig c;
  c.notification_email = apex.Require("alertEmail");
  auto at = c.notification_email.find('@');
  if (at == std::string::npos || at == 0 || c.notification_email.find('.', at) == std::string::npos) {
    InvalidConfig(ctx, "alertEmail", "'" + c.notification_email + "' is not an email address");
  }
  c.latency_p95_ms = GetDoubleInRange(ctx, "latencyP95ThresholdMs", c.latency_p95_ms, 0, 300000);
  c.error_ratio = GetDoubleInRange(ctx, "errorRatioThreshold", c.error_ratio, 0, 1);
  c.sql_cpu_utilization = GetDoubleInRange(ctx, "sqlCpuThreshold", c.sql_cpu_utilization, 0, 1);
  c.sql_disk_utilization = GetDoubleInRange(ctx, "sqlDiskThreshold", c.sql_disk_utilization, 0, 1);
  c.redis_memory_usage = GetDoubleInRange(ctx, "redisMemoryThreshold", c.redis_memory_usage, 0, 1);
  c.vm_memory_percent = GetDoubleInRange(ctx, "vmMemoryThreshold", c.vm_memory_percent, 0, 100);
  c.vm_disk_percent = GetDoubleInRange(ctx, "vmDiskThreshold", c.vm_disk_percent, 0, 100);
  c.alert_duration_seconds = GetMinutes(ctx, "alertDurationSeconds", c.alert_duration_seconds, 60, 86400);
  // Cloud Monitoring closes incidents automatically after 30 minutes to 7 days.
  c.auto_close_seconds = GetMinutes(ctx, "alertAutoCloseSeconds", c.auto_close_seconds, 1800, 604800);
  c.uptime_period_seconds = GetIntInRange(ctx, "uptimeCheckPeriodSeconds", c.uptime_period_seconds, 60, 900);
  if (c.uptime_period_seconds != 60 && c.uptime_period_seconds != 300 && c.uptime_period_seconds != 600 &&
      c.uptime_period_seconds != 900) {
    InvalidConfig(ctx, "uptimeCheckPeriodSeconds",
                  std::to_string(c.uptime_period_seconds) + " is not one of 60, 300, 600, 900");
  }
  c.health_path = apex.Get("healthPath").value_or(c.health_path);
  if (c.health_path.empty() || c.health_path.front() != '/') InvalidConfig(ctx, "healthPath", "must start with /");
  return c;
}

}  // namespace apex
