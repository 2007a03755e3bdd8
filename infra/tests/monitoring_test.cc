// apex-monitoring through the mocks, for every stack, with the real stack files: apex-network and
// apex-services run first, the apex-databases outputs given by hand. Checks the Monitoring API, the notification
// channel, the public URL's uptime check, every alert policy's filter, threshold, severity and channel (the data
// VMs and the Temporal worker pool included), and the dashboard.
#include "apex/gcp_mocks/gcp_mocks.h"
#include "apex/gcp_mocks/projects.h"
#include "apex/stack_outputs.h"
#include "support/database_outputs.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace {

using ::apex::test_support::DatabaseOutputs;
using ::apex::test_support::DatabasesStack;
using ::apex::test_support::ProjectOf;

using ::pulumi::PropertyArray;
using ::pulumi::PropertyMap;
using ::pulumi::PropertyValue;
using ::pulumi::mocks::RegisteredResource;
using ::testing::HasSubstr;

namespace outputs = apex::outputs;

constexpr char kPolicy[] = "gcp:monitoring/alertPolicy:AlertPolicy";

std::string Logs(pulumi::mocks::MockDeployment const& d) { return apex::gcp_mocks::LogText(d); }

PropertyValue Str(std::string s) { return PropertyValue(std::move(s)); }
PropertyMap const& Obj(PropertyValue const& v) { return v.AsObject(); }

// Per tier, as in the Pulumi.<stack>.yaml files.
struct Tier {
  std::string email;
  double latency_ms, error_ratio, sql_cpu, sql_disk, redis_memory, vm_memory, vm_disk;
  std::string duration, auto_close, uptime_period;
};

Tier TierOf(std::string const& stack) {
  if (stack == "dev") {
    return {"apex-dev-alerts@apex-memory.example.com", 5000, 0.1, 0.9, 0.9, 0.9, 95, 90, "600s", "1800s", "300s"};
  }
  if (stack == "staging") {
    return {
        "apex-staging-alerts@apex-memory.example.com", 3000, 0.05, 0.85, 0.85, 0.85, 90, 85, "300s", "3600s", "300s"};
  }
  return {"apex-oncall@apex-memory.example.com", 1500, 0.02, 0.8, 0.8, 0.8, 85, 80, "300s", "86400s", "60s"};
}

// The data VMs as DatabaseOutputs gives them: policy id, instance id, instance name.
struct Vm {
  std::string id, instance_id, name;
};
std::vector<Vm> VmsOf(std::string const& stack) {
  auto out = DatabaseOutputs(stack);
  return {{"neo4j", out.at(outputs::kNeo4jInstanceId).AsString(), out.at(outputs::kNeo4jInstanceName).AsString()},
          {"qdrant", out.at(outputs::kQdrantInstanceId).AsString(), out.at(outputs::kQdrantInstanceName).AsString()}};
}

class MonitoringTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto network = apex::gcp_mocks::RunStack("apex-network", GetParam());
    ASSERT_EQ(network.exit_code, 0) << Logs(*network.deployment);
    auto refs = apex::gcp_mocks::ReferencesFor({&network});
    refs[DatabasesStack(GetParam())] = DatabaseOutputs(GetParam());
    services_ = apex::gcp_mocks::RunStack("apex-services", GetParam(), refs);
    ASSERT_EQ(services_.exit_code, 0) << Logs(*services_.deployment);
    refs = apex::gcp_mocks::ReferencesFor({&services_});
    refs[DatabasesStack(GetParam())] = DatabaseOutputs(GetParam());
    run_ = apex::gcp_mocks::RunStack("apex-monitoring", GetParam(), refs);
    ASSERT_EQ(run_.exit_code, 0) << Logs(*run_.deployment);
  }

  RegisteredResource Get(std::string const& type, std::string const& name) const {
    auto r = run_.deployment->Find(type, name);
    EXPECT_TRUE(r) << type << " " << name;
    return r ? *r : RegisteredResource{};
  }
  PropertyMap const& Condition(RegisteredResource const& policy, std::size_t i = 0,
                               char const* kind = "conditionThreshold") const {
    return Obj(Obj(policy.inputs.at("conditions").AsArray().at(i)).at(kind));
  }
  std::string project() const { return ProjectOf(GetParam()); }

  apex::gcp_mocks::StackRun services_;
  apex::gcp_mocks::StackRun run_;
};

