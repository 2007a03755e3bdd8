// apex-services through the mocks, for every stack, with the real stack files: apex-network run first and
// passed in as a stack reference, the apex-databases outputs given by hand. Checks the Cloud Run services and
// the Temporal worker pool, their identities and IAM, and the security rules of policy-checks.md.
#include "apex/cloud_run_service.h"
#include "apex/stack_outputs.h"
#include "apex/testing/gcp_mocks.h"
#include "apex/testing/projects.h"
#include "support/database_outputs.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <ostream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace {

using ::apex::test_support::DatabaseOutputs;
using ::apex::test_support::ProjectOf;

using ::pulumi::PropertyArray;
using ::pulumi::PropertyMap;
using ::pulumi::PropertyValue;
using ::pulumi::mocks::RegisteredResource;
using ::testing::HasSubstr;

namespace outputs = apex::outputs;

constexpr char kService[] = "gcp:cloudrunv2/service:Service";
constexpr char kWorkerPool[] = "gcp:cloudrunv2/workerPool:WorkerPool";
constexpr char kInvoker[] = "gcp:cloudrunv2/serviceIamMember:ServiceIamMember";



std::string Logs(pulumi::mocks::MockDeployment const& d) { return apex::testing::LogText(d); }

PropertyMap const& Obj(PropertyValue const& v) { return v.AsObject(); }
PropertyMap const& Template(RegisteredResource const& r) { return Obj(r.inputs.at("template")); }
PropertyMap const& Container(RegisteredResource const& r) { return Obj(Template(r).at("containers").AsArray().at(0)); }

// The container's env entries by name.
std::map<std::string, PropertyMap> Env(RegisteredResource const& r) {
  std::map<std::string, PropertyMap> env;
  for (auto const& e : Container(r).at("envs").AsArray()) env[Obj(e).at("name").AsString()] = Obj(e);
  return env;
}

PropertyValue Str(std::string s) { return PropertyValue(std::move(s)); }

// Per tier, as in the Pulumi.<stack>.yaml files.
struct Tier {
  int gateway_min, gateway_max;
  std::string gateway_cpu, gateway_memory;
  int ingestion_min, ingestion_max;
  std::string ingestion_cpu, ingestion_memory, ingestion_timeout;
  int router_min, router_max;
  std::string router_cpu, router_memory;
  int temporal_instances;
  std::string temporal_cpu, temporal_memory;
  bool deletion_protection;
  std::string tag, log_level;
};

Tier TierOf(std::string const& stack) {
  if (stack == "dev") return {0, 5, "1", "512Mi", 0, 3, "2", "2Gi", "900s", 0, 5, "1", "1Gi", 1, "1", "1Gi", false, "1.3.0-rc.2", "debug"};
  if (stack == "staging") return {1, 10, "1", "1Gi", 1, 5, "2", "4Gi", "900s", 1, 10, "2", "2Gi", 2, "1", "2Gi", true, "1.3.0-rc.2", "info"};
  return {3, 50, "2", "2Gi", 2, 20, "4", "8Gi", "1800s", 2, 30, "2", "4Gi", 3, "2", "4Gi", true, "1.2.4", "info"};
}

class ServicesTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    network_ = apex::testing::RunStack("apex-network", GetParam());
    ASSERT_EQ(network_.exit_code, 0) << Logs(*network_.deployment);
    auto refs = apex::testing::ReferencesFor({&network_});
    refs["organization/apex-databases/" + GetParam()] = DatabaseOutputs(GetParam());
    run_ = apex::testing::RunStack("apex-services", GetParam(), refs);
    ASSERT_EQ(run_.exit_code, 0) << Logs(*run_.deployment);
  }

  RegisteredResource Get(std::string const& type, std::string const& name) const {
    auto r = run_.deployment->Find(type, name);
    EXPECT_TRUE(r) << type << " " << name;
    return r ? *r : RegisteredResource{};
  }

  std::string project() const { return ProjectOf(GetParam()); }
  std::string Member(std::string const& account) const {
    return "serviceAccount:" + account + "@" + project() + ".iam.gserviceaccount.com";
  }

  apex::testing::StackRun network_;
  apex::testing::StackRun run_;
};

