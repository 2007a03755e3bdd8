// apex-services through the mocks, for every stack, with the real stack files: apex-network run first and
// passed in as a stack reference, the apex-databases outputs given by hand. Checks the Cloud Run services, the
// Temporal worker pool and the migration job, their identities, database users and IAM, the connections that
// verify (TLS with the mounted CA certificates), the public edge per stack, the feature flags, the APIs, and
// the security rules of policy-checks.md.
#include "apex/cloud_run_service.h"
#include "apex/gcp_mocks/gcp_mocks.h"
#include "apex/gcp_mocks/projects.h"
#include "apex/stack_outputs.h"
#include "support/database_outputs.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

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

constexpr char kService[] = "gcp:cloudrunv2/service:Service";
constexpr char kWorkerPool[] = "gcp:cloudrunv2/workerPool:WorkerPool";
constexpr char kInvoker[] = "gcp:cloudrunv2/serviceIamMember:ServiceIamMember";
constexpr char kJob[] = "gcp:cloudrunv2/job:Job";
constexpr char kSqlUser[] = "gcp:sql/user:User";
constexpr char kProjectGrant[] = "gcp:projects/iAMMember:IAMMember";
constexpr char kSecretGrant[] = "gcp:secretmanager/secretIamMember:SecretIamMember";
constexpr char kPostgresCaFile[] = "/secrets/postgres-ca/server-ca.pem";
constexpr char kRedisCaFile[] = "/secrets/redis-ca/server-ca.pem";

// The load balancer's resources, in prod only.
std::vector<std::pair<std::string, std::string>> const& EdgeResources() {
  static std::vector<std::pair<std::string, std::string>> const kEdge = {
      {"gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup", "public-edge-neg"},
      {"gcp:compute/securityPolicy:SecurityPolicy", "public-edge-armor"},
      {"gcp:compute/backendService:BackendService", "public-edge-backend"},
      {"gcp:compute/uRLMap:URLMap", "public-edge-url-map"},
      {"gcp:compute/managedSslCertificate:ManagedSslCertificate", "public-edge-certificate"},
      {"gcp:compute/sSLPolicy:SSLPolicy", "public-edge-tls"},
      {"gcp:compute/targetHttpsProxy:TargetHttpsProxy", "public-edge-https-proxy"},
      {"gcp:compute/globalAddress:GlobalAddress", "public-edge-ip"},
      {"gcp:compute/globalForwardingRule:GlobalForwardingRule", "public-edge-https"},
      {"gcp:compute/uRLMap:URLMap", "public-edge-http-redirect"},
      {"gcp:compute/targetHttpProxy:TargetHttpProxy", "public-edge-http-proxy"},
      {"gcp:compute/globalForwardingRule:GlobalForwardingRule", "public-edge-http"}};
  return kEdge;
}

std::string Logs(pulumi::mocks::MockDeployment const& d) { return apex::gcp_mocks::LogText(d); }

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
  if (stack == "dev")
    return {0, 5,   "1",   "512Mi", 0,   3,     "2",   "2Gi",        "900s", 0,
            5, "1", "1Gi", 1,       "1", "1Gi", false, "1.3.0-rc.2", "debug"};
  if (stack == "staging")
    return {1, 10, "1", "1Gi", 1, 5, "2", "4Gi", "900s", 1, 10, "2", "2Gi", 2, "1", "2Gi", true, "1.3.0-rc.2", "info"};
  return {3, 50, "2", "2Gi", 2, 20, "4", "8Gi", "1800s", 2, 30, "2", "4Gi", 3, "2", "4Gi", true, "1.2.4", "info"};
}

class ServicesTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    network_ = apex::gcp_mocks::RunStack("apex-network", GetParam());
    ASSERT_EQ(network_.exit_code, 0) << Logs(*network_.deployment);
    auto refs = apex::gcp_mocks::ReferencesFor({&network_});
    refs[DatabasesStack(GetParam())] = DatabaseOutputs(GetParam());
    run_ = apex::gcp_mocks::RunStack("apex-services", GetParam(), refs);
    ASSERT_EQ(run_.exit_code, 0) << Logs(*run_.deployment);
  }

  RegisteredResource Get(std::string const& type, std::string const& name) const {
    auto r = run_.deployment->Find(type, name);
    EXPECT_TRUE(r) << type << " " << name;
    return r ? *r : RegisteredResource{};
  }

  std::string project() const { return ProjectOf(GetParam()); }
  std::string Email(std::string const& account) const { return account + "@" + project() + ".iam.gserviceaccount.com"; }
  std::string Member(std::string const& account) const { return "serviceAccount:" + Email(account); }
  /// The Cloud SQL IAM user of a service account: its email without ".gserviceaccount.com".
  std::string DbUser(std::string const& account) const { return account + "@" + project() + ".iam"; }
  std::string Secret(std::string const& id) const { return "projects/" + project() + "/secrets/" + id; }
  bool prod() const { return GetParam() == "prod"; }
  RegisteredResource Workload(std::string const& id) const {
    return id == "temporal-worker" ? Get(kWorkerPool, "temporal-worker-worker-pool") : Get(kService, id + "-service");
  }

  apex::gcp_mocks::StackRun network_;
  apex::gcp_mocks::StackRun run_;
};