TEST_P(MonitoringTest, EveryResourceIsParentedUnderTheComponent) {
  auto component = Get("apex:monitoring:Monitoring", "apex");
  std::vector<std::pair<std::string, std::string>> children = {
      {"gcp:monitoring/notificationChannel:NotificationChannel", "apex-email"},
      {"gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig", "apex-gateway-uptime"},
      {"gcp:monitoring/dashboard:Dashboard", "apex-dashboard"}};
  for (std::string id : {"api-gateway", "ingestion-worker", "query-router"}) {
    children.emplace_back(kPolicy, "apex-" + id + "-latency-p95");
    children.emplace_back(kPolicy, "apex-" + id + "-5xx-ratio");
  }
  for (std::string id :
       {"cloudsql-cpu", "cloudsql-disk", "redis-memory", "gateway-uptime", "neo4j-uptime", "neo4j-memory", "neo4j-disk",
        "qdrant-uptime", "qdrant-memory", "qdrant-disk", "temporal-worker-instances"}) {
    children.emplace_back(kPolicy, "apex-" + id);
  }
  for (auto const& [type, name] : children) EXPECT_EQ(Get(type, name).parent, component.urn) << name;
  EXPECT_EQ(run_.deployment->OfType(kPolicy).size(), 17u);
}

// Issue #11, point 5: the stack enables the Monitoring API, and everything it creates waits for it.
TEST_P(MonitoringTest, EnablesTheMonitoringApiAndEveryResourceWaitsForIt) {
  auto api = Get("gcp:projects/service:Service", "api-monitoring");
  EXPECT_EQ(api.inputs, (PropertyMap{{"disableDependentServices", false},
                                     {"disableOnDestroy", false},
                                     {"project", project()},
                                     {"service", "monitoring.googleapis.com"}}));
  EXPECT_EQ(run_.deployment->OfType("gcp:projects/service:Service").size(), 1u);
  for (auto const& r : run_.deployment->resources()) {
    if (r.type.rfind("gcp:monitoring/", 0) == 0) {
      EXPECT_THAT(r.dependencies, ::testing::Contains(api.urn)) << r.name;
    }
  }
}

TEST_P(MonitoringTest, AnEmailChannelWiredIntoEveryPolicy) {
  auto channel = Get("gcp:monitoring/notificationChannel:NotificationChannel", "apex-email");
  EXPECT_EQ(channel.inputs.at("type"), Str("email"));
  EXPECT_EQ(channel.inputs.at("labels"), PropertyValue(PropertyMap{{"email_address", TierOf(GetParam()).email}}));
  EXPECT_EQ(channel.inputs.at("project"), Str(project()));
  auto channel_name = channel.outputs.at("name");
  for (auto const& policy : run_.deployment->OfType(kPolicy)) {
    EXPECT_EQ(policy.inputs.at("notificationChannels"), PropertyValue(PropertyArray{channel_name})) << policy.name;
    EXPECT_EQ(policy.inputs.at("alertStrategy"),
              PropertyValue(PropertyMap{{"autoClose", TierOf(GetParam()).auto_close}}))
        << policy.name;
    EXPECT_EQ(policy.inputs.at("combiner"), Str("OR"));
    EXPECT_EQ(policy.inputs.at("enabled"), PropertyValue(true));
    EXPECT_EQ(policy.inputs.at("project"), Str(project()));
  }
  EXPECT_EQ(run_.deployment->OfType(kPolicy).size(), 17u);
  EXPECT_EQ(run_.deployment->stack_outputs().at(outputs::kNotificationChannel), channel_name);
}