TEST_P(ServicesTest, EachWorkloadIsAComponentWithItsServiceAndServiceAccount) {
  struct Case {
    std::string component_type, id, resource_type, resource_name, gcp_name;
  };
  for (auto const& c : std::vector<Case>{
           {"apex:services:CloudRunService", "api-gateway", kService, "api-gateway-service", "apex-api-gateway"},
           {"apex:services:CloudRunService", "ingestion-worker", kService, "ingestion-worker-service", "apex-ingestion-worker"},
           {"apex:services:CloudRunService", "query-router", kService, "query-router-service", "apex-query-router"},
           {"apex:services:CloudRunWorkerPool", "temporal-worker", kWorkerPool, "temporal-worker-worker-pool",
            "apex-temporal-worker"}}) {
    auto component = Get(c.component_type, c.id);
    auto workload = Get(c.resource_type, c.resource_name);
    auto account = Get("gcp:serviceaccount/account:Account", c.id + "-sa");
    EXPECT_EQ(workload.parent, component.urn) << c.id;
    EXPECT_EQ(account.parent, component.urn) << c.id;
    EXPECT_EQ(workload.inputs.at("name"), Str(c.gcp_name));
    EXPECT_EQ(workload.inputs.at("location"), Str("us-central1"));
    EXPECT_EQ(workload.inputs.at("project"), Str(project()));
    EXPECT_EQ(account.inputs.at("accountId"), Str(c.gcp_name));
    // A dedicated identity per workload, never the default compute service account.
    EXPECT_EQ(Template(workload).at("serviceAccount"), Str(c.gcp_name + "@" + project() + ".iam.gserviceaccount.com"));
    EXPECT_EQ(Container(workload).at("image"),
              Str("us-central1-docker.pkg.dev/" + project() + "/apex/" + c.id + ":" + TierOf(GetParam()).tag));
    EXPECT_EQ(workload.inputs.at("deletionProtection"), PropertyValue(TierOf(GetParam()).deletion_protection));
  }
  EXPECT_EQ(run_.deployment->OfType(kService).size(), 3u);
  EXPECT_EQ(run_.deployment->OfType(kWorkerPool).size(), 1u);
}

TEST_P(ServicesTest, SizesAndScalingFollowTheTier) {
  Tier t = TierOf(GetParam());
  struct Case {
    std::string name;
    int min, max;
    std::string cpu, memory, timeout;
    int concurrency;
  };
  for (auto const& c : std::vector<Case>{
           {"api-gateway-service", t.gateway_min, t.gateway_max, t.gateway_cpu, t.gateway_memory, "300s", 80},
           {"ingestion-worker-service", t.ingestion_min, t.ingestion_max, t.ingestion_cpu, t.ingestion_memory,
            t.ingestion_timeout, 4},
           {"query-router-service", t.router_min, t.router_max, t.router_cpu, t.router_memory, "300s", 40}}) {
    auto svc = Get(kService, c.name);
    EXPECT_EQ(Template(svc).at("scaling"),
              PropertyValue(PropertyMap{{"maxInstanceCount", c.max}, {"minInstanceCount", c.min}}))
        << c.name;
    EXPECT_EQ(Obj(Container(svc).at("resources")).at("limits"),
              PropertyValue(PropertyMap{{"cpu", c.cpu}, {"memory", c.memory}}))
        << c.name;
    EXPECT_EQ(Template(svc).at("timeout"), Str(c.timeout)) << c.name;
    EXPECT_EQ(Template(svc).at("maxInstanceRequestConcurrency"), PropertyValue(c.concurrency)) << c.name;
    EXPECT_EQ(Template(svc).at("executionEnvironment"), Str("EXECUTION_ENVIRONMENT_GEN2"));
  }
  auto pool = Get(kWorkerPool, "temporal-worker-worker-pool");
  EXPECT_EQ(pool.inputs.at("scaling"),
            PropertyValue(PropertyMap{{"manualInstanceCount", t.temporal_instances}, {"scalingMode", "MANUAL"}}));
  EXPECT_EQ(Obj(Container(pool).at("resources")).at("limits"),
            PropertyValue(PropertyMap{{"cpu", t.temporal_cpu}, {"memory", t.temporal_memory}}));
}