TEST_P(ServicesTest, EachWorkloadIsAComponentWithItsServiceAndServiceAccount) {
  struct Case {
    std::string component_type, id, resource_type, resource_name, gcp_name;
  };
  for (auto const& c : std::vector<Case>{
           {"apex:services:CloudRunService", "api-gateway", kService, "api-gateway-service", "apex-api-gateway"},
           {"apex:services:CloudRunService", "ingestion-worker", kService, "ingestion-worker-service",
            "apex-ingestion-worker"},
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
    EXPECT_EQ(container.at("startupProbe"), PropertyValue(PropertyMap{{"failureThreshold", 24},
                                                                      {"httpGet", PropertyMap{{"path", "/healthz"}}},
                                                                      {"periodSeconds", 5},
                                                                      {"timeoutSeconds", 3}}))
        << name;
    EXPECT_EQ(container.at("livenessProbe"), PropertyValue(PropertyMap{{"failureThreshold", 3},
                                                                       {"httpGet", PropertyMap{{"path", "/healthz"}}},
                                                                       {"periodSeconds", 30},
                                                                       {"timeoutSeconds", 5}}))
        << name;
    EXPECT_EQ(container.at("ports"), PropertyValue(PropertyMap{{"containerPort", 8080}, {"name", "http1"}}));
  }
  // A worker pool takes no HTTP traffic: no port.
  EXPECT_EQ(Container(Get(kWorkerPool, "temporal-worker-worker-pool")).count("ports"), 0u);
}

TEST_P(ServicesTest, TheGatewayIsPublicThroughItsEdgeAndTheOthersInternal) {
  // prod: the load balancer is the only way in, run.app is closed; dev and staging: the run.app URL.
  EXPECT_EQ(Get(kService, "api-gateway-service").inputs.at("ingress"),
            Str(prod() ? "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER" : "INGRESS_TRAFFIC_ALL"));
  EXPECT_EQ(Get(kService, "ingestion-worker-service").inputs.at("ingress"), Str("INGRESS_TRAFFIC_INTERNAL_ONLY"));
  EXPECT_EQ(Get(kService, "query-router-service").inputs.at("ingress"), Str("INGRESS_TRAFFIC_INTERNAL_ONLY"));

  // The public gateway (the load balancer sends no identity) and gateway -> the 2 internal services; Qdrant is
  // a VM now, with no run.invoker to grant.
  auto invokers = run_.deployment->OfType(kInvoker);
  ASSERT_EQ(invokers.size(), 3u);
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
  for (std::string id : {"ingestion-worker", "query-router"}) {
    auto iam = Get(kInvoker, id + "-invoker-api-gateway");
    EXPECT_EQ(iam.inputs.at("member"), Str(Member("apex-api-gateway"))) << id;
    EXPECT_EQ(iam.inputs.at("name"), Str("apex-" + id)) << id;
    EXPECT_EQ(iam.inputs.at("location"), Str("us-central1"));
    EXPECT_EQ(iam.parent, Get("apex:services:CloudRunService", id).urn);
  }
}

TEST_P(ServicesTest, SecretsOnlyThroughSecretManagerReferences) {
  std::map<std::string, std::string> data_tier = {{"REDIS_AUTH", "apex-db-redis-auth"},
                                                  {"NEO4J_PASSWORD", "apex-neo4j-password"},
                                                  {"QDRANT_API_KEY", Secret("apex-db-qdrant-api-key")}};
  auto temporal = data_tier;
  temporal["TEMPORAL_API_KEY"] = "apex-temporal-api-key";
  std::map<std::string, std::map<std::string, std::string>> expected = {
      {"ingestion-worker", data_tier},
      {"query-router", data_tier},
      {"temporal-worker", temporal},
      {"api-gateway", {{"REDIS_AUTH", "apex-db-redis-auth"}}}};
  for (auto const& [id, secrets] : expected) {
    auto env = Env(Workload(id));
    for (auto const& [var, entry] : env) {
      bool from_secret = entry.count("valueSource") > 0;
      EXPECT_NE(entry.count("value") > 0, from_secret) << id << " " << var << ": a value or a reference, not both";
      EXPECT_EQ(from_secret, secrets.count(var) > 0) << id << " " << var;
      for (char const* word : {"PASSWORD", "API_KEY", "TOKEN"}) {
        if (var.find(word) != std::string::npos) {
          EXPECT_TRUE(from_secret) << id << " " << var << " is plaintext";
        }
      }
    }
    for (auto const& [var, secret] : secrets) {
      ASSERT_TRUE(env.count(var)) << id << " " << var;
      EXPECT_EQ(env[var].at("valueSource"),
                PropertyValue(PropertyMap{{"secretKeyRef", PropertyMap{{"secret", secret}, {"version", "latest"}}}}))
          << id << " " << var;
    }
  }
}

// Secret volumes: one file per directory, the CA certificates of Cloud SQL and Memorystore.
PropertyValue SecretVolume(std::string const& name, std::string const& secret) {
  return PropertyMap{
      {"name", name},
      {"secret", PropertyMap{{"items", PropertyArray{PropertyMap{{"path", "server-ca.pem"}, {"version", "latest"}}}},
                             {"secret", secret}}}};
}
PropertyValue Mount(std::string const& name) { return PropertyMap{{"mountPath", "/secrets/" + name}, {"name", name}}; }

TEST_P(ServicesTest, CaCertificatesAreMountedAsFilesAndNoCloudSqlSocket) {
  for (std::string id : {"ingestion-worker", "query-router", "temporal-worker"}) {
    auto w = Workload(id);
    EXPECT_EQ(Template(w).at("volumes"),
              PropertyValue(PropertyArray{SecretVolume("postgres-ca", Secret("apex-db-postgres-ca")),
                                          SecretVolume("redis-ca", Secret("apex-db-redis-ca"))}))
        << id;
    EXPECT_EQ(Container(w).at("volumeMounts"), PropertyValue(PropertyArray{Mount("postgres-ca"), Mount("redis-ca")}))
        << id;
  }
  auto gateway = Get(kService, "api-gateway-service");
  EXPECT_EQ(Template(gateway).at("volumes"),
            PropertyValue(PropertyArray{SecretVolume("redis-ca", Secret("apex-db-redis-ca"))}));
  EXPECT_EQ(Container(gateway).at("volumeMounts"), PropertyValue(PropertyArray{Mount("redis-ca")}));
  // The socket volume cannot work with a private-IP-only instance: gone everywhere.
  for (auto const& r : run_.deployment->resources()) {
    EXPECT_EQ(PropertyValue(r.inputs).ToString().find("cloudSqlInstance"), std::string::npos) << r.name;
  }
}

TEST_P(ServicesTest, EachDatabaseWorkloadIsACloudSqlIamUser) {
  auto users = run_.deployment->OfType(kSqlUser);
  ASSERT_EQ(users.size(), 4u);
  for (std::string id : {"ingestion-worker", "query-router", "temporal-worker", "db-migrate"}) {
    auto user = Get(kSqlUser, id + "-db-user");
    PropertyMap want{{"deletionPolicy", "ABANDON"},
                     {"instance", "apex-db-postgres"},
                     {"name", DbUser("apex-" + id)},
                     {"project", project()},
                     {"type", "CLOUD_IAM_SERVICE_ACCOUNT"}};
    // Only the migration is cloudsqlsuperuser (it creates extensions); the services get GRANTs from it.
    if (id == "db-migrate") want["databaseRoles"] = PropertyArray{"cloudsqlsuperuser"};
    EXPECT_EQ(user.inputs, want) << id;
    EXPECT_EQ(user.inputs.count("password"), 0u) << id;
  }
  // The workload cannot start before it can log in.
  EXPECT_THAT(Get(kService, "query-router-service").dependencies,
              ::testing::Contains(Get(kSqlUser, "query-router-db-user").urn));
  EXPECT_THAT(Get(kJob, "db-migrate-job").dependencies, ::testing::Contains(Get(kSqlUser, "db-migrate-db-user").urn));
}

TEST_P(ServicesTest, ServiceAccountsHoldOnlyWhatTheyUse) {
  auto const& d = *run_.deployment;
  // IAM database login and connection for the four database users; nothing else at project level.
  auto project_grants = d.OfType(kProjectGrant);
  ASSERT_EQ(project_grants.size(), 8u);
  for (std::string id : {"ingestion-worker", "query-router", "temporal-worker", "db-migrate"}) {
    for (auto const& [suffix, role] : std::vector<std::pair<std::string, std::string>>{
             {"cloudsql-client", "roles/cloudsql.client"}, {"cloudsql-instanceuser", "roles/cloudsql.instanceUser"}}) {
      auto grant = Get(kProjectGrant, id + "-" + suffix);
      EXPECT_EQ(grant.inputs.at("role"), Str(role)) << id;
      EXPECT_EQ(grant.inputs.at("member"), Str(Member("apex-" + id))) << id;
      EXPECT_EQ(grant.inputs.at("project"), Str(project())) << id;
    }
  }
  // Secret access on exactly the secrets each reads, env or file.
  std::map<std::string, std::string> want;
  for (std::string id : {"ingestion-worker", "query-router", "temporal-worker"}) {
    want[id + "-redis-auth-access"] = "apex-db-redis-auth";
    want[id + "-neo4j-password-access"] = "apex-neo4j-password";
    want[id + "-qdrant-api-key-access"] = Secret("apex-db-qdrant-api-key");
    want[id + "-postgres-ca-access"] = Secret("apex-db-postgres-ca");
    want[id + "-redis-ca-access"] = Secret("apex-db-redis-ca");
  }
  want["temporal-worker-temporal-api-key-access"] = "apex-temporal-api-key";
  want["api-gateway-redis-auth-access"] = "apex-db-redis-auth";
  want["api-gateway-redis-ca-access"] = Secret("apex-db-redis-ca");
  want["db-migrate-postgres-ca-access"] = Secret("apex-db-postgres-ca");
  std::map<std::string, std::string> got;
  for (auto const& g : d.OfType(kSecretGrant)) {
    EXPECT_EQ(g.inputs.at("role"), Str("roles/secretmanager.secretAccessor")) << g.name;
    got[g.name] = g.inputs.at("secretId").AsString();
  }
  EXPECT_EQ(got, want);
  for (auto const& [name, secret] : want) {
    std::string id = name.rfind("db-migrate", 0) == 0    ? "db-migrate"
                     : name.rfind("api-gateway", 0) == 0 ? "api-gateway"
                                                         : name.substr(0, name.find('-', name.find('-') + 1));
    EXPECT_EQ(Get(kSecretGrant, name).inputs.at("member"), Str(Member("apex-" + id))) << name;
  }
  // No basic roles anywhere.
  for (auto const& r : d.resources()) {
    auto role = r.inputs.find("role");
    if (role == r.inputs.end()) continue;
    for (char const* basic : {"roles/owner", "roles/editor", "roles/viewer"})
      EXPECT_NE(role->second, Str(basic)) << r.name;
  }
  // A workload is created after the grants it needs to start.
  auto router = Get(kService, "query-router-service");
  EXPECT_THAT(router.dependencies, ::testing::Contains(Get(kSecretGrant, "query-router-postgres-ca-access").urn));
  EXPECT_THAT(router.dependencies, ::testing::Contains(Get(kProjectGrant, "query-router-cloudsql-instanceuser").urn));
}

TEST_P(ServicesTest, DataTierWorkloadsUseDirectVpcEgressToPrivateRanges) {
  auto net = network_.deployment->stack_outputs();
  PropertyValue interfaces(
      PropertyArray{PropertyMap{{"network", net.at(outputs::kNetworkId)}, {"subnetwork", net.at(outputs::kSubnetId)}}});
  // Cloud SQL, Memorystore and the two VMs have private addresses; the internet goes the direct way.
  for (std::string id : {"ingestion-worker", "query-router", "temporal-worker"}) {
    EXPECT_EQ(Template(Workload(id)).at("vpcAccess"),
              PropertyValue(PropertyMap{{"egress", "PRIVATE_RANGES_ONLY"}, {"networkInterfaces", interfaces}}))
        << id;
  }
  EXPECT_EQ(Obj(Template(Get(kJob, "db-migrate-job")).at("template")).at("vpcAccess"),
            PropertyValue(PropertyMap{{"egress", "PRIVATE_RANGES_ONLY"}, {"networkInterfaces", interfaces}}));
  // The gateway reaches the INTERNAL_ONLY services, hence all its traffic through the VPC.
  EXPECT_EQ(Template(Get(kService, "api-gateway-service")).at("vpcAccess"),
            PropertyValue(PropertyMap{{"egress", "ALL_TRAFFIC"}, {"networkInterfaces", interfaces}}));
}

TEST_P(ServicesTest, EnvConnectsWithTlsThatVerifiesAndCarriesTheFlags) {
  auto db = DatabaseOutputs(GetParam());
  auto plain = [](RegisteredResource const& r) {
    std::map<std::string, PropertyValue> values;
    for (auto const& [var, entry] : Env(r)) {
      if (entry.count("value")) values[var] = entry.at("value");
    }
    return values;
  };
  std::map<std::string, PropertyValue> base = {{"APEX_ENVIRONMENT", Str(GetParam())},
                                               {"GOOGLE_CLOUD_PROJECT", Str(project())},
                                               {"LOG_LEVEL", Str(TierOf(GetParam()).log_level)},
                                               {"ENABLE_QDRANT", Str("true")},
                                               {"ENABLE_GRAPHITI", Str("true")},
                                               {"ENABLE_TEMPORAL", Str("true")}};
  std::map<std::string, PropertyValue> redis = {{"REDIS_HOST", Str("10.100.1.4")},
                                                {"REDIS_PORT", Str("6379")},
                                                {"REDIS_TLS", Str("true")},
                                                {"REDIS_CA_CERT", Str(kRedisCaFile)}};
  for (std::string id : {"ingestion-worker", "query-router", "temporal-worker"}) {
    auto want = base;
    want.insert(redis.begin(), redis.end());
    want.insert({{"POSTGRES_HOST", Str("10.100.0.3")},
                 {"POSTGRES_PORT", Str("5432")},
                 {"POSTGRES_DB", Str("vectors")},
                 {"POSTGRES_USER", Str(DbUser("apex-" + id))},
                 {"POSTGRES_SSLMODE", Str("verify-ca")},
                 {"PGSSLROOTCERT", Str(kPostgresCaFile)},
                 {"NEO4J_URI", Str("bolt://10.10.0.5:7687")},
                 {"QDRANT_URL", Str("http://10.10.0.6:6333")}});
    if (id == "temporal-worker") {
      want.insert({{"TEMPORAL_ADDRESS", Str("apex-" + GetParam() + ".a1b2c.tmprl.cloud:7233")},
                   {"TEMPORAL_NAMESPACE", Str("apex-" + GetParam() + ".a1b2c")},
                   {"TEMPORAL_TASK_QUEUE", Str("apex-ingestion")}});
    }
    EXPECT_EQ(plain(Workload(id)), want) << id;
  }
  // The gateway: Redis, and the internal services' URIs (outputs of their components); no database.
  auto want = base;
  want.insert(redis.begin(), redis.end());
  want["QUERY_ROUTER_URL"] = Get(kService, "query-router-service").outputs.at("uri");
  want["INGESTION_WORKER_URL"] = Get(kService, "ingestion-worker-service").outputs.at("uri");
  EXPECT_EQ(plain(Get(kService, "api-gateway-service")), want);
}

TEST_P(ServicesTest, TheMigrationJobCreatesTheExtensionsAndGrantsEachServiceUser) {
  auto component = Get("apex:services:DatabaseMigrationJob", "db-migrate");
  auto job = Get(kJob, "db-migrate-job");
  EXPECT_EQ(job.parent, component.urn);
  EXPECT_EQ(job.inputs.at("name"), Str("apex-db-migrate"));
  EXPECT_EQ(job.inputs.at("location"), Str("us-central1"));
  EXPECT_EQ(job.inputs.at("deletionProtection"), PropertyValue(TierOf(GetParam()).deletion_protection));
  auto const& outer = Template(job);
  EXPECT_EQ(outer.at("taskCount"), PropertyValue(1));
  EXPECT_EQ(outer.at("parallelism"), PropertyValue(1));
  auto const& task = Obj(outer.at("template"));
  EXPECT_EQ(task.at("serviceAccount"), Str(Email("apex-db-migrate")));
  EXPECT_EQ(task.at("maxRetries"), PropertyValue(1));
  EXPECT_EQ(task.at("timeout"), Str("600s"));
  EXPECT_EQ(task.at("volumes"),
            PropertyValue(PropertyArray{SecretVolume("postgres-ca", Secret("apex-db-postgres-ca"))}));
  auto const& container = Obj(task.at("containers").AsArray().at(0));
  // A pinned postgres client image, from config.
  EXPECT_EQ(container.at("image"), Str("docker.io/library/postgres:18.1-alpine"));
  EXPECT_EQ(container.at("volumeMounts"), PropertyValue(PropertyArray{Mount("postgres-ca")}));
  EXPECT_EQ(container.at("commands"), PropertyValue(PropertyArray{"/bin/sh", "-c"}));
  std::string script = container.at("args").AsArray().at(0).AsString();
  EXPECT_THAT(script, HasSubstr("--header 'Metadata-Flavor: Google' "));
  EXPECT_THAT(script,
              HasSubstr("http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token"));
  EXPECT_THAT(
      script,
      HasSubstr("printf '%s\\n' \"$APEX_MIGRATION_SQL\" | psql -X -v ON_ERROR_STOP=1 --single-transaction -f -"));

  std::string sql = "CREATE EXTENSION IF NOT EXISTS vector;\nCREATE EXTENSION IF NOT EXISTS pgaudit;\n";
  for (std::string id : {"ingestion-worker", "query-router", "temporal-worker"}) {
    std::string u = "\"" + DbUser("apex-" + id) + "\"";
    sql += "GRANT CONNECT ON DATABASE \"vectors\" TO " + u + ";\n" + "GRANT USAGE, CREATE ON SCHEMA public TO " + u +
           ";\n" + "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + u + ";\n" +
           "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + u + ";\n" +
           "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + u + ";\n" +
           "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO " + u + ";\n";
  }
  std::map<std::string, PropertyValue> env;
  for (auto const& e : container.at("envs").AsArray()) env[Obj(e).at("name").AsString()] = Obj(e).at("value");
  EXPECT_EQ(env, (std::map<std::string, PropertyValue>{{"PGHOST", Str("10.100.0.3")},
                                                       {"PGPORT", Str("5432")},
                                                       {"PGDATABASE", Str("vectors")},
                                                       {"PGUSER", Str(DbUser("apex-db-migrate"))},
                                                       {"PGSSLMODE", Str("verify-ca")},
                                                       {"PGSSLROOTCERT", Str(kPostgresCaFile)},
                                                       {"APEX_MIGRATION_SQL", Str(sql)}}));
  EXPECT_EQ(apex::MigrationSql("vectors", {DbUser("apex-ingestion-worker"), DbUser("apex-query-router"),
                                           DbUser("apex-temporal-worker")}),
            sql);
  EXPECT_EQ(run_.deployment->stack_outputs().at(outputs::kMigrationJobName), Str("apex-db-migrate"));
}

TEST_P(ServicesTest, TheLoadBalancerFrontsTheGatewayInProdOnly) {
  auto const& d = *run_.deployment;
  auto out = d.stack_outputs();
  if (!prod()) {
    for (auto const& [type, name] : EdgeResources()) EXPECT_FALSE(d.Find(type, name)) << type << " " << name;
    EXPECT_EQ(out.at(outputs::kPublicUrl), Get(kService, "api-gateway-service").outputs.at("uri"));
    EXPECT_EQ(out.count(outputs::kPublicIpAddress), 0u);
    return;
  }
  auto edge = Get("apex:services:PublicEdge", "public-edge");
  for (auto const& [type, name] : EdgeResources()) {
    auto r = Get(type, name);
    EXPECT_EQ(r.parent, edge.urn) << name;
    EXPECT_EQ(r.inputs.at("project"), Str(project())) << name;
  }
  auto id = [&](std::string const& type, std::string const& name) { return Str(Get(type, name).id); };
  auto neg = Get("gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup", "public-edge-neg");
  EXPECT_EQ(neg.inputs, (PropertyMap{{"cloudRun", PropertyMap{{"service", "apex-api-gateway"}}},
                                     {"name", "apex-edge-neg"},
                                     {"networkEndpointType", "SERVERLESS"},
                                     {"project", project()},
                                     {"region", "us-central1"}}));
  auto armor = Get("gcp:compute/securityPolicy:SecurityPolicy", "public-edge-armor");
  EXPECT_EQ(armor.inputs.at("type"), Str("CLOUD_ARMOR"));
  auto const& rules = armor.inputs.at("rules").AsArray();
  ASSERT_EQ(rules.size(), 4u);
  auto waf = [](std::string const& set) {
    return PropertyValue(PropertyMap{
        {"expr", PropertyMap{{"expression", "evaluatePreconfiguredWaf('" + set + "', {'sensitivity': 1})"}}}});
  };
  PropertyValue all_ips(
      PropertyMap{{"config", PropertyMap{{"srcIpRanges", PropertyArray{"*"}}}}, {"versionedExpr", "SRC_IPS_V1"}});
  EXPECT_EQ(Obj(rules[0]).at("match"), waf("sqli-v33-stable"));
  EXPECT_EQ(Obj(rules[0]).at("action"), Str("deny(403)"));
  EXPECT_EQ(Obj(rules[0]).at("priority"), PropertyValue(1000));
  EXPECT_EQ(Obj(rules[1]).at("match"), waf("xss-v33-stable"));
  EXPECT_EQ(Obj(rules[1]).at("action"), Str("deny(403)"));
  EXPECT_EQ(Obj(rules[2]).at("action"), Str("throttle"));
  EXPECT_EQ(Obj(rules[2]).at("match"), all_ips);
  EXPECT_EQ(Obj(rules[2]).at("rateLimitOptions"),
            PropertyValue(PropertyMap{{"conformAction", "allow"},
                                      {"enforceOnKey", "IP"},
                                      {"exceedAction", "deny(429)"},
                                      {"rateLimitThreshold", PropertyMap{{"count", 600}, {"intervalSec", 60}}}}));
  EXPECT_EQ(Obj(rules[3]).at("action"), Str("allow"));
  EXPECT_EQ(Obj(rules[3]).at("priority"), PropertyValue(2147483647));
  EXPECT_EQ(Obj(rules[3]).at("match"), all_ips);

  auto backend = Get("gcp:compute/backendService:BackendService", "public-edge-backend");
  EXPECT_EQ(backend.inputs.at("loadBalancingScheme"), Str("EXTERNAL_MANAGED"));
  EXPECT_EQ(backend.inputs.at("securityPolicy"), Str(armor.id));
  EXPECT_EQ(backend.inputs.at("backends"), PropertyValue(PropertyArray{PropertyMap{{"group", neg.id}}}));
  EXPECT_EQ(backend.inputs.at("logConfig"), PropertyValue(PropertyMap{{"enable", true}, {"sampleRate", 1.0}}));
  EXPECT_EQ(Get("gcp:compute/uRLMap:URLMap", "public-edge-url-map").inputs.at("defaultService"), Str(backend.id));
  EXPECT_EQ(
      Get("gcp:compute/managedSslCertificate:ManagedSslCertificate", "public-edge-certificate").inputs.at("managed"),
      PropertyValue(PropertyMap{{"domains", PropertyArray{"api.apex-memory.example.com"}}}));
  auto tls = Get("gcp:compute/sSLPolicy:SSLPolicy", "public-edge-tls");
  EXPECT_EQ(tls.inputs.at("minTlsVersion"), Str("TLS_1_2"));
  EXPECT_EQ(tls.inputs.at("profile"), Str("MODERN"));
  auto https_proxy = Get("gcp:compute/targetHttpsProxy:TargetHttpsProxy", "public-edge-https-proxy");
  EXPECT_EQ(https_proxy.inputs.at("urlMap"), id("gcp:compute/uRLMap:URLMap", "public-edge-url-map"));
  EXPECT_EQ(https_proxy.inputs.at("sslCertificates"),
            PropertyValue(PropertyArray{
                id("gcp:compute/managedSslCertificate:ManagedSslCertificate", "public-edge-certificate")}));
  EXPECT_EQ(https_proxy.inputs.at("sslPolicy"), Str(tls.id));
  auto address = Get("gcp:compute/globalAddress:GlobalAddress", "public-edge-ip");
  EXPECT_EQ(address.inputs.at("addressType"), Str("EXTERNAL"));
  for (auto const& [rule, port, proxy] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"public-edge-https", "443", https_proxy.id},
           {"public-edge-http", "80",
            Get("gcp:compute/targetHttpProxy:TargetHttpProxy", "public-edge-http-proxy").id}}) {
    auto fr = Get("gcp:compute/globalForwardingRule:GlobalForwardingRule", rule);
    EXPECT_EQ(fr.inputs.at("portRange"), Str(port)) << rule;
    EXPECT_EQ(fr.inputs.at("target"), Str(proxy)) << rule;
    EXPECT_EQ(fr.inputs.at("ipAddress"), Str(address.id)) << rule;
    EXPECT_EQ(fr.inputs.at("loadBalancingScheme"), Str("EXTERNAL_MANAGED")) << rule;
  }
  // Port 80 answers with a redirect to HTTPS, nothing else.
  auto redirect = Get("gcp:compute/uRLMap:URLMap", "public-edge-http-redirect");
  EXPECT_EQ(
      redirect.inputs.at("defaultUrlRedirect"),
      PropertyValue(PropertyMap{
          {"httpsRedirect", true}, {"redirectResponseCode", "MOVED_PERMANENTLY_DEFAULT"}, {"stripQuery", false}}));
  EXPECT_EQ(redirect.inputs.count("defaultService"), 0u);
  EXPECT_EQ(Get("gcp:compute/targetHttpProxy:TargetHttpProxy", "public-edge-http-proxy").inputs.at("urlMap"),
            Str(redirect.id));
  EXPECT_EQ(out.at(outputs::kPublicUrl), Str("https://api.apex-memory.example.com"));
  EXPECT_EQ(out.at(outputs::kPublicIpAddress), address.outputs.at("address"));
}