// Issue #11: the uptime check probes where users reach the API: the custom domain behind the load balancer in
// prod, the gateway's run.app host elsewhere (apex-services' publicUrl).
TEST_P(MonitoringTest, TheUptimeCheckProbesThePublicUrlsHealthOverHttps) {
  auto const& services = services_.deployment->stack_outputs();
  ASSERT_TRUE(services.contains(outputs::kPublicUrl)) << "apex-services exports no " << outputs::kPublicUrl;
  std::string host;
  if (GetParam() == "prod") {
    host = services_.config.config.at("apex:publicDomain");
  } else {
    auto gateway_uri = services.at(outputs::kApiGatewayUri).AsString();
    ASSERT_EQ(gateway_uri.rfind("https://", 0), 0u);
    host = gateway_uri.substr(8);
    EXPECT_THAT(host, ::testing::EndsWith(".run.app"));
  }
  EXPECT_EQ(services.at(outputs::kPublicUrl), Str("https://" + host));
  auto uptime = Get("gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig", "apex-gateway-uptime");
  EXPECT_EQ(uptime.inputs.at("monitoredResource"),
            PropertyValue(PropertyMap{{"labels", PropertyMap{{"host", host}, {"project_id", project()}}},
                                      {"type", "uptime_url"}}));
  EXPECT_EQ(uptime.inputs.at("httpCheck"),
            PropertyValue(PropertyMap{
                {"acceptedResponseStatusCodes", PropertyArray{PropertyMap{{"statusClass", "STATUS_CLASS_2XX"}}}},
                {"path", "/healthz"},
                {"port", 443},
                {"requestMethod", "GET"},
                {"useSsl", true},
                {"validateSsl", true}}));
  EXPECT_EQ(uptime.inputs.at("period"), Str(TierOf(GetParam()).uptime_period));
  EXPECT_EQ(uptime.inputs.at("timeout"), Str("10s"));

  // Its alert reads this check's id.
  auto check_id = uptime.outputs.at("uptimeCheckId").AsString();
  auto alert = Get(kPolicy, "apex-gateway-uptime");
  EXPECT_EQ(
      Condition(alert).at("filter"),
      Str("metric.type = \"monitoring.googleapis.com/uptime_check/check_passed\" AND metric.labels.check_id = \"" +
          check_id + "\" AND resource.type = \"uptime_url\""));
  EXPECT_EQ(Condition(alert).at("thresholdValue"), PropertyValue(1));
  EXPECT_EQ(alert.inputs.at("severity"), Str("CRITICAL"));
  EXPECT_EQ(run_.deployment->stack_outputs().at(outputs::kUptimeCheckId), Str(check_id));
}

TEST_P(MonitoringTest, CloudRunLatencyAndErrorPoliciesPerService) {
  Tier t = TierOf(GetParam());
  for (std::string id : {"api-gateway", "ingestion-worker", "query-router"}) {
    std::string service =
        "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = \"apex-" + id + "\"";
    auto latency = Get(kPolicy, "apex-" + id + "-latency-p95");
    EXPECT_EQ(Condition(latency).at("filter"),
              Str(service + " AND metric.type = \"run.googleapis.com/request_latencies\""));
    EXPECT_EQ(Condition(latency).at("thresholdValue"), PropertyValue(t.latency_ms)) << id;
    EXPECT_EQ(Condition(latency).at("comparison"), Str("COMPARISON_GT"));
    EXPECT_EQ(Condition(latency).at("duration"), Str(t.duration));
    EXPECT_EQ(Condition(latency).at("aggregations"),
              PropertyValue(PropertyArray{PropertyMap{{"alignmentPeriod", "60s"},
                                                      {"crossSeriesReducer", "REDUCE_MAX"},
                                                      {"groupByFields", PropertyArray{"resource.label.service_name"}},
                                                      {"perSeriesAligner", "ALIGN_PERCENTILE_95"}}}));
    EXPECT_EQ(latency.inputs.at("severity"), Str("WARNING"));

    auto errors = Get(kPolicy, "apex-" + id + "-5xx-ratio");
    EXPECT_EQ(Condition(errors).at("filter"),
              Str(service + " AND metric.type = \"run.googleapis.com/request_count\" AND "
                            "metric.labels.response_code_class = \"5xx\""));
    EXPECT_EQ(Condition(errors).at("denominatorFilter"),
              Str(service + " AND metric.type = \"run.googleapis.com/request_count\""));
    EXPECT_EQ(Condition(errors).at("thresholdValue"), PropertyValue(t.error_ratio)) << id;
    EXPECT_EQ(Condition(errors).at("aggregations"), Condition(errors).at("denominatorAggregations"));
    EXPECT_EQ(errors.inputs.at("severity"), Str("ERROR"));
  }
}