TEST_P(ServicesTest, ServicesHaveStartupAndLivenessProbesOnTheHealthPath) {
  for (auto const& name : {"api-gateway-service", "ingestion-worker-service", "query-router-service"}) {
    auto container = Container(Get(kService, name));
    EXPECT_EQ(container.at("startupProbe"),
              PropertyValue(PropertyMap{{"failureThreshold", 24},
                                        {"httpGet", PropertyMap{{"path", "/healthz"}}},
                                        {"periodSeconds", 5},
                                        {"timeoutSeconds", 3}}))
        << name;
    EXPECT_EQ(container.at("livenessProbe"),
              PropertyValue(PropertyMap{{"failureThreshold", 3},
                                        {"httpGet", PropertyMap{{"path", "/healthz"}}},
                                        {"periodSeconds", 30},
                                        {"timeoutSeconds", 5}}))
        << name;
    EXPECT_EQ(container.at("ports"), PropertyValue(PropertyMap{{"containerPort", 8080}, {"name", "http1"}}));
  }
  // A worker pool takes no HTTP traffic: no port.
  EXPECT_EQ(Container(Get(kWorkerPool, "temporal-worker-worker-pool")).count("ports"), 0u);
}

TEST_P(ServicesTest, OnlyTheGatewayIsPublic) {
  EXPECT_EQ(Get(kService, "api-gateway-service").inputs.at("ingress"), Str("INGRESS_TRAFFIC_ALL"));
  EXPECT_EQ(Get(kService, "ingestion-worker-service").inputs.at("ingress"), Str("INGRESS_TRAFFIC_INTERNAL_ONLY"));
  EXPECT_EQ(Get(kService, "query-router-service").inputs.at("ingress"), Str("INGRESS_TRAFFIC_INTERNAL_ONLY"));

  auto invokers = run_.deployment->OfType(kInvoker);
  ASSERT_EQ(invokers.size(), 6u);  // public gateway, gateway -> 2 internal services, 3 callers -> Qdrant
  for (auto const& iam : invokers) {
    EXPECT_EQ(iam.inputs.at("role"), Str("roles/run.invoker")) << iam.name;
    auto member = iam.inputs.at("member");
    bool is_public = member == Str("allUsers") || member == Str("allAuthenticatedUsers");
    EXPECT_EQ(is_public, iam.name == "api-gateway-invoker-public") << iam.name << " " << member.ToString();
  }
  auto pub = Get(kInvoker, "api-gateway-invoker-public");
  EXPECT_EQ(pub.inputs.at("member"), Str("allUsers"));
  EXPECT_EQ(pub.inputs.at("name"), Str("apex-api-gateway"));
  EXPECT_EQ(pub.parent, Get("apex:services:CloudRunService", "api-gateway").urn);
  // The internal services: the gateway's identity only.
  for (std::string id : {"ingestion-worker", "query-router"}) {
    auto iam = Get(kInvoker, id + "-invoker-api-gateway");
    EXPECT_EQ(iam.inputs.at("member"), Str(Member("apex-api-gateway"))) << id;
    EXPECT_EQ(iam.inputs.at("name"), Str("apex-" + id)) << id;
    EXPECT_EQ(iam.inputs.at("location"), Str("us-central1"));
    EXPECT_EQ(iam.parent, Get("apex:services:CloudRunService", id).urn);
  }
}

TEST_P(ServicesTest, SecretsOnlyThroughSecretManagerReferences) {
  std::map<std::string, std::map<std::string, std::string>> expected = {
      {"ingestion-worker-service",
       {{"POSTGRES_PASSWORD", "apex-db-password"},
        {"NEO4J_PASSWORD", "apex-neo4j-password"},
        {"REDIS_AUTH", "apex-db-redis-auth"}}},
      {"query-router-service",
       {{"POSTGRES_PASSWORD", "apex-db-password"},
        {"NEO4J_PASSWORD", "apex-neo4j-password"},
        {"REDIS_AUTH", "apex-db-redis-auth"}}},
      {"temporal-worker-worker-pool",
       {{"POSTGRES_PASSWORD", "apex-db-password"},
        {"NEO4J_PASSWORD", "apex-neo4j-password"},
        {"REDIS_AUTH", "apex-db-redis-auth"},
        {"TEMPORAL_API_KEY", "apex-temporal-api-key"}}},
      {"api-gateway-service", {{"REDIS_AUTH", "apex-db-redis-auth"}}}};
  for (auto const& [name, secrets] : expected) {
    auto workload = name == "temporal-worker-worker-pool" ? Get(kWorkerPool, name) : Get(kService, name);
    auto env = Env(workload);
    for (auto const& [var, entry] : env) {
      bool from_secret = entry.count("valueSource") > 0;
      EXPECT_NE(entry.count("value") > 0, from_secret) << name << " " << var << ": a value or a reference, not both";
      EXPECT_EQ(from_secret, secrets.count(var) > 0) << name << " " << var;
      for (char const* word : {"PASSWORD", "API_KEY", "TOKEN"}) {
        if (var.find(word) != std::string::npos) {
          EXPECT_TRUE(from_secret) << name << " " << var << " is plaintext";
        }
      }
    }
    for (auto const& [var, secret] : secrets) {
      ASSERT_TRUE(env.count(var)) << name << " " << var;
      EXPECT_EQ(env[var].at("valueSource"),
                PropertyValue(PropertyMap{{"secretKeyRef", PropertyMap{{"secret", secret}, {"version", "latest"}}}}))
          << name << " " << var;
    }
  }
}