TEST_P(ServicesTest, TheStackEnablesTheApisItCalls) {
  std::set<std::string> want = {"run.googleapis.com", "iam.googleapis.com", "cloudresourcemanager.googleapis.com",
                                "secretmanager.googleapis.com", "sqladmin.googleapis.com"};
  if (prod()) want.insert("compute.googleapis.com");
  std::set<std::string> got;
  for (auto const& api : run_.deployment->OfType("gcp:projects/service:Service")) {
    got.insert(api.inputs.at("service").AsString());
    EXPECT_EQ(api.inputs.at("disableOnDestroy"), PropertyValue(false)) << api.name;
    EXPECT_EQ(api.inputs.at("project"), Str(project())) << api.name;
  }
  EXPECT_EQ(got, want);
  // What calls an API waits for it, the components' children included.
  auto run_api = Get("gcp:projects/service:Service", "api-run").urn;
  EXPECT_THAT(Get(kService, "query-router-service").dependencies, ::testing::Contains(run_api));
  EXPECT_THAT(Get(kJob, "db-migrate-job").dependencies, ::testing::Contains(run_api));
  EXPECT_THAT(Get(kSqlUser, "query-router-db-user").dependencies,
              ::testing::Contains(Get("gcp:projects/service:Service", "api-sqladmin").urn));
}