TEST_P(MonitoringTest, CloudSqlAndRedisPolicies) {
  Tier t = TierOf(GetParam());
  std::string sql = "resource.type = \"cloudsql_database\" AND resource.labels.database_id = \"" + project() +
                    ":apex-db-postgres\" AND metric.type = \"cloudsql.googleapis.com/database/";
  struct Case {
    std::string name, filter, severity;
    double threshold;
  };
  for (auto const& c : std::vector<Case>{{"apex-cloudsql-cpu", sql + "cpu/utilization\"", "WARNING", t.sql_cpu},
                                         {"apex-cloudsql-disk", sql + "disk/utilization\"", "CRITICAL", t.sql_disk},
                                         {"apex-redis-memory",
                                          "resource.type = \"redis_instance\" AND resource.labels.instance_id = \"" +
                                              DatabaseOutputs(GetParam()).at(outputs::kRedisInstanceId).AsString() +
                                              "\" AND metric.type = \"redis.googleapis.com/stats/memory/usage_ratio\"",
                                          "WARNING", t.redis_memory}}) {
    auto policy = Get(kPolicy, c.name);
    EXPECT_EQ(Condition(policy).at("filter"), Str(c.filter)) << c.name;
    EXPECT_EQ(Condition(policy).at("thresholdValue"), PropertyValue(c.threshold)) << c.name;
    EXPECT_EQ(Condition(policy).at("duration"), Str(t.duration)) << c.name;
    EXPECT_EQ(
        Condition(policy).at("aggregations"),
        PropertyValue(PropertyArray{PropertyMap{{"alignmentPeriod", "60s"}, {"perSeriesAligner", "ALIGN_MEAN"}}}));
    EXPECT_EQ(policy.inputs.at("severity"), Str(c.severity)) << c.name;
    EXPECT_EQ(Obj(policy.inputs.at("documentation")).at("mimeType"), Str("text/markdown"));
  }
}

// Issue #11, point 8: each data VM is watched for being down, and for memory and disk (Ops Agent) above the
// stack's thresholds.
TEST_P(MonitoringTest, EachDataVmIsWatchedForUptimeMemoryAndDisk) {
  Tier t = TierOf(GetParam());
  for (auto const& vm : VmsOf(GetParam())) {
    std::string instance =
        "resource.type = \"gce_instance\" AND resource.labels.instance_id = \"" + vm.instance_id + "\"";
    auto uptime = Get(kPolicy, "apex-" + vm.id + "-uptime");
    EXPECT_EQ(Obj(uptime.inputs.at("conditions").AsArray().at(0)),
              (PropertyMap{
                  {"conditionAbsent",
                   PropertyMap{{"aggregations", PropertyArray{PropertyMap{{"alignmentPeriod", "60s"},
                                                                          {"perSeriesAligner", "ALIGN_RATE"}}}},
                               {"duration", t.duration},
                               {"filter", instance + " AND metric.type = \"compute.googleapis.com/instance/uptime\""},
                               {"trigger", PropertyMap{{"count", 1}}}}},
                  {"displayName", vm.id + " VM not running"}}));
    EXPECT_EQ(uptime.inputs.at("severity"), Str("CRITICAL"));

    struct Case {
      std::string policy, metric, severity;
      double threshold;
    };
    for (auto const& c : std::vector<Case>{{"memory", "memory/percent_used", "WARNING", t.vm_memory},
                                           {"disk", "disk/percent_used", "CRITICAL", t.vm_disk}}) {
      auto policy = Get(kPolicy, "apex-" + vm.id + "-" + c.policy);
      EXPECT_EQ(Condition(policy).at("filter"), Str(instance + " AND metric.type = \"agent.googleapis.com/" + c.metric +
                                                    "\" AND metric.labels.state = \"used\""))
          << vm.id << " " << c.policy;
      EXPECT_EQ(Condition(policy).at("thresholdValue"), PropertyValue(c.threshold)) << vm.id << " " << c.policy;
      EXPECT_EQ(Condition(policy).at("comparison"), Str("COMPARISON_GT"));
      EXPECT_EQ(Condition(policy).at("duration"), Str(t.duration));
      EXPECT_EQ(
          Condition(policy).at("aggregations"),
          PropertyValue(PropertyArray{PropertyMap{{"alignmentPeriod", "60s"}, {"perSeriesAligner", "ALIGN_MEAN"}}}));
      EXPECT_EQ(policy.inputs.at("severity"), Str(c.severity));
    }
  }
}

