// Cloud Monitoring filters of the metrics Apex alerts on.
#include "apex/monitoring.h"

namespace apex::internal {

std::string CloudRunFilter(std::string const& service_name, std::string const& metric,
                           std::string const& response_code_class) {
  std::string filter = "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = \"" + service_name +
                       "\" AND metric.type = \"run.googleapis.com/" + metric + "\"";
  if (!response_code_class.empty())
    filter += " AND metric.labels.response_code_class = \"" + response_code_class + "\"";
  return filter;
}

std::string CloudSqlFilter(std::string const& database_id, std::string const& metric) {
  return "resource.type = \"cloudsql_database\" AND resource.labels.database_id = \"" + database_id +
         "\" AND metric.type = \"cloudsql.googleapis.com/" + metric + "\"";
}

std::string RedisFilter(std::string const& instance_id, std::string const& metric) {
  return "resource.type = \"redis_instance\" AND resource.labels.instance_id = \"" + instance_id +
         "\" AND metric.type = \"redis.googleapis.com/" + metric + "\"";
}

std::string GceFilter(std::string const& instance_id, std::string const& metric, std::string const& metric_labels) {
  return "resource.type = \"gce_instance\" AND resource.labels.instance_id = \"" + instance_id +
         "\" AND metric.type = \"" + metric + "\"" + metric_labels;
}

std::string WorkerPoolFilter(std::string const& worker_pool_name, std::string const& metric) {
  return "resource.type = \"cloud_run_worker_pool\" AND resource.labels.worker_pool_name = \"" + worker_pool_name +
         "\" AND metric.type = \"run.googleapis.com/" + metric + "\"";
}

std::string RedisInstanceId(std::string const& project, std::string const& region, std::string const& instance) {
  if (instance.rfind("projects/", 0) == 0) return instance;
  return "projects/" + project + "/locations/" + region + "/instances/" + instance;
}

std::string UriHost(std::string const& uri) {
  auto start = uri.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  auto end = uri.find_first_of("/:?#", start);
  return uri.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace apex::internal