TEST_P(ServicesTest, ServiceAccountsHoldOnlyWhatTheyUse) {
  auto const& d = *run_.deployment;
  // Cloud SQL client for the three workloads that mount Cloud SQL; nothing else at project level.
  auto project_grants = d.OfType("gcp:projects/iAMMember:IAMMember");
  ASSERT_EQ(project_grants.size(), 3u);
  for (std::string id : {"ingestion-worker", "query-router", "temporal-worker"}) {
    auto grant = Get("gcp:projects/iAMMember:IAMMember", id + "-cloudsql-client");
    EXPECT_EQ(grant.inputs.at("role"), Str("roles/cloudsql.client"));
    EXPECT_EQ(grant.inputs.at("member"), Str(Member("apex-" + id)));
    EXPECT_EQ(grant.inputs.at("project"), Str(project()));
  }
  // Secret access on each secret read, by the workload that reads it.
  auto secret_grants = d.OfType("gcp:secretmanager/secretIamMember:SecretIamMember");
  EXPECT_EQ(secret_grants.size(), 11u);  // the three data-tier workloads read 3 secrets (+1 key), the gateway 1
  for (auto const& g : secret_grants) {
    EXPECT_EQ(g.inputs.at("role"), Str("roles/secretmanager.secretAccessor")) << g.name;
  }
  auto router_db = Get("gcp:secretmanager/secretIamMember:SecretIamMember", "query-router-postgres-password-access");
  EXPECT_EQ(router_db.inputs.at("secretId"), Str("apex-db-password"));
  EXPECT_EQ(router_db.inputs.at("member"), Str(Member("apex-query-router")));
  auto gateway_redis = Get("gcp:secretmanager/secretIamMember:SecretIamMember", "api-gateway-redis-auth-access");
  EXPECT_EQ(gateway_redis.inputs.at("secretId"), Str("apex-db-redis-auth"));
  EXPECT_EQ(gateway_redis.inputs.at("member"), Str(Member("apex-api-gateway")));
  auto temporal_key = Get("gcp:secretmanager/secretIamMember:SecretIamMember", "temporal-worker-temporal-api-key-access");
  EXPECT_EQ(temporal_key.inputs.at("secretId"), Str("apex-temporal-api-key"));
  EXPECT_EQ(temporal_key.inputs.at("member"), Str(Member("apex-temporal-worker")));
  // No basic roles anywhere.
  for (auto const& r : d.resources()) {
    auto role = r.inputs.find("role");
    if (role == r.inputs.end()) continue;
    for (char const* basic : {"roles/owner", "roles/editor", "roles/viewer"}) EXPECT_NE(role->second, Str(basic)) << r.name;
  }
  // A workload is created after the grants it needs to start.
  auto router = Get(kService, "query-router-service");
  EXPECT_THAT(router.dependencies, ::testing::Contains(router_db.urn));
  EXPECT_THAT(router.dependencies, ::testing::Contains(Get("gcp:projects/iAMMember:IAMMember", "query-router-cloudsql-client").urn));
}