TEST_P(ServicesTest, EveryLabelableResourceCarriesTheStandardLabels) {
  std::set<std::string> labelable = {kService,
                                     kWorkerPool,
                                     kJob,
                                     "gcp:compute/securityPolicy:SecurityPolicy",
                                     "gcp:compute/globalAddress:GlobalAddress",
                                     "gcp:compute/globalForwardingRule:GlobalForwardingRule"};
  int labelled = 0;
  for (auto const& r : run_.deployment->resources()) {
    if (!labelable.count(r.type)) continue;
    ++labelled;
    auto labels = r.inputs.at("labels");
    for (auto const& [key, want] : std::map<std::string, std::string>{{"environment", GetParam()},
                                                                      {"project", "apex-services"},
                                                                      {"managed-by", "pulumi"},
                                                                      {"cost-center", "apex-memory"}}) {
      EXPECT_EQ(Obj(labels).at(key), Str(want)) << r.name << " " << key;
    }
  }
  EXPECT_EQ(labelled, prod() ? 9 : 5);
  EXPECT_EQ(Obj(Get(kService, "query-router-service").inputs.at("labels")).at("component"), Str("query-router"));
  EXPECT_EQ(Obj(Get(kJob, "db-migrate-job").inputs.at("labels")).at("component"), Str("db-migrate"));
}

