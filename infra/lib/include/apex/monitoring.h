// Monitoring: what watches the Apex system and whom it tells. An email notification channel; an HTTPS uptime
// check on the public URL's health path (and an alert when it fails); alert policies with severity and
// auto-close, all notifying the channel: Cloud Run request latency (p95) and 5xx ratio per service, Cloud SQL
// CPU and disk utilization, Redis memory usage, per data VM (Neo4j, Qdrant) its uptime and the Ops Agent's
// memory and disk usage, and the Temporal worker pool's instances; and a dashboard with those charts.
//
//   auto config = apex::LoadMonitoringConfig(ctx);
//   apex::Monitoring monitoring(ctx, "apex", {
//       .common = common, .labels = labels, .config = config,
//       .public_url = services.RequireOutput<std::string>("publicUrl"),
//       .services = {{"api-gateway", gateway_name}, {"query-router", router_name}},
//       .postgres_instance = postgres_name, .redis_instance = redis_id,
//       .vms = {{"neo4j", neo4j_instance_id, neo4j_instance_name}}, .worker_pool = temporal_worker_name});
#ifndef APEX_MONITORING_H
#define APEX_MONITORING_H

#include "apex/config.h"
#include "apex/labels.h"
#include "pulumi/pulumi.h"

#include <string>
#include <vector>

namespace apex {

/// The alerting settings of a stack, from apex:* config (validated).
struct MonitoringConfig {
  std::string notification_email{};      ///< apex:alertEmail
  double latency_p95_ms = 2000;          ///< apex:latencyP95ThresholdMs: Cloud Run request latency, 95th percentile
  double error_ratio = 0.05;             ///< apex:errorRatioThreshold: 5xx responses / all responses, (0, 1]
  double sql_cpu_utilization = 0.8;      ///< apex:sqlCpuThreshold, (0, 1]
  double sql_disk_utilization = 0.85;    ///< apex:sqlDiskThreshold, (0, 1]
  double redis_memory_usage = 0.8;       ///< apex:redisMemoryThreshold, (0, 1]
  double vm_memory_percent = 90;         ///< apex:vmMemoryThreshold: a data VM's used memory, percent, (0, 100]
  double vm_disk_percent = 85;           ///< apex:vmDiskThreshold: a data VM's fullest file system, percent, (0, 100]
  int alert_duration_seconds = 300;      ///< apex:alertDurationSeconds: how long a condition holds before it fires
  int auto_close_seconds = 1800;         ///< apex:alertAutoCloseSeconds: incidents close after this long without data
  int uptime_period_seconds = 60;        ///< apex:uptimeCheckPeriodSeconds: 60, 300, 600 or 900
  std::string health_path = "/healthz";  ///< apex:healthPath: what the uptime check requests
};

MonitoringConfig LoadMonitoringConfig(pulumi::Context& ctx);

/// A Cloud Run service to watch: `id` names its policies ("<component>-<id>-latency"); `service_name` is the
/// GCP name, the `service_name` label of its metrics.
struct MonitoredService {
  std::string id{};
  pulumi::Input<std::string> service_name{};
};

/// A Compute Engine VM to watch (a data VM): `id` names its policies ("<component>-<id>-uptime").
struct MonitoredVm {
  std::string id{};
  pulumi::Input<std::string> instance_id{};    ///< the numeric id: gce_instance's resource.labels.instance_id
  pulumi::Input<std::string> instance_name{};  ///< for people: the policies' and charts' titles
};

struct MonitoringArgs {
  CommonConfig common{};
  Labels labels{};
  MonitoringConfig config{};
  pulumi::Input<std::string> public_url{};  ///< "https://<host>" where users reach the API (domain or run.app)
  std::vector<MonitoredService> services{};
  pulumi::Input<std::string> postgres_instance{};  ///< the Cloud SQL instance name
  pulumi::Input<std::string> redis_instance{};  ///< the Memorystore instance id (projects/…/instances/<name>) or name
  std::vector<MonitoredVm> vms{};
  pulumi::Input<std::string> worker_pool{};  ///< the Temporal worker pool's name (a Cloud Run worker pool)
};

class Monitoring : public pulumi::ComponentResource {
 public:
  static constexpr char kType[] = "apex:monitoring:Monitoring";

  /// Every child depends on what `opts.depends_on` names (the Monitoring API), as the component does.
  Monitoring(pulumi::Context& ctx, std::string const& name, MonitoringArgs const& args,
             pulumi::ResourceOptions const& opts = {});

  pulumi::Output<std::string> notification_channel;  ///< projects/<p>/notificationChannels/<id>
  pulumi::Output<std::string> uptime_check_id;
  pulumi::Output<std::string> dashboard_id;
  std::vector<pulumi::Output<std::string>> alert_policies;
};

namespace internal {

/// Not part of the component API: the pieces the component's files share.

/// The Monitoring filter of a Cloud Run request metric of one service ("request_latencies", "request_count"),
/// optionally narrowed to a response code class ("5xx").
std::string CloudRunFilter(std::string const& service_name, std::string const& metric,
                           std::string const& response_code_class = "");
/// The Monitoring filter of a Cloud SQL metric ("database/cpu/utilization") of `project:instance`.
std::string CloudSqlFilter(std::string const& database_id, std::string const& metric);
/// The Monitoring filter of a Memorystore Redis metric ("stats/memory/usage_ratio").
std::string RedisFilter(std::string const& instance_id, std::string const& metric);
/// The monitored-resource instance_id of a Redis instance: its full id, built from a bare name if need be.
std::string RedisInstanceId(std::string const& project, std::string const& region, std::string const& instance);
/// The Monitoring filter of a Compute Engine metric ("compute.googleapis.com/instance/uptime",
/// "agent.googleapis.com/memory/percent_used") of one VM, optionally narrowed by `metric_labels`
/// (' AND metric.labels.state = "used"').
std::string GceFilter(std::string const& instance_id, std::string const& metric, std::string const& metric_labels = "");
/// The Monitoring filter of a Cloud Run worker pool metric ("container/instance_count").
std::string WorkerPoolFilter(std::string const& worker_pool_name, std::string const& metric);
/// "https://host/path" -> "host".
std::string UriHost(std::string const& uri);

/// A data VM as the dashboard shows it.
struct DashboardVm {
  std::string name{};
  std::string instance_id{};
};

/// The dashboard's JSON (a mosaic layout): latency p95 and 5xx per service, request counts, Cloud SQL CPU and
/// disk, Redis memory, memory and disk per data VM, the worker pool's instances, each chart showing the alert
/// threshold.
std::string DashboardJson(std::string const& display_name, Labels const& labels,
                          std::vector<std::string> const& service_names, std::string const& database_id,
                          std::string const& redis_instance_id, std::vector<DashboardVm> const& vms,
                          std::string const& worker_pool, MonitoringConfig const& config);

}  // namespace internal
}  // namespace apex

#endif  // APEX_MONITORING_H