TEST_P(ServicesTest, DataTierWorkloadsUseDirectVpcEgressAndCloudSql) {
  auto net = network_.deployment->stack_outputs();
  PropertyValue interfaces(PropertyArray{PropertyMap{{"network", net.at(outputs::kNetworkId)},
                                                     {"subnetwork", net.at(outputs::kSubnetId)}}});
  std::string connection = project() + ":us-central1:apex-db-postgres";
  for (auto const& [type, name] : std::vector<std::pair<std::string, std::string>>{
           {kService, "ingestion-worker-service"}, {kService, "query-router-service"},
           {kWorkerPool, "temporal-worker-worker-pool"}}) {
    auto workload = Get(type, name);
    // ALL_TRAFFIC: Qdrant's INTERNAL_ONLY ingress admits only requests that leave through the VPC.
    EXPECT_EQ(Template(workload).at("vpcAccess"),
              PropertyValue(PropertyMap{{"egress", "ALL_TRAFFIC"}, {"networkInterfaces", interfaces}}))
        << name;
    EXPECT_EQ(Template(workload).at("volumes"),
              PropertyValue(PropertyArray{PropertyMap{
                  {"cloudSqlInstance", PropertyMap{{"instances", PropertyArray{connection}}}}, {"name", "cloudsql"}}}))
        << name;
    EXPECT_EQ(Container(workload).at("volumeMounts"),
              PropertyValue(PropertyArray{PropertyMap{{"mountPath", "/cloudsql"}, {"name", "cloudsql"}}}))
        << name;
  }
  // The gateway reaches the INTERNAL_ONLY services, hence all its traffic through the VPC; it mounts no Cloud SQL.
  auto gateway = Get(kService, "api-gateway-service");
  EXPECT_EQ(Template(gateway).at("vpcAccess"),
            PropertyValue(PropertyMap{{"egress", "ALL_TRAFFIC"}, {"networkInterfaces", interfaces}}));
  EXPECT_EQ(Template(gateway).count("volumes"), 0u);
}

TEST_P(ServicesTest, QdrantCallersMayInvokeItAndNoOneElse) {
  std::set<std::string> members;
  for (auto const& iam : run_.deployment->OfType("gcp:cloudrunv2/serviceIamMember:ServiceIamMember")) {
    if (iam.inputs.at("name") != Str("apex-db-qdrant")) continue;
    EXPECT_EQ(iam.inputs.at("role"), Str("roles/run.invoker")) << iam.name;
    EXPECT_EQ(iam.inputs.at("location"), Str("us-central1")) << iam.name;
    EXPECT_EQ(iam.inputs.at("project"), Str(project())) << iam.name;
    members.insert(iam.inputs.at("member").AsString());
  }
  EXPECT_EQ(members, (std::set<std::string>{
                         "serviceAccount:apex-ingestion-worker@" + project() + ".iam.gserviceaccount.com",
                         "serviceAccount:apex-query-router@" + project() + ".iam.gserviceaccount.com",
                         "serviceAccount:apex-temporal-worker@" + project() + ".iam.gserviceaccount.com"}));
}