TEST_P(ServicesTest, ReadsItsStacksAndExportsWhatMonitoringAndTheDeployRead) {
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
  EXPECT_EQ(out.at(outputs::kMigrationJobName), Str("apex-db-migrate"));
}

INSTANTIATE_TEST_SUITE_P(Stacks, ServicesTest, ::testing::Values("dev", "staging", "prod"));

apex::gcp_mocks::StackRun RunEditedDev(std::function<std::string(std::string)> const& edit) {
  auto network = apex::gcp_mocks::RunStack("apex-network", "dev");
  auto refs = apex::gcp_mocks::ReferencesFor({&network});
  refs[DatabasesStack("dev")] = DatabaseOutputs("dev");
  return apex::gcp_mocks::RunStackEdited("apex-services", "dev", edit, refs);
}

TEST(ServicesFlagsTest, AFlagTurnedOffReachesEveryWorkloadAndTheWorkerPoolStays) {
  auto run =
      RunEditedDev(apex::gcp_mocks::ReplaceText("apex:enableTemporal: \"true\"", "apex:enableTemporal: \"false\""));
  ASSERT_EQ(run.exit_code, 0) << Logs(*run.deployment);
  for (auto const& r : run.deployment->resources()) {
    if (r.type != kService && r.type != kWorkerPool) continue;
    auto env = Env(r);
    EXPECT_EQ(env["ENABLE_TEMPORAL"].at("value"), Str("false")) << r.name;
    EXPECT_EQ(env["ENABLE_QDRANT"].at("value"), Str("true")) << r.name;
  }
  EXPECT_EQ(run.deployment->OfType(kWorkerPool).size(), 1u);
}

