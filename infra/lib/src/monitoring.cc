#include "apex/monitoring.h"

#include "pulumi/gcp/monitoring/alert_policy.h"
#include "pulumi/gcp/monitoring/dashboard.h"
#include "pulumi/gcp/monitoring/notification_channel.h"
#include "pulumi/gcp/monitoring/uptime_check_config.h"

#include <map>
#include <optional>

namespace apex {
namespace {

namespace mon = pulumi::gcp::monitoring;

std::string Seconds(int s) { return std::to_string(s) + "s"; }

// One threshold condition over a metric (or a ratio of two), and what to tell the on-call engineer.
struct ThresholdAlert {
  std::string id{};  // the policy's resource name: "<component>-<id>"
  std::string display_name{};
  std::string severity{};  // CRITICAL, ERROR or WARNING
  pulumi::Output<std::string> filter{};
  std::optional<pulumi::Output<std::string>> denominator_filter{};
  std::string aligner{};
  std::string reducer{};  // empty: one series, nothing to reduce
  std::vector<std::string> group_by{};
  std::string alignment_period = "60s";
  double threshold = 0;
  std::string duration{};
  std::string runbook{};
};

std::vector<mon::AlertPolicyConditionConditionThresholdAggregationArgs> Aggregations(ThresholdAlert const& a) {
  mon::AlertPolicyConditionConditionThresholdAggregationArgs agg{.alignment_period = a.alignment_period,
                                                                 .per_series_aligner = a.aligner};
  if (!a.reducer.empty()) {
    agg.cross_series_reducer = a.reducer;
    agg.group_by_fields = a.group_by;
  }
  return {agg};
}

std::optional<std::vector<mon::AlertPolicyConditionConditionThresholdDenominatorAggregationArgs>> DenominatorAggregations(
    ThresholdAlert const& a) {
  if (!a.denominator_filter) return std::nullopt;
  mon::AlertPolicyConditionConditionThresholdDenominatorAggregationArgs agg{.alignment_period = a.alignment_period,
                                                                            .per_series_aligner = a.aligner};
  if (!a.reducer.empty()) {
    agg.cross_series_reducer = a.reducer;
    agg.group_by_fields = a.group_by;
  }
  return std::vector{agg};
}

std::optional<pulumi::Input<std::string>> DenominatorFilter(ThresholdAlert const& a) {
  if (!a.denominator_filter) return std::nullopt;
  return *a.denominator_filter;
}

}  // namespace

Monitoring::Monitoring(pulumi::Context& ctx, std::string const& name, MonitoringArgs const& args,
                       pulumi::ResourceOptions const& opts)
    : pulumi::ComponentResource(ctx, kType, name, opts) {
  pulumi::ResourceOptions child{.parent = *this};
  auto const& common = args.common;
  auto const& config = args.config;
  std::string env = " (" + common.environment + ")";

  mon::NotificationChannel channel(ctx, name + "-email",
                                   {.description = "Apex on-call email for " + common.environment + " alerts",
                                    .display_name = "Apex on-call" + env,
                                    .enabled = true,
                                    .labels = Labels{{"email_address", config.notification_email}},
                                    .project = common.gcp_project,
                                    .type = "email",
                                    .user_labels = args.labels},
                                   child);
  notification_channel = channel.name();

  auto host = args.gateway_uri.ToOutput().Apply([](std::string const& uri) { return internal::UriHost(uri); });
  mon::UptimeCheckConfig uptime(
      ctx, name + "-gateway-uptime",
      {.checker_type = "STATIC_IP_CHECKERS",
       .display_name = "Apex API gateway" + env,
       .http_check = mon::UptimeCheckConfigHttpCheckArgs{
           .accepted_response_status_codes =
               std::vector<mon::UptimeCheckConfigHttpCheckAcceptedResponseStatusCodeArgs>{
                   {.status_class = "STATUS_CLASS_2XX"}},
           .path = config.health_path,
           .port = 443,
           .request_method = "GET",
           .use_ssl = true,
           .validate_ssl = true},
       .monitored_resource = mon::UptimeCheckConfigMonitoredResourceArgs{
           .labels = host.Apply([project = common.gcp_project](std::string const& h) {
             return std::map<std::string, std::string>{{"host", h}, {"project_id", project}};
           }),
           .type = "uptime_url"},
       .period = Seconds(config.uptime_period_seconds),
       .project = common.gcp_project,
       .timeout = "10s",
       .user_labels = args.labels},
      child);
  uptime_check_id = uptime.uptime_check_id();

  auto create = [&](ThresholdAlert const& a) {
    mon::AlertPolicy policy(
        ctx, name + "-" + a.id,
        {.alert_strategy = mon::AlertPolicyAlertStrategyArgs{.auto_close = Seconds(config.auto_close_seconds)},
         .combiner = "OR",
         .conditions = std::vector<mon::AlertPolicyConditionArgs>{
             {.condition_threshold = mon::AlertPolicyConditionConditionThresholdArgs{
                  .aggregations = Aggregations(a),
                  .comparison = "COMPARISON_GT",
                  .denominator_aggregations = DenominatorAggregations(a),
                  .denominator_filter = DenominatorFilter(a),
                  .duration = a.duration,
                  .filter = a.filter,
                  .threshold_value = a.threshold,
                  .trigger = mon::AlertPolicyConditionConditionThresholdTriggerArgs{.count = 1}},
              .display_name = a.display_name}},
         .display_name = a.display_name + env,
         .documentation = mon::AlertPolicyDocumentationArgs{.content = a.runbook,
                                                            .mime_type = "text/markdown",
                                                            .subject = "[" + a.severity + "] Apex " + common.environment +
                                                                       ": " + a.display_name},
         .enabled = true,
         .notification_channels = std::vector<pulumi::Output<std::string>>{channel.name()},
         .project = common.gcp_project,
         .severity = a.severity,
         .user_labels = args.labels},
        child);
    alert_policies.push_back(policy.name());
  };

  std::string duration = Seconds(config.alert_duration_seconds);
  std::vector<std::string> by_service{"resource.label.service_name"};
  std::string latency_ms = std::to_string(static_cast<int>(config.latency_p95_ms));
  for (auto const& s : args.services) {
    auto service = s.service_name.ToOutput();
    auto filter = [&](std::string metric, std::string code_class = "") {
      return service.Apply(
          [metric, code_class](std::string const& n) { return internal::CloudRunFilter(n, metric, code_class); });
    };
    create({.id = s.id + "-latency-p95",
            .display_name = s.id + " request latency p95 above " + latency_ms + " ms",
            .severity = "WARNING",
            .filter = filter("request_latencies"),
            .aligner = "ALIGN_PERCENTILE_95",
            .reducer = "REDUCE_MAX",
            .group_by = by_service,
            .threshold = config.latency_p95_ms,
            .duration = duration,
            .runbook = "The 95th percentile latency of " + s.id + " is above the threshold. Check its Cloud Run "
                       "instance count against max instances, and the latency of the stores it calls."});
    create({.id = s.id + "-5xx-ratio",
            .display_name = s.id + " 5xx ratio above threshold",
            .severity = "ERROR",
            .filter = filter("request_count", "5xx"),
            .denominator_filter = filter("request_count"),
            .aligner = "ALIGN_RATE",
            .reducer = "REDUCE_SUM",
            .group_by = by_service,
            .threshold = config.error_ratio,
            .duration = duration,
            .runbook = "More than the allowed share of " + s.id + " responses are 5xx. Check the latest revision's "
                       "logs; roll back traffic to the previous revision if the failures started with a deploy."});
  }

  auto database_id = args.postgres_instance.ToOutput().Apply(
      [project = common.gcp_project](std::string const& instance) { return project + ":" + instance; });
  auto sql_filter = [&](std::string metric) {
    return database_id.Apply([metric](std::string const& id) { return internal::CloudSqlFilter(id, metric); });
  };
  create({.id = "cloudsql-cpu",
          .display_name = "Cloud SQL CPU utilization high",
          .severity = "WARNING",
          .filter = sql_filter("database/cpu/utilization"),
          .aligner = "ALIGN_MEAN",
          .threshold = config.sql_cpu_utilization,
          .duration = duration,
          .runbook = "The PostgreSQL instance is CPU bound. Look for slow queries in Query Insights; consider a "
                     "larger tier (apex-databases config)."});
  create({.id = "cloudsql-disk",
          .display_name = "Cloud SQL disk utilization high",
          .severity = "CRITICAL",
          .filter = sql_filter("database/disk/utilization"),
          .aligner = "ALIGN_MEAN",
          .threshold = config.sql_disk_utilization,
          .duration = duration,
          .runbook = "The PostgreSQL disk is filling up. Disk autoresize should grow it; check that it is on and "
                     "that the autoresize limit is not reached."});
  auto redis_id = args.redis_instance.ToOutput().Apply(
      [project = common.gcp_project, region = common.region](std::string const& instance) {
        return internal::RedisInstanceId(project, region, instance);
      });
  create({.id = "redis-memory",
          .display_name = "Redis memory usage high",
          .severity = "WARNING",
          .filter = redis_id.Apply(
              [](std::string const& id) { return internal::RedisFilter(id, "stats/memory/usage_ratio"); }),
          .aligner = "ALIGN_MEAN",
          .threshold = config.redis_memory_usage,
          .duration = duration,
          .runbook = "Redis is close to its memory size; keys are being evicted. Check TTLs of cached entries or "
                     "raise the memory size (apex-databases config)."});
  // Google's recommended uptime alert: fires when more than one checker region reports a failure.
  create({.id = "gateway-uptime",
          .display_name = "API gateway uptime check failing",
          .severity = "CRITICAL",
          .filter = uptime.uptime_check_id().Apply([](std::string const& id) {
            return "metric.type = \"monitoring.googleapis.com/uptime_check/check_passed\" AND metric.labels.check_id = \"" +
                   id + "\" AND resource.type = \"uptime_url\"";
          }),
          .aligner = "ALIGN_NEXT_OLDER",
          .reducer = "REDUCE_COUNT_FALSE",
          .group_by = {"resource.label.*"},
          .alignment_period = "1200s",
          .threshold = 1,
          .duration = "60s",
          .runbook = "The public API gateway does not answer its health check from several regions."});

  std::vector<pulumi::Output<std::string>> names;
  for (auto const& s : args.services) names.push_back(s.service_name.ToOutput());
  auto json = pulumi::All(pulumi::All(names), database_id, redis_id)
                  .Apply([display = "Apex Memory System" + env, labels = args.labels, config](
                             std::vector<std::string> const& services, std::string const& db, std::string const& redis) {
                    return internal::DashboardJson(display, labels, services, db, redis, config);
                  });
  mon::Dashboard dashboard(ctx, name + "-dashboard", {.dashboard_json = json, .project = common.gcp_project}, child);
  dashboard_id = dashboard.id();

  RegisterOutputs({{"notificationChannel", notification_channel},
                   {"uptimeCheckId", uptime_check_id},
                   {"dashboardId", dashboard_id}});
}

}  // namespace apex
