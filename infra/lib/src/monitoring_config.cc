// The alerting settings of a stack, from config.
#include "apex/monitoring.h"

namespace apex {
namespace {

// Alert durations are whole minutes, as Cloud Monitoring takes them.
int GetMinutes(ConfigReader const& config, std::string const& key, int fallback, int min, int max) {
  int seconds = config.GetInt(key, fallback, min, max);
  if (seconds % 60 != 0) config.Invalid(key, std::to_string(seconds) + " is not a whole number of minutes");
  return seconds;
}

}  // namespace

MonitoringConfig LoadMonitoringConfig(pulumi::Context& ctx) {
  ConfigReader config(ctx);
  MonitoringConfig c;
  c.notification_email = config.RequireString("alertEmail");
  auto at = c.notification_email.find('@');
  if (at == std::string::npos || at == 0 || c.notification_email.find('.', at) == std::string::npos) {
    config.Invalid("alertEmail", "'" + c.notification_email + "' is not an email address");
  }
  c.latency_p95_ms = config.GetDouble("latencyP95ThresholdMs", c.latency_p95_ms, 0, 300000);
  c.error_ratio = config.GetDouble("errorRatioThreshold", c.error_ratio, 0, 1);
  c.sql_cpu_utilization = config.GetDouble("sqlCpuThreshold", c.sql_cpu_utilization, 0, 1);
  c.sql_disk_utilization = config.GetDouble("sqlDiskThreshold", c.sql_disk_utilization, 0, 1);
  c.redis_memory_usage = config.GetDouble("redisMemoryThreshold", c.redis_memory_usage, 0, 1);
  c.vm_memory_percent = config.GetDouble("vmMemoryThreshold", c.vm_memory_percent, 0, 100);
  c.vm_disk_percent = config.GetDouble("vmDiskThreshold", c.vm_disk_percent, 0, 100);
  c.alert_duration_seconds = GetMinutes(config, "alertDurationSeconds", c.alert_duration_seconds, 60, 86400);
  // Cloud Monitoring closes incidents automatically after 30 minutes to 7 days.
  c.auto_close_seconds = GetMinutes(config, "alertAutoCloseSeconds", c.auto_close_seconds, 1800, 604800);
  c.uptime_period_seconds = config.GetInt("uptimeCheckPeriodSeconds", c.uptime_period_seconds, 60, 900);
  if (c.uptime_period_seconds != 60 && c.uptime_period_seconds != 300 && c.uptime_period_seconds != 600 &&
      c.uptime_period_seconds != 900) {
    config.Invalid("uptimeCheckPeriodSeconds",
                   std::to_string(c.uptime_period_seconds) + " is not one of 60, 300, 600, 900");
  }
  c.health_path = config.GetString("healthPath", c.health_path);
  if (c.health_path.empty() || c.health_path.front() != '/') config.Invalid("healthPath", "must start with /");
  return c;
}

}  // namespace apex