TEST(ServicesFlagsTest, AnUnsetFlagDefaultsToTrue) {
  auto run = RunEditedDev(apex::gcp_mocks::ReplaceText("  apex:enableGraphiti: \"true\"\n", ""));
  ASSERT_EQ(run.exit_code, 0) << Logs(*run.deployment);
  EXPECT_EQ(Env(*run.deployment->Find(kService, "query-router-service"))["ENABLE_GRAPHITI"].at("value"), Str("true"));
}

TEST(ServicesEdgeTest, ALoadBalancerInDevServesItsDomainAndClosesRunApp) {
  auto run = RunEditedDev(apex::gcp_mocks::ReplaceText(
      "apex:publicEdge: runApp", "apex:publicEdge: loadBalancer\n  apex:publicDomain: api.dev.example.com"));
  ASSERT_EQ(run.exit_code, 0) << Logs(*run.deployment);
  EXPECT_EQ(run.deployment->Find(kService, "api-gateway-service")->inputs.at("ingress"),
            Str("INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"));
  EXPECT_EQ(run.deployment->stack_outputs().at(outputs::kPublicUrl), Str("https://api.dev.example.com"));
  EXPECT_EQ(run.deployment->OfType("gcp:compute/globalForwardingRule:GlobalForwardingRule").size(), 2u);
}

