#include "apex/monitoring.h"

#include "pulumi/gcp/monitoring/alert_policy.h"
#include "pulumi/gcp/monitoring/dashboard.h"
#include "pulumi/gcp/monitoring/notification_channel.h"
#include "pulumi/gcp/monitoring/uptime_check_config.h"

#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace apex {
namespace {

namespace mon = pulumi::gcp::monitoring;

std::string Seconds(int s) { return std::to_string(s) + "s"; }

// One condition over a metric (or a ratio of two): a threshold, or the metric's absence for `duration`.
struct ThresholdAlert {
  std::string id{};  // the policy's resource name: "<component>-<id>"
  std::string display_name{};
  std::string severity{};  // CRITICAL, ERROR or WARNING
  bool absent = false;     // fires when the series stops reporting, not on its value
  std::string comparison = "COMPARISON_GT";
  pulumi::Output<std::string> filter{};
  std::optional<pulumi::Output<std::string>> denominator_filter{};
  std::string aligner{};
  std::string reducer{};  // empty: one series, nothing to reduce
  std::vector<std::string> group_by{};
  std::string alignment_period = "60s";
  double threshold = 0;
  std::string duration{};
  std::string runbook{};
  std::vector<ThresholdAlert> or_conditions{};  // more conditions of the same policy (OR), by display name
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

std::optional<std::vector<mon::AlertPolicyConditionConditionThresholdDenominatorAggregationArgs>>
DenominatorAggregations(ThresholdAlert const& a) {
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

mon::AlertPolicyConditionArgs Condition(ThresholdAlert const& a) {
  if (a.absent) {
    mon::AlertPolicyConditionConditionAbsentAggregationArgs agg{.alignment_period = a.alignment_period,
                                                                .per_series_aligner = a.aligner};
    return {.condition_absent =
                mon::AlertPolicyConditionConditionAbsentArgs{
                    .aggregations = std::vector{agg},
                    .duration = a.duration,
                    .filter = a.filter,
                    .trigger = mon::AlertPolicyConditionConditionAbsentTriggerArgs{.count = 1}},
            .display_name = a.display_name};
  }
  return {.condition_threshold =
              mon::AlertPolicyConditionConditionThresholdArgs{
                  .aggregations = Aggregations(a),
                  .comparison = a.comparison,
                  .denominator_aggregations = DenominatorAggregations(a),
                  .denominator_filter = DenominatorFilter(a),
                  .duration = a.duration,
                  .filter = a.filter,
                  .threshold_value = a.threshold,
                  .trigger = mon::AlertPolicyConditionConditionThresholdTriggerArgs{.count = 1}},
          .display_name = a.display_name};
}

// The component's parts, each named for what it creates, in the order the component creates them; every alert
// policy notifies the channel.
class MonitoringParts {
 public:
  MonitoringParts(pulumi::Context& ctx, std::string const& name, MonitoringArgs const& args,
                  pulumi::ResourceOptions child)
      : ctx_(ctx),
        name_(name),
        args_(args),
        child_(std::move(child)),
        env_(" (" + args.common.environment + ")"),
        duration_(Seconds(args.config.alert_duration_seconds)),
        database_id_(args.postgres_instance.ToOutput().Apply(
            [project = args.common.gcp_project](std::string const& instance) { return project + ":" + instance; })),
        redis_id_(args.redis_instance.ToOutput().Apply(
            [project = args.common.gcp_project, region = args.common.region](std::string const& instance) {
              return internal::RedisInstanceId(project, region, instance);
            })) {}

  pulumi::Output<std::string> NotificationChannel() {
    auto const& common = args_.common;
    auto const& config = args_.config;
    mon::NotificationChannel channel(ctx_, name_ + "-email",
                                     {.description = "Apex on-call email for " + common.environment + " alerts",
                                      .display_name = "Apex on-call" + env_,
                                      .enabled = true,
                                      .labels = Labels{{"email_address", config.notification_email}},
                                      .project = common.gcp_project,
                                      .type = "email",
                                      .user_labels = args_.labels},
                                     child_);
    channel_name_ = channel.name();
    return channel_name_;
  }

  pulumi::Output<std::string> UptimeCheck() {
    auto const& common = args_.common;
    auto const& config = args_.config;
    auto host = args_.public_url.ToOutput().Apply([](std::string const& uri) { return internal::UriHost(uri); });
    mon::UptimeCheckConfig uptime(
        ctx_, name_ + "-gateway-uptime",
        {.checker_type = "STATIC_IP_CHECKERS",
         .display_name = "Apex public API" + env_,
         .http_check =
             mon::UptimeCheckConfigHttpCheckArgs{
                 .accepted_response_status_codes =
                     std::vector<mon::UptimeCheckConfigHttpCheckAcceptedResponseStatusCodeArgs>{
                         {.status_class = "STATUS_CLASS_2XX"}},
                 .path = config.health_path,
                 .port = 443,
                 .request_method = "GET",
                 .use_ssl = true,
                 .validate_ssl = true},
         .monitored_resource =
             mon::UptimeCheckConfigMonitoredResourceArgs{
                 .labels = host.Apply([project = common.gcp_project](std::string const& h) {
                   return std::map<std::string, std::string>{{"host", h}, {"project_id", project}};
                 }),
                 .type = "uptime_url"},
         .period = Seconds(config.uptime_period_seconds),
         .project = common.gcp_project,
         .timeout = "10s",
         .user_labels = args_.labels},
        child_);
    return uptime.uptime_check_id();
  }

  // Latency p95 and the 5xx ratio of each Cloud Run service.
  void ServiceAlerts() {
    auto const& config = args_.config;
    std::vector<std::string> by_service{"resource.label.service_name"};
    std::string latency_ms = std::to_string(static_cast<int>(config.latency_p95_ms));
    for (auto const& s : args_.services) {
      auto service = s.service_name.ToOutput();
      auto filter = [&](std::string metric, std::string code_class = "") {
        return service.Apply(
            [metric, code_class](std::string const& n) { return internal::CloudRunFilter(n, metric, code_class); });
      };
      Create({.id = s.id + "-latency-p95",
              .display_name = s.id + " request latency p95 above " + latency_ms + " ms",
              .severity = "WARNING",
              .filter = filter("request_latencies"),
              .aligner = "ALIGN_PERCENTILE_95",
              .reducer = "REDUCE_MAX",
              .group_by = by_service,
              .threshold = config.latency_p95_ms,
              .duration = duration_,
              .runbook = "The 95th percentile latency of " + s.id +
                         " is above the threshold. Check its Cloud Run "
                         "instance count against max instances, and the latency of the stores it calls."});
      Create({.id = s.id + "-5xx-ratio",
              .display_name = s.id + " 5xx ratio above threshold",
              .severity = "ERROR",
              .filter = filter("request_count", "5xx"),
              .denominator_filter = filter("request_count"),
              .aligner = "ALIGN_RATE",
              .reducer = "REDUCE_SUM",
              .group_by = by_service,
              .threshold = config.error_ratio,
              .duration = duration_,
              .runbook = "More than the allowed share of " + s.id +
                         " responses are 5xx. Check the latest revision's "
                         "logs; roll back traffic to the previous revision if the failures started with a deploy."});
    }
  }

  // Cloud SQL CPU and disk, Redis memory.
  void DataStoreAlerts() {
    auto const& config = args_.config;
    auto const& database_id = database_id_;
    auto const& redis_id = redis_id_;
    auto sql_filter = [&](std::string metric) {
      return database_id.Apply([metric](std::string const& id) { return internal::CloudSqlFilter(id, metric); });
    };
    Create({.id = "cloudsql-cpu",
            .display_name = "Cloud SQL CPU utilization high",
            .severity = "WARNING",
            .filter = sql_filter("database/cpu/utilization"),
            .aligner = "ALIGN_MEAN",
            .threshold = config.sql_cpu_utilization,
            .duration = duration_,
            .runbook = "The PostgreSQL instance is CPU bound. Look for slow queries in Query Insights; consider a "
                       "larger tier (apex-databases config)."});
    Create({.id = "cloudsql-disk",
            .display_name = "Cloud SQL disk utilization high",
            .severity = "CRITICAL",
            .filter = sql_filter("database/disk/utilization"),
            .aligner = "ALIGN_MEAN",
            .threshold = config.sql_disk_utilization,
            .duration = duration_,
            .runbook = "The PostgreSQL disk is filling up. Disk autoresize should grow it; check that it is on and "
                       "that the autoresize limit is not reached."});
    Create({.id = "redis-memory",
            .display_name = "Redis memory usage high",
            .severity = "WARNING",
            .filter = redis_id.Apply(
                [](std::string const& id) { return internal::RedisFilter(id, "stats/memory/usage_ratio"); }),
            .aligner = "ALIGN_MEAN",
            .threshold = config.redis_memory_usage,
            .duration = duration_,
            .runbook = "Redis is close to its memory size; keys are being evicted. Check TTLs of cached entries or "
                       "raise the memory size (apex-databases config)."});
  }

  void UptimeAlert(pulumi::Output<std::string> const& uptime_check_id) {
    // Google's recommended uptime alert: fires when more than one checker region reports a failure.
    Create({.id = "gateway-uptime",
            .display_name = "Public API uptime check failing",
            .severity = "CRITICAL",
            .filter = uptime_check_id.Apply([](std::string const& id) {
              return "metric.type = \"monitoring.googleapis.com/uptime_check/check_passed\" AND metric.labels.check_id "
                     "= \"" +
                     id + "\" AND resource.type = \"uptime_url\"";
            }),
            .aligner = "ALIGN_NEXT_OLDER",
            .reducer = "REDUCE_COUNT_FALSE",
            .group_by = {"resource.label.*"},
            .alignment_period = "1200s",
            .threshold = 1,
            .duration = "60s",
            .runbook = "The public API does not answer its health check from several regions."});
  }

  void VmAlerts() {
    auto const& config = args_.config;
    // The data VMs: down (no uptime reported), memory and disk from the Ops Agent. The disk condition watches every
    // file system of the VM: the data disk's device name is the kernel's (sdb, nvme0n2), and a full boot disk stops
    // the database as surely.
    for (auto const& vm : args_.vms) {
      auto instance = vm.instance_id.ToOutput();
      auto filter = [&](std::string metric, std::string labels = "") {
        return instance.Apply(
            [metric, labels](std::string const& id) { return internal::GceFilter(id, metric, labels); });
      };
      Create({.id = vm.id + "-uptime",
              .display_name = vm.id + " VM not running",
              .severity = "CRITICAL",
              .absent = true,
              .filter = filter("compute.googleapis.com/instance/uptime"),
              .aligner = "ALIGN_RATE",
              .duration = duration_,
              .runbook = "The " + vm.id +
                         " VM reports no uptime: it is stopped, being repaired or crashed. Check its "
                         "serial console and `gcloud compute instances describe`; the services that use " +
                         vm.id + " fail meanwhile."});
      Create({.id = vm.id + "-memory",
              .display_name = vm.id + " VM memory usage high",
              .severity = "WARNING",
              .filter = filter("agent.googleapis.com/memory/percent_used", " AND metric.labels.state = \"used\""),
              .aligner = "ALIGN_MEAN",
              .threshold = config.vm_memory_percent,
              .duration = duration_,
              .runbook = "The " + vm.id +
                         " VM is close to running out of memory. Check the container's heap and cache "
                         "settings, or give the VM a larger machine type (apex-databases config)."});
      Create({.id = vm.id + "-disk",
              .display_name = vm.id + " VM disk usage high",
              .severity = "CRITICAL",
              .filter = filter("agent.googleapis.com/disk/percent_used", " AND metric.labels.state = \"used\""),
              .aligner = "ALIGN_MEAN",
              .threshold = config.vm_disk_percent,
              .duration = duration_,
              .runbook = "A file system of the " + vm.id +
                         " VM is filling up. Grow the data disk (apex-databases config, "
                         "then resize2fs on the VM), or free space on the boot disk."});
    }
  }

  void WorkerPoolAlert() {
    // The Temporal worker pool serves no requests: it is watched by its instance count, which must not fall to zero.
    auto worker_pool = args_.worker_pool.ToOutput();
    auto pool_instances = worker_pool.Apply(
        [](std::string const& pool) { return internal::WorkerPoolFilter(pool, "container/instance_count"); });
    std::string const pool_runbook =
        "The Temporal worker pool has no running instance: workflows and activities are not processed. Check the "
        "worker pool's revisions and logs, and its connection to Temporal.";
    Create({.id = "temporal-worker-instances",
            .display_name = "Temporal worker pool has no instance",
            .severity = "CRITICAL",
            .comparison = "COMPARISON_LT",
            .filter = pool_instances,
            .aligner = "ALIGN_MAX",
            .reducer = "REDUCE_SUM",
            .group_by = {"resource.label.worker_pool_name"},
            .threshold = 1,
            .duration = duration_,
            .runbook = pool_runbook,
            .or_conditions = {{.display_name = "Temporal worker pool reports no instance",
                               .absent = true,
                               .filter = pool_instances,
                               .aligner = "ALIGN_MAX",
                               .duration = duration_}}});
  }

  pulumi::Output<std::string> Dashboard() {
    auto const& config = args_.config;
    auto const& database_id = database_id_;
    auto const& redis_id = redis_id_;
    auto worker_pool = args_.worker_pool.ToOutput();
    std::vector<pulumi::Output<std::string>> vm_ids, vm_names;
    for (auto const& vm : args_.vms) {
      vm_ids.push_back(vm.instance_id.ToOutput());
      vm_names.push_back(vm.instance_name.ToOutput());
    }
    std::vector<pulumi::Output<std::string>> names;
    for (auto const& s : args_.services) names.push_back(s.service_name.ToOutput());
    auto json =
        pulumi::All(pulumi::All(names), database_id, redis_id, pulumi::All(vm_ids), pulumi::All(vm_names), worker_pool)
            .Apply([display = "Apex Memory System" + env_, labels = args_.labels, config](
                       std::vector<std::string> const& services, std::string const& db, std::string const& redis,
                       std::vector<std::string> const& ids, std::vector<std::string> const& vm_names,
                       std::string const& pool) {
              std::vector<internal::DashboardVm> vms;
              for (std::size_t i = 0; i < ids.size(); ++i) vms.push_back({vm_names[i], ids[i]});
              return internal::DashboardJson(display, labels, services, db, redis, vms, pool, config);
            });
    mon::Dashboard dashboard(ctx_, name_ + "-dashboard", {.dashboard_json = json, .project = args_.common.gcp_project},
                             child_);
    return dashboard.id();
  }

  std::vector<pulumi::Output<std::string>> const& alert_policies() const { return alert_policies_; }

 private:
  void Create(ThresholdAlert const& a) {
    std::vector<mon::AlertPolicyConditionArgs> conditions{Condition(a)};
    for (auto const& more : a.or_conditions) conditions.push_back(Condition(more));
    mon::AlertPolicy policy(
        ctx_, name_ + "-" + a.id,
        {.alert_strategy = mon::AlertPolicyAlertStrategyArgs{.auto_close = Seconds(args_.config.auto_close_seconds)},
         .combiner = "OR",
         .conditions = conditions,
         .display_name = a.display_name + env_,
         .documentation =
             mon::AlertPolicyDocumentationArgs{
                 .content = a.runbook,
                 .mime_type = "text/markdown",
                 .subject = "[" + a.severity + "] Apex " + args_.common.environment + ": " + a.display_name},
         .enabled = true,
         .notification_channels = std::vector<pulumi::Output<std::string>>{channel_name_},
         .project = args_.common.gcp_project,
         .severity = a.severity,
         .user_labels = args_.labels},
        child_);
    alert_policies_.push_back(policy.name());
  }

  pulumi::Context& ctx_;
  std::string const& name_;
  MonitoringArgs const& args_;
  pulumi::ResourceOptions child_;
  std::string env_;
  std::string duration_;
  pulumi::Output<std::string> database_id_;
  pulumi::Output<std::string> redis_id_;
  pulumi::Output<std::string> channel_name_;
  std::vector<pulumi::Output<std::string>> alert_policies_;
};

}  // namespace

Monitoring::Monitoring(pulumi::Context& ctx, std::string const& name, MonitoringArgs const& args,
                       pulumi::ResourceOptions const& opts)
    : pulumi::ComponentResource(ctx, kType, name, opts) {
  MonitoringParts parts(ctx, name, args, {.parent = *this, .depends_on = opts.depends_on});
  notification_channel = parts.NotificationChannel();
  uptime_check_id = parts.UptimeCheck();
  parts.ServiceAlerts();
  parts.DataStoreAlerts();
  parts.UptimeAlert(uptime_check_id);
  parts.VmAlerts();
  parts.WorkerPoolAlert();
  dashboard_id = parts.Dashboard();
  alert_policies = parts.alert_policies();
  RegisterOutputs({{"notificationChannel", notification_channel},
                   {"uptimeCheckId", uptime_check_id},
                   {"dashboardId", dashboard_id}});
}

}  // namespace apex