TEST_P(ServicesTest, EnvCarriesTheDatabasesStackOutputs) {
  auto db = DatabaseOutputs(GetParam());
  auto value = [](std::map<std::string, PropertyMap> const& env, std::string const& var) {
    return env.count(var) ? env.at(var).at("value") : PropertyValue("<missing " + var + ">");
  };
  for (auto const& [type, name] : std::vector<std::pair<std::string, std::string>>{
           {kService, "ingestion-worker-service"}, {kService, "query-router-service"},
           {kWorkerPool, "temporal-worker-worker-pool"}}) {
    auto env = Env(Get(type, name));
    EXPECT_EQ(value(env, "POSTGRES_INSTANCE_CONNECTION_NAME"), db.at(outputs::kPostgresConnectionName)) << name;
    EXPECT_EQ(value(env, "POSTGRES_HOST"), db.at(outputs::kPostgresPrivateIp)) << name;
    EXPECT_EQ(value(env, "POSTGRES_DB"), db.at(outputs::kDatabaseName)) << name;
    EXPECT_EQ(value(env, "POSTGRES_USER"), db.at(outputs::kDatabaseUser)) << name;
    EXPECT_EQ(value(env, "REDIS_HOST"), db.at(outputs::kRedisHost)) << name;
    EXPECT_EQ(value(env, "REDIS_PORT"), Str("6379")) << name;
    EXPECT_EQ(value(env, "NEO4J_URI"), Str("bolt://10.10.0.5:7687")) << name;
    EXPECT_EQ(value(env, "QDRANT_URL"), db.at(outputs::kQdrantUri)) << name;
    EXPECT_EQ(value(env, "APEX_ENVIRONMENT"), Str(GetParam())) << name;
    EXPECT_EQ(value(env, "LOG_LEVEL"), Str(TierOf(GetParam()).log_level)) << name;
  }
  auto temporal = Env(Get(kWorkerPool, "temporal-worker-worker-pool"));
  EXPECT_EQ(value(temporal, "TEMPORAL_ADDRESS"), Str("apex-" + GetParam() + ".a1b2c.tmprl.cloud:7233"));
  EXPECT_EQ(value(temporal, "TEMPORAL_TASK_QUEUE"), Str("apex-ingestion"));

  // The gateway: Redis, and the internal services' URIs (outputs of their components).
  auto gateway = Env(Get(kService, "api-gateway-service"));
  EXPECT_EQ(value(gateway, "REDIS_HOST"), db.at(outputs::kRedisHost));
  EXPECT_EQ(value(gateway, "QUERY_ROUTER_URL"), Get(kService, "query-router-service").outputs.at("uri"));
  EXPECT_EQ(value(gateway, "INGESTION_WORKER_URL"), Get(kService, "ingestion-worker-service").outputs.at("uri"));
  EXPECT_EQ(gateway.count("POSTGRES_HOST"), 0u);
}

TEST_P(ServicesTest, EveryLabelableResourceCarriesTheStandardLabels) {
  int labelled = 0;
  for (auto const& r : run_.deployment->resources()) {
    if (r.type != kService && r.type != kWorkerPool) continue;
    ++labelled;
    auto labels = r.inputs.at("labels");
    for (auto const& [key, want] : std::map<std::string, std::string>{{"environment", GetParam()},
                                                                      {"project", "apex-services"},
                                                                      {"managed-by", "pulumi"},
                                                                      {"cost-center", "apex-memory"}}) {
      EXPECT_EQ(Obj(labels).at(key), Str(want)) << r.name << " " << key;
    }
  }
  EXPECT_EQ(labelled, 4);
  EXPECT_EQ(Obj(Get(kService, "query-router-service").inputs.at("labels")).at("component"), Str("query-router"));
}

TEST_P(ServicesTest, ReadsItsStacksAndExportsWhatMonitoringReads) {
  auto const& d = *run_.deployment;
  auto network = d.Find("pulumi:pulumi:StackReference", "network");
  auto databases = d.Find("pulumi:pulumi:StackReference", "databases");
  ASSERT_TRUE(network && databases);
  EXPECT_EQ(network->inputs.at("name"), Str("organization/apex-network/" + GetParam()));
  EXPECT_EQ(databases->inputs.at("name"), Str("organization/apex-databases/" + GetParam()));
  auto out = d.stack_outputs();
  EXPECT_EQ(out.at(outputs::kApiGatewayUri), Get(kService, "api-gateway-service").outputs.at("uri"));
  EXPECT_EQ(out.at(outputs::kApiGatewayName), Str("apex-api-gateway"));
  EXPECT_EQ(out.at(outputs::kIngestionWorkerName), Str("apex-ingestion-worker"));
  EXPECT_EQ(out.at(outputs::kQueryRouterName), Str("apex-query-router"));
  EXPECT_EQ(out.at(outputs::kTemporalWorkerName), Str("apex-temporal-worker"));
}

INSTANTIATE_TEST_SUITE_P(Stacks, ServicesTest, ::testing::Values("dev", "staging", "prod"));

// A modified copy of a real stack file: the run fails before registering anything, naming the key and the file.
struct BadValue {
  std::string line;         // as in Pulumi.dev.yaml
  std::string replacement;  // the modified line
  std::string message;      // what the error must say
};

class ServicesConfigTest : public ::testing::TestWithParam<BadValue> {};