// A modified copy of a real stack file: the run fails before registering anything, naming the key and the file.
struct BadValue {
  std::string line;         // as in Pulumi.dev.yaml
  std::string replacement;  // the modified line
  std::string message;      // what the error must say
};

class ServicesConfigTest : public ::testing::TestWithParam<BadValue> {};

TEST_P(ServicesConfigTest, AnInvalidValueFailsNamingTheKeyAndTheStackFile) {
  auto run = RunEditedDev(apex::gcp_mocks::ReplaceText(GetParam().line, GetParam().replacement));
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(Logs(*run.deployment), HasSubstr(GetParam().message));
  EXPECT_THAT(Logs(*run.deployment), HasSubstr("(in Pulumi.dev.yaml)"));
  EXPECT_TRUE(run.deployment->OfType(kService).empty());
  EXPECT_TRUE(run.deployment->OfType("gcp:projects/service:Service").empty());
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
        BadValue{"apex:apiGatewayCpu: \"1\"", "apex:apiGatewayCpu: \"3\"",
                 "'apex:apiGatewayCpu': '3' is not one of 1, 2, 4, 6, 8"},
        BadValue{"apex:temporalAddress: apex-dev.a1b2c.tmprl.cloud:7233", "apex:temporalAddress: temporal",
                 "'apex:temporalAddress': 'temporal' is not host:port"},
        BadValue{"apex:publicEdge: runApp", "apex:publicEdge: loadBalancer",
                 "Invalid configuration 'apex:publicDomain': is required with apex:publicEdge loadBalancer"},
        BadValue{"apex:publicEdge: runApp", "apex:publicEdge: cdn",
                 "'apex:publicEdge': 'cdn' is not one of loadBalancer, runApp"},
        BadValue{"apex:publicEdge: runApp", "apex:publicEdge: loadBalancer\n  apex:publicDomain: API.Example",
                 "'apex:publicDomain': 'API.Example' is not a lowercase domain name"},
        BadValue{"apex:migrationImage: docker.io/library/postgres:18.1-alpine",
                 "apex:migrationImage: docker.io/library/postgres:18-alpine",
                 "'apex:migrationImage': 'docker.io/library/postgres:18-alpine' is not pinned: use a <major>.<minor> "
                 "tag or an @sha256: digest"},
        BadValue{"apex:migrationImage: docker.io/library/postgres:18.1-alpine",
                 "apex:migrationImage: docker.io/library/postgres",
                 "'apex:migrationImage': 'docker.io/library/postgres' is not pinned"},
        BadValue{"apex:migrationImage: docker.io/library/postgres:18.1-alpine",
                 "apex:migrationImage: docker.io/library/postgres:latest",
                 "'apex:migrationImage': 'docker.io/library/postgres:latest' is not pinned"},
        BadValue{"apex:enableQdrant: \"true\"", "apex:enableQdrant: \"yes\"",
                 "Invalid configuration 'apex:enableQdrant': 'yes' is not \"true\" or \"false\""}));