// Issue #11, point 8: the Temporal worker pool alerts when it has no instance, counted or reported.
TEST_P(MonitoringTest, TheTemporalWorkerPoolIsWatchedForInstances) {
  auto pool = services_.deployment->stack_outputs().at(outputs::kTemporalWorkerName).AsString();
  EXPECT_EQ(pool, "apex-temporal-worker");
  std::string filter = "resource.type = \"cloud_run_worker_pool\" AND resource.labels.worker_pool_name = \"" + pool +
                       "\" AND metric.type = \"run.googleapis.com/container/instance_count\"";
  auto policy = Get(kPolicy, "apex-temporal-worker-instances");
  ASSERT_EQ(policy.inputs.at("conditions").AsArray().size(), 2u);
  EXPECT_EQ(Condition(policy),
            (PropertyMap{{"aggregations",
                          PropertyArray{PropertyMap{{"alignmentPeriod", "60s"},
                                                    {"crossSeriesReducer", "REDUCE_SUM"},
                                                    {"groupByFields", PropertyArray{"resource.label.worker_pool_name"}},
                                                    {"perSeriesAligner", "ALIGN_MAX"}}}},
                         {"comparison", "COMPARISON_LT"},
                         {"duration", TierOf(GetParam()).duration},
                         {"filter", filter},
                         {"thresholdValue", 1},
                         {"trigger", PropertyMap{{"count", 1}}}}));
  EXPECT_EQ(Condition(policy, 1, "conditionAbsent"),
            (PropertyMap{{"aggregations",
                          PropertyArray{PropertyMap{{"alignmentPeriod", "60s"}, {"perSeriesAligner", "ALIGN_MAX"}}}},
                         {"duration", TierOf(GetParam()).duration},
                         {"filter", filter},
                         {"trigger", PropertyMap{{"count", 1}}}}));
  EXPECT_EQ(policy.inputs.at("severity"), Str("CRITICAL"));
}

TEST_P(MonitoringTest, TheDashboardChartsWhatThePoliciesWatch) {
  auto dashboard = Get("gcp:monitoring/dashboard:Dashboard", "apex-dashboard");
  auto json = nlohmann::json::parse(dashboard.inputs.at("dashboardJson").AsString());
  EXPECT_EQ(json["displayName"], "Apex Memory System (" + GetParam() + ")");
  EXPECT_EQ(json["labels"]["environment"], GetParam());
  auto tiles = json["mosaicLayout"]["tiles"];
  ASSERT_EQ(tiles.size(), 15u);
  std::vector<std::string> titles;
  for (auto const& t : tiles) titles.push_back(t["widget"]["title"]);
  auto vms = VmsOf(GetParam());
  EXPECT_THAT(titles, ::testing::ElementsAre(
                          "apex-api-gateway: request latency p95 (ms)", "apex-api-gateway: 5xx ratio",
                          "apex-ingestion-worker: request latency p95 (ms)", "apex-ingestion-worker: 5xx ratio",
                          "apex-query-router: request latency p95 (ms)", "apex-query-router: 5xx ratio",
                          "Requests per second by service", "Cloud SQL CPU utilization", "Cloud SQL disk utilization",
                          "Redis memory usage ratio", vms[0].name + ": memory used (%)",
                          vms[0].name + ": disk used (%)", vms[1].name + ": memory used (%)",
                          vms[1].name + ": disk used (%)", "apex-temporal-worker: instances"));
  // The VM and worker pool charts query what their policies watch, with the thresholds.
  for (auto const& [tile, policy] : std::vector<std::pair<int, std::string>>{{10, "apex-neo4j-memory"},
                                                                             {11, "apex-neo4j-disk"},
                                                                             {12, "apex-qdrant-memory"},
                                                                             {13, "apex-qdrant-disk"},
                                                                             {14, "apex-temporal-worker-instances"}}) {
    auto chart = tiles[tile]["widget"]["xyChart"];
    EXPECT_EQ(chart["dataSets"][0]["timeSeriesQuery"]["timeSeriesFilter"]["filter"],
              Condition(Get(kPolicy, policy)).at("filter").AsString())
        << policy;
    EXPECT_EQ(chart["thresholds"][0]["value"], Condition(Get(kPolicy, policy)).at("thresholdValue").AsNumber())
        << policy;
  }
  auto sql_cpu = tiles[7]["widget"]["xyChart"];
  EXPECT_EQ(sql_cpu["dataSets"][0]["timeSeriesQuery"]["timeSeriesFilter"]["filter"],
            Condition(Get(kPolicy, "apex-cloudsql-cpu")).at("filter").AsString());
  EXPECT_EQ(sql_cpu["thresholds"][0]["value"], TierOf(GetParam()).sql_cpu);
  EXPECT_EQ(run_.deployment->stack_outputs().at(outputs::kDashboardId), dashboard.outputs.at("id"));
}

