// The Apex dashboard as Cloud Monitoring dashboard JSON (mosaic layout, 12 columns, two charts a row).
#include "apex/monitoring.h"

#include <nlohmann/json.hpp>

namespace apex::internal {
namespace {

using nlohmann::json;

json Aggregation(std::string const& aligner, std::string const& reducer = "") {
  json a = {{"alignmentPeriod", "60s"}, {"perSeriesAligner", aligner}};
  if (!reducer.empty()) {
    a["crossSeriesReducer"] = reducer;
    a["groupByFields"] = json::array({"resource.label.service_name"});
  }
  return a;
}

json Query(std::string const& filter, json aggregation) {
  return {{"timeSeriesFilter", {{"filter", filter}, {"aggregation", std::move(aggregation)}}}};
}

json Chart(std::string const& title, json query, std::string const& y_label, double threshold) {
  json chart = {{"dataSets", json::array({{{"plotType", "LINE"}, {"timeSeriesQuery", std::move(query)}}})},
                {"yAxis", {{"label", y_label}, {"scale", "LINEAR"}}}};
  if (threshold > 0) chart["thresholds"] = json::array({{{"value", threshold}, {"targetAxis", "Y1"}}});
  return {{"title", title}, {"xyChart", std::move(chart)}};
}

}  // namespace

std::string DashboardJson(std::string const& display_name, Labels const& labels,
                          std::vector<std::string> const& service_names, std::string const& database_id,
                          std::string const& redis_instance_id, std::vector<DashboardVm> const& vms,
                          std::string const& worker_pool, MonitoringConfig const& config) {
  std::vector<json> widgets;
  for (auto const& service : service_names) {
    widgets.push_back(
        Chart(service + ": request latency p95 (ms)",
              Query(CloudRunFilter(service, "request_latencies"), Aggregation("ALIGN_PERCENTILE_95", "REDUCE_MAX")),
              "ms", config.latency_p95_ms));
    json ratio = {{"timeSeriesFilterRatio",
                   {{"numerator",
                     {{"filter", CloudRunFilter(service, "request_count", "5xx")},
                      {"aggregation", Aggregation("ALIGN_RATE", "REDUCE_SUM")}}},
                    {"denominator",
                     {{"filter", CloudRunFilter(service, "request_count")},
                      {"aggregation", Aggregation("ALIGN_RATE", "REDUCE_SUM")}}}}}};
    widgets.push_back(Chart(service + ": 5xx ratio", ratio, "ratio", config.error_ratio));
  }
  std::string all_services;
  for (auto const& s : service_names) all_services += (all_services.empty() ? "\"" : ", \"") + s + "\"";
  widgets.push_back(Chart("Requests per second by service",
                          Query("resource.type = \"cloud_run_revision\" AND resource.labels.service_name = one_of(" +
                                    all_services + ") AND metric.type = \"run.googleapis.com/request_count\"",
                                Aggregation("ALIGN_RATE", "REDUCE_SUM")),
                          "requests/s", 0));
  widgets.push_back(Chart("Cloud SQL CPU utilization",
                          Query(CloudSqlFilter(database_id, "database/cpu/utilization"), Aggregation("ALIGN_MEAN")),
                          "utilization", config.sql_cpu_utilization));
  widgets.push_back(Chart("Cloud SQL disk utilization",
                          Query(CloudSqlFilter(database_id, "database/disk/utilization"), Aggregation("ALIGN_MEAN")),
                          "utilization", config.sql_disk_utilization));
  widgets.push_back(Chart("Redis memory usage ratio",
                          Query(RedisFilter(redis_instance_id, "stats/memory/usage_ratio"), Aggregation("ALIGN_MEAN")),
                          "usage ratio", config.redis_memory_usage));
  std::string const used = " AND metric.labels.state = \"used\"";
  for (auto const& vm : vms) {
    widgets.push_back(Chart(
        vm.name + ": memory used (%)",
        Query(GceFilter(vm.instance_id, "agent.googleapis.com/memory/percent_used", used), Aggregation("ALIGN_MEAN")),
        "percent", config.vm_memory_percent));
    widgets.push_back(Chart(
        vm.name + ": disk used (%)",
        Query(GceFilter(vm.instance_id, "agent.googleapis.com/disk/percent_used", used), Aggregation("ALIGN_MEAN")),
        "percent", config.vm_disk_percent));
  }
  json pool = Aggregation("ALIGN_MAX");
  pool["crossSeriesReducer"] = "REDUCE_SUM";
  pool["groupByFields"] = json::array({"resource.label.worker_pool_name"});
  widgets.push_back(Chart(worker_pool + ": instances",
                          Query(WorkerPoolFilter(worker_pool, "container/instance_count"), pool), "instances", 1));

  json tiles = json::array();
  for (std::size_t i = 0; i < widgets.size(); ++i) {
    tiles.push_back({{"xPos", static_cast<int>(i % 2) * 6},
                     {"yPos", static_cast<int>(i / 2) * 4},
                     {"width", 6},
                     {"height", 4},
                     {"widget", widgets[i]}});
  }
  json dashboard = {
      {"displayName", display_name}, {"labels", labels}, {"mosaicLayout", {{"columns", 12}, {"tiles", tiles}}}};
  return dashboard.dump();
}

}  // namespace apex::internal