TEST(ServicesConfigPinTest, ADigestPinsTheMigrationImage) {
  auto run =
      RunEditedDev(apex::gcp_mocks::ReplaceText("postgres:18.1-alpine", "postgres@sha256:" + std::string(64, 'a')));
  ASSERT_EQ(run.exit_code, 0) << Logs(*run.deployment);
  auto job = run.deployment->Find(kJob, "db-migrate-job");
  ASSERT_TRUE(job);
  EXPECT_EQ(Obj(Obj(Template(*job).at("template")).at("containers").AsArray().at(0)).at("image"),
            Str("docker.io/library/postgres@sha256:" + std::string(64, 'a')));
}

// The component's own rules, whatever the program asks: each case registers one service and must fail.
struct BrokenRule {
  std::string rule;
  std::function<void(apex::CloudRunServiceArgs&)> breakit;
  std::string message;
};

class CloudRunServiceRulesTest : public ::testing::TestWithParam<BrokenRule> {};

TEST_P(CloudRunServiceRulesTest, RefusesWhatPolicyForbids) {
  pulumi::mocks::MockDeployment deployment(
      std::make_shared<apex::gcp_mocks::GcpMocks>("apex-dev-123456", "us-central1"),
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
        BrokenRule{"public access only with INGRESS_TRAFFIC_ALL or behind the load balancer",
                   [](auto& a) { a.public_access = true; },
                   "public access needs ingress INGRESS_TRAFFIC_ALL or INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"},
        BrokenRule{"no plaintext secrets",
                   [](auto& a) { a.workload.env = {{.name = "POSTGRES_PASSWORD", .value = std::string("hunter2")}}; },
                   "env var POSTGRES_PASSWORD holds a secret: read it from Secret Manager"},
        BrokenRule{"no basic roles", [](auto& a) { a.workload.project_roles = {"roles/editor"}; },
                   "roles/editor is a basic, admin or impersonation role"},
        BrokenRule{"CPU and memory fit", [](auto& a) { a.sizing.memory = "16Gi"; },
                   "16Gi needs more than 1 CPU (at most 4Gi)"},
        BrokenRule{"service account id shape", [](auto& a) { a.workload.name = "Apex_Router"; },
                   "the name is also the service account id"},
        BrokenRule{"one secret file per directory",
                   [](auto& a) {
                     a.workload.secret_files = {
                         {.name = "a", .secret = std::string("s1"), .path = "/secrets/ca/a.pem"},
                         {.name = "b", .secret = std::string("s2"), .path = "/secrets/ca/b.pem"}};
                   },
                   "two secret files in /secrets/ca: one per directory"},
        BrokenRule{"the database user's env var is not set twice",
                   [](auto& a) {
                     a.workload.env = {{.name = "POSTGRES_USER", .value = std::string("apex")}};
                     a.workload.database_user = apex::CloudSqlIamUser{.instance = std::string("apex-db-postgres")};
                   },
                   "env var POSTGRES_USER is set twice"}),
    [](::testing::TestParamInfo<BrokenRule> const& info) { return "Case" + std::to_string(info.index); });

TEST(CloudRunServiceNamesTest, TheIamDatabaseUserIsTheEmailWithoutTheDomainSuffix) {
  EXPECT_EQ(apex::internal::IamDatabaseUserName("apex-query-router@apex-dev-123456.iam.gserviceaccount.com"),
            "apex-query-router@apex-dev-123456.iam");
}

}  // namespace