TEST_P(MonitoringTest, LabelledResourcesCarryTheStandardLabels) {
  int labelled = 0;
  for (auto const& r : run_.deployment->resources()) {
    auto labels = r.inputs.find("userLabels");
    if (r.type == "gcp:monitoring/dashboard:Dashboard" || r.type.rfind("gcp:monitoring/", 0) != 0) continue;
    ASSERT_NE(labels, r.inputs.end()) << r.name;
    ++labelled;
    for (auto const& [key, want] : std::map<std::string, std::string>{{"environment", GetParam()},
                                                                      {"project", "apex-monitoring"},
                                                                      {"managed-by", "pulumi"},
                                                                      {"cost-center", "apex-memory"}}) {
      EXPECT_EQ(Obj(labels->second).at(key), Str(want)) << r.name << " " << key;
    }
  }
  EXPECT_EQ(labelled, 19);  // the channel, the uptime check, 17 policies; the dashboard has labels in its JSON
}

TEST_P(MonitoringTest, ReadsTheDatabasesAndServicesStacks) {
  auto databases = run_.deployment->Find("pulumi:pulumi:StackReference", "databases");
  auto services = run_.deployment->Find("pulumi:pulumi:StackReference", "services");
  ASSERT_TRUE(databases && services);
  EXPECT_EQ(databases->inputs.at("name"), Str("organization/apex-databases/" + GetParam()));
  EXPECT_EQ(services->inputs.at("name"), Str("organization/apex-services/" + GetParam()));
}

INSTANTIATE_TEST_SUITE_P(Stacks, MonitoringTest, ::testing::Values("dev", "staging", "prod"));

// A modified copy of a real stack file fails before anything is registered, naming the key and the file.
TEST(MonitoringConfigTest, AnInvalidValueFailsNamingTheKeyAndTheStackFile) {
  struct Case {
    std::string line, replacement, message;
  };
  for (auto const& c :
       std::vector<Case>{{"apex:errorRatioThreshold: \"0.02\"", "apex:errorRatioThreshold: \"1.5\"",
                          "Invalid configuration 'apex:errorRatioThreshold': 1.5 is outside (0, 1]"},
                         {"apex:alertEmail: apex-oncall@apex-memory.example.com", "apex:alertEmail: oncall",
                          "'apex:alertEmail': 'oncall' is not an email address"},
                         {"apex:uptimeCheckPeriodSeconds: \"60\"", "apex:uptimeCheckPeriodSeconds: \"120\"",
                          "'apex:uptimeCheckPeriodSeconds': 120 is not one of 60, 300, 600, 900"},
                         {"apex:alertAutoCloseSeconds: \"86400\"", "apex:alertAutoCloseSeconds: \"600\"",
                          "'apex:alertAutoCloseSeconds': 600 is outside 1800..604800"},
                         {"apex:vmDiskThreshold: \"80\"", "apex:vmDiskThreshold: \"120\"",
                          "Invalid configuration 'apex:vmDiskThreshold': 120 is outside (0, 100]"}}) {
    auto run =
        apex::gcp_mocks::RunStackEdited("apex-monitoring", "prod", apex::gcp_mocks::ReplaceText(c.line, c.replacement));
    EXPECT_NE(run.exit_code, 0) << c.line;
    EXPECT_THAT(Logs(*run.deployment), HasSubstr(c.message));
    EXPECT_THAT(Logs(*run.deployment), HasSubstr("(in Pulumi.prod.yaml)"));
    EXPECT_TRUE(run.deployment->OfType(kPolicy).empty());
  }
}

}  // namespace