TEST_P(ServicesConfigTest, AnInvalidValueFailsNamingTheKeyAndTheStackFile) {
  auto network = apex::testing::RunStack("apex-network", "dev");
  auto refs = apex::testing::ReferencesFor({&network});
  refs["organization/apex-databases/dev"] = DatabaseOutputs("dev");
  auto run = apex::testing::RunStackEdited("apex-services", "dev",
                                           apex::testing::ReplaceText(GetParam().line, GetParam().replacement), refs);
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(Logs(*run.deployment), HasSubstr(GetParam().message));
  EXPECT_THAT(Logs(*run.deployment), HasSubstr("(in Pulumi.dev.yaml)"));
  EXPECT_TRUE(run.deployment->OfType(kService).empty());
}

INSTANTIATE_TEST_SUITE_P(
    BadValues, ServicesConfigTest,
    ::testing::Values(
        BadValue{"apex:apiGatewayMinInstances: \"0\"", "apex:apiGatewayMinInstances: \"-1\"",
                 "Invalid configuration 'apex:apiGatewayMinInstances': -1 is outside 0..1000"},
        BadValue{"apex:queryRouterMinInstances: \"0\"", "apex:queryRouterMinInstances: \"9\"",
                 "'apex:queryRouterMinInstances': 9 is above queryRouterMaxInstances (5)"},
        BadValue{"apex:ingestionWorkerMemory: 2Gi", "apex:ingestionWorkerMemory: 12Gi",
                 "'apex:ingestionWorkerMemory': 12Gi needs more than 2 CPU (at most 8Gi)"},
        BadValue{"apex:apiGatewayCpu: \"1\"", "apex:apiGatewayCpu: \"3\"", "'apex:apiGatewayCpu': '3' is not one of 1, 2, 4, 6, 8"},
        BadValue{"apex:temporalAddress: apex-dev.a1b2c.tmprl.cloud:7233", "apex:temporalAddress: temporal",
                 "'apex:temporalAddress': 'temporal' is not host:port"}));

// The component's own rules, whatever the program asks: each case registers one service and must fail.
struct BrokenRule {
  std::string rule;
  std::function<void(apex::CloudRunServiceArgs&)> breakit;
  std::string message;
};

class CloudRunServiceRulesTest : public ::testing::TestWithParam<BrokenRule> {};

TEST_P(CloudRunServiceRulesTest, RefusesWhatPolicyForbids) {
  pulumi::mocks::MockDeployment deployment(std::make_shared<apex::testing::GcpMocks>("apex-dev-123456", "us-central1"),
                                           {.project = "apex-services", .stack = "dev"});
  int exit_code = deployment.Run([&](pulumi::Context& ctx) {
    apex::CloudRunServiceArgs args{
        .common = {.gcp_project = "apex-dev-123456",
                   .region = "us-central1",
                   .environment = "dev",
                   .cost_center = "apex-memory",
                   .stack_organization = "organization"},
        .workload = {.name = "apex-query-router", .image = std::string("registry/query-router:1")}};
    GetParam().breakit(args);
    apex::CloudRunService service(ctx, "query-router", args);
  });
  EXPECT_NE(exit_code, 0) << GetParam().rule;
  EXPECT_THAT(Logs(deployment), HasSubstr(GetParam().message)) << GetParam().rule;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, CloudRunServiceRulesTest,
    ::testing::Values(
        BrokenRule{"a listed invoker is never public",
                   [](auto& a) { a.invokers = {{.id = "anyone", .member = std::string("allUsers")}}; },
                   "allUsers may not invoke it"},
        BrokenRule{"public access only with INGRESS_TRAFFIC_ALL", [](auto& a) { a.public_access = true; },
                   "public access needs ingress INGRESS_TRAFFIC_ALL"},
        BrokenRule{"no plaintext secrets",
                   [](auto& a) { a.workload.env = {{.name = "POSTGRES_PASSWORD", .value = std::string("hunter2")}}; },
                   "env var POSTGRES_PASSWORD holds a secret: read it from Secret Manager"},
        BrokenRule{"no basic roles", [](auto& a) { a.workload.project_roles = {"roles/editor"}; },
                   "roles/editor is a basic, admin or impersonation role"},
        BrokenRule{"CPU and memory fit", [](auto& a) { a.sizing.memory = "16Gi"; },
                   "16Gi needs more than 1 CPU (at most 4Gi)"},
        BrokenRule{"service account id shape", [](auto& a) { a.workload.name = "Apex_Router"; },
                   "the name is also the service account id"}),
    [](::testing::TestParamInfo<BrokenRule> const& info) { return "Case" + std::to_string(info.index); });

}  // namespace
