// The architecture view: exact edges derived from the dev and prod plans (public entry, calls, data access,
// secrets, boundaries, references, monitoring); that it follows the inputs, not Apex's names (a hand-made plan
// with other names, and plans with a grant removed); the DOT text; and the files apex-plan writes.
#include "architecture.h"
#include "architecture_dot.h"
#include "architecture_index.h"
#include "plan_cli.h"
#include "plan_model.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace {

using apex::plan::Architecture;
using apex::plan::EdgeKind;
using apex::plan::NodeKind;
using apex::plan::PlannedResource;
using ::pulumi::PropertyArray;
using ::pulumi::PropertyMap;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

using EdgeSet = std::set<std::tuple<std::string, std::string, std::string>>;  // from, to, label

apex::plan::Plan const& PlanOf(std::string const& stack) {
  static std::map<std::string, apex::plan::Plan> plans;
  if (!plans.count(stack)) {
    auto result = apex::plan::BuildPlan(stack);
    EXPECT_FALSE(result.failure) << stack;
    plans[stack] = std::move(result.plan);
  }
  return plans[stack];
}

EdgeSet EdgesOf(Architecture const& a, EdgeKind kind) {
  EdgeSet out;
  for (auto const& e : a.edges) {
    if (e.kind == kind) out.insert({e.from, e.to, e.label});
  }
  return out;
}

// The resource of `type` whose cloud name is `name`, as planned.
PlannedResource const* Find(apex::plan::Plan& plan, std::string const& type, std::string const& name) {
  for (auto& project : plan.projects) {
    for (auto& r : project.resources) {
      auto it = r.inputs.find("name");
      if (r.type == type && it != r.inputs.end() && it->second.is_string() && it->second.AsString() == name) return &r;
    }
  }
  return nullptr;
}

std::string HostOf(std::string const& uri) { return apex::plan::arch::EndpointOf(uri).host; }

std::string GatewayHost(std::string const& stack) {
  auto plan = PlanOf(stack);
  auto const* gateway = Find(plan, "gcp:cloudrunv2/service:Service", "apex-api-gateway");
  return gateway ? HostOf(gateway->outputs.at("uri").AsString()) : "";
}

// The edges every stack has from its workloads to its data stores, services and secrets.
EdgeSet const kData = {
    {"run:apex-api-gateway", "redis:apex-db-redis", "TLS, AUTH"},
    {"run:apex-query-router", "sql:apex-db-postgres", "TLS verify-ca, IAM auth"},
    {"run:apex-query-router", "redis:apex-db-redis", "TLS, AUTH"},
    {"run:apex-query-router", "vm:apex-db-neo4j", "bolt :7687"},
    {"run:apex-query-router", "vm:apex-db-qdrant", "http :6333"},
    {"run:apex-ingestion-worker", "sql:apex-db-postgres", "TLS verify-ca, IAM auth"},
    {"run:apex-ingestion-worker", "redis:apex-db-redis", "TLS, AUTH"},
    {"run:apex-ingestion-worker", "vm:apex-db-neo4j", "bolt :7687"},
    {"run:apex-ingestion-worker", "vm:apex-db-qdrant", "http :6333"},
    {"run:apex-temporal-worker", "sql:apex-db-postgres", "TLS verify-ca, IAM auth"},
    {"run:apex-temporal-worker", "redis:apex-db-redis", "TLS, AUTH"},
    {"run:apex-temporal-worker", "vm:apex-db-neo4j", "bolt :7687"},
    {"run:apex-temporal-worker", "vm:apex-db-qdrant", "http :6333"},
    {"run:apex-db-migrate", "sql:apex-db-postgres", "TLS verify-ca, IAM auth"},
};

EdgeSet SecretReadsOf(std::string const& worker) {
  return {{worker, "secret:apex-db-neo4j-password", "secret"},
          {worker, "secret:apex-db-qdrant-api-key", "secret"},
          {worker, "secret:apex-db-redis-auth", "secret"},
          {worker, "secret:apex-db-postgres-ca", "secret file"},
          {worker, "secret:apex-db-redis-ca", "secret file"}};
}

class StackArchitecture : public ::testing::TestWithParam<std::string> {
 protected:
  Architecture const& A() {
    static std::map<std::string, Architecture> built;
    if (!built.count(GetParam())) built[GetParam()] = apex::plan::BuildArchitecture(PlanOf(GetParam()));
    return built[GetParam()];
  }
};

TEST_P(StackArchitecture, ServiceCallsComeFromEnvUrisAndInvokerGrants) {
  EXPECT_EQ(EdgesOf(A(), EdgeKind::kCall),
            (EdgeSet{{"run:apex-api-gateway", "run:apex-query-router", "HTTPS, run.invoker"},
                     {"run:apex-api-gateway", "run:apex-ingestion-worker", "HTTPS, run.invoker"}}));
}

TEST_P(StackArchitecture, WorkloadsReachTheirDataStoresWithTlsAndAuth) {
  auto data = EdgesOf(A(), EdgeKind::kData);
  std::string temporal;
  for (auto const& [from, to, label] : data) {
    if (to.rfind("external:", 0) == 0) {
      EXPECT_EQ(from, "run:apex-temporal-worker");
      EXPECT_EQ(label, "TCP :7233");
      temporal = to;
    }
  }
  ASSERT_FALSE(temporal.empty()) << "the worker pool's Temporal Cloud endpoint";
  auto expected = kData;
  expected.insert({"run:apex-temporal-worker", temporal, "TCP :7233"});
  EXPECT_EQ(data, expected);
  EXPECT_EQ(A().Node(temporal)->cluster, "external");
}

TEST_P(StackArchitecture, WorkloadsReadTheSecretsOfTheirEnvAndVolumesAndVmsWriteTheirs) {
  EdgeSet expected = {{"run:apex-api-gateway", "secret:apex-db-redis-auth", "secret"},
                      {"run:apex-api-gateway", "secret:apex-db-redis-ca", "secret file"},
                      {"run:apex-db-migrate", "secret:apex-db-postgres-ca", "secret file"},
                      {"run:apex-temporal-worker", "secret:apex-temporal-api-key", "secret"}};
  for (auto const* w : {"run:apex-query-router", "run:apex-ingestion-worker", "run:apex-temporal-worker"}) {
    for (auto const& e : SecretReadsOf(w)) expected.insert(e);
  }
  EXPECT_EQ(EdgesOf(A(), EdgeKind::kSecretRead), expected);
  for (auto const& e : A().edges) EXPECT_FALSE(e.warning) << e.from << " -> " << e.to << ": " << e.label;
  EXPECT_EQ(EdgesOf(A(), EdgeKind::kSecretWrite),
            (EdgeSet{{"vm:apex-db-neo4j", "secret:apex-db-neo4j-password", "writes"},
                     {"vm:apex-db-qdrant", "secret:apex-db-qdrant-api-key", "writes"}}));
  // Created by hand before the stacks (README), so no project declares it.
  auto const* external = A().Node("secret:apex-temporal-api-key");
  ASSERT_NE(external, nullptr);
  EXPECT_EQ(external->project, "");
  EXPECT_THAT(external->details, Contains("created outside the stacks"));
  EXPECT_EQ(A().Node("secret:apex-db-redis-auth")->project, "apex-databases");
}

TEST_P(StackArchitecture, NetworkBoundaries) {
  auto cluster = [&](std::string const& id) -> apex::plan::ArchCluster const* {
    for (auto const& c : A().clusters) {
      if (c.id == id) return &c;
    }
    return nullptr;
  };
  ASSERT_NE(cluster("vpc:apex-vpc"), nullptr);
  EXPECT_THAT(cluster("vpc:apex-vpc")->label, HasSubstr("Cloud NAT apex-nat: outbound to the internet only"));
  auto const* subnet = cluster("subnet:apex-subnet-us-central1");
  ASSERT_NE(subnet, nullptr);
  EXPECT_EQ(subnet->parent, "vpc:apex-vpc");
  EXPECT_THAT(subnet->label, HasSubstr("Direct VPC egress of 5 Cloud Run workloads"));
  auto const* psa = cluster("psa:apex-psa-connection");
  ASSERT_NE(psa, nullptr);
  EXPECT_EQ(psa->parent, "vpc:apex-vpc");
  EXPECT_THAT(psa->label, HasSubstr("range apex-psa-range /16"));
  for (auto const* id : {"sql:apex-db-postgres", "redis:apex-db-redis"}) {
    ASSERT_NE(A().Node(id), nullptr) << id;
    EXPECT_EQ(A().Node(id)->cluster, "psa:apex-psa-connection") << id;
  }
  for (auto const* id : {"vm:apex-db-neo4j", "vm:apex-db-qdrant"}) {
    ASSERT_NE(A().Node(id), nullptr) << id;
    EXPECT_EQ(A().Node(id)->cluster, "subnet:apex-subnet-us-central1") << id;
    EXPECT_THAT(A().Node(id)->details, Contains("no public IP")) << id;
  }
  EXPECT_THAT(A().Node("sql:apex-db-postgres")->details, Contains("no public IP"));
  EXPECT_THAT(A().Node("vm:apex-db-neo4j")->details, Contains(HasSubstr("in: tcp 7474,7687 from ")));
  for (auto const* id : {"run:apex-api-gateway", "run:apex-query-router", "run:apex-ingestion-worker",
                         "run:apex-temporal-worker", "run:apex-db-migrate"}) {
    ASSERT_NE(A().Node(id), nullptr) << id;
    EXPECT_EQ(A().Node(id)->cluster, "serverless");
  }
  EXPECT_EQ(A().Node("run:apex-temporal-worker")->kind, NodeKind::kWorkerPool);
  EXPECT_EQ(A().Node("run:apex-db-migrate")->kind, NodeKind::kJob);
  EXPECT_THAT(A().Node("run:apex-query-router")->details, Contains("ingress: internal only"));
}

TEST_P(StackArchitecture, CrossStackReferencesWithTheOutputsRead) {
  EdgeSet references;
  for (auto const& e : A().edges) {
    if (e.kind == EdgeKind::kReference) references.insert({e.from, e.to, ""});
  }
  EXPECT_EQ(references, (EdgeSet{{"project:apex-network", "project:apex-databases", ""},
                                 {"project:apex-network", "project:apex-services", ""},
                                 {"project:apex-databases", "project:apex-services", ""},
                                 {"project:apex-databases", "project:apex-monitoring", ""},
                                 {"project:apex-services", "project:apex-monitoring", ""}}));
  for (auto const& project : PlanOf(GetParam()).projects) {
    for (auto const& ref : project.references) {
      auto const* e = A().Edge("project:" + ref.project, "project:" + project.project);
      ASSERT_NE(e, nullptr);
      EXPECT_EQ(e->label, "reads " + std::to_string(ref.outputs.size()) + " outputs");
      for (auto const& output : ref.outputs) EXPECT_THAT(e->tooltip, HasSubstr(output));
    }
  }
  EXPECT_THAT(A().Edge("project:apex-databases", "project:apex-services")->tooltip, HasSubstr("postgresPrivateIp"));
}

TEST_P(StackArchitecture, AlertPoliciesAreOneNodeNotifyingTheChannel) {
  int policies = 0;
  for (auto const& p : PlanOf(GetParam()).projects) {
    for (auto const& r : p.resources) policies += r.type == "gcp:monitoring/alertPolicy:AlertPolicy";
  }
  ASSERT_NE(A().Node("alerts"), nullptr);
  EXPECT_EQ(A().Node("alerts")->title, std::to_string(policies) + " alert policies");
  ASSERT_NE(A().Edge("alerts", "channel:apex-email"), nullptr);
  EXPECT_EQ(A().Edge("alerts", "channel:apex-email")->label, "notify");
}

TEST_P(StackArchitecture, DotHasEveryNodeClusterAndEdgeAndNoSecret) {
  auto dot = apex::plan::ArchitectureDot(A());
  for (auto const& n : A().nodes) EXPECT_THAT(dot, HasSubstr("\"" + n.id + "\" [label=<<b>")) << n.id;
  for (auto const& c : A().clusters) EXPECT_THAT(dot, HasSubstr("subgraph \"cluster_" + c.id + "\" {")) << c.id;
  for (auto const& e : A().edges) {
    if (e.kind != EdgeKind::kSecretRead) {
      EXPECT_THAT(dot, HasSubstr("\"" + e.from + "\" -> \"" + e.to + "\""));
    }
  }
  // Secret reads: one edge per workload into Secret Manager, the secrets listed in the workload's node.
  EXPECT_THAT(dot, HasSubstr("\"run:apex-api-gateway\" -> \"secret:apex-db-redis-auth\" [lhead=\"cluster_secrets\""));
  EXPECT_THAT(dot, HasSubstr("secrets: apex-db-redis-auth, apex-db-redis-ca (file)"));
  EXPECT_THAT(dot, HasSubstr("TLS verify-ca, IAM auth"));
  EXPECT_THAT(dot, Not(HasSubstr("<secret ")));
}

INSTANTIATE_TEST_SUITE_P(Stacks, StackArchitecture, ::testing::Values("dev", "staging", "prod"));

TEST(ArchitectureTest, ProdEntersThroughTheLoadBalancerChain) {
  auto a = apex::plan::BuildArchitecture(PlanOf("prod"));
  EXPECT_EQ(EdgesOf(a, EdgeKind::kRequest),
            (EdgeSet{{"internet", "lb:apex-edge-https", "HTTPS :443"},
                     {"lb:apex-edge-https", "proxy:apex-edge-https-proxy", ""},
                     {"proxy:apex-edge-https-proxy", "urlmap:apex-edge-url-map", ""},
                     {"urlmap:apex-edge-url-map", "backend:apex-edge-backend", ""},
                     {"backend:apex-edge-backend", "neg:apex-edge-neg", ""},
                     {"neg:apex-edge-neg", "run:apex-api-gateway", ""},
                     {"internet", "lb:apex-edge-http", "HTTP :80"},
                     {"lb:apex-edge-http", "proxy:apex-edge-http-proxy", ""},
                     {"proxy:apex-edge-http-proxy", "urlmap:apex-edge-http-redirect", ""}}));
  EXPECT_EQ(EdgesOf(a, EdgeKind::kPolicy),
            (EdgeSet{{"backend:apex-edge-backend", "armor:apex-edge-armor", "security policy"}}));
  EXPECT_THAT(a.Node("armor:apex-edge-armor")->details, Contains("WAF: sqli, xss"));
  EXPECT_THAT(a.Node("proxy:apex-edge-https-proxy")->details, Contains("TLS 1.2+ MODERN"));
  EXPECT_THAT(a.Node("proxy:apex-edge-https-proxy")->details, Contains("certificate api.apex-memory.example.com"));
  EXPECT_THAT(a.Node("urlmap:apex-edge-http-redirect")->details, Contains("redirects to HTTPS"));
  EXPECT_THAT(a.Node("lb:apex-edge-https")->details.front(),
              ::testing::MatchesRegex("IP apex-edge-ip 34\\.[0-9.]+:443"));
  auto const& gateway = a.Node("run:apex-api-gateway")->details;
  EXPECT_THAT(gateway, Contains("ingress: load balancer only"));
  EXPECT_THAT(gateway, Contains("invoker: allUsers"));
  for (auto const& n : a.nodes) EXPECT_NE(n.kind, NodeKind::kPublicUrl) << "prod's run.app URL is not an entry";
  EXPECT_EQ(EdgesOf(a, EdgeKind::kMonitor),
            (EdgeSet{{"uptime:apex-gateway-uptime", "lb:apex-edge-https", "GET /healthz"},
                     {"alerts", "channel:apex-email", "notify"}}));
}

TEST(ArchitectureTest, DevEntersThroughTheGatewaysRunAppUrl) {
  auto a = apex::plan::BuildArchitecture(PlanOf("dev"));
  std::string url = "url:" + GatewayHost("dev");
  EXPECT_EQ(EdgesOf(a, EdgeKind::kRequest), (EdgeSet{{"internet", url, "HTTPS"}, {url, "run:apex-api-gateway", ""}}));
  EXPECT_THAT(a.Node("run:apex-api-gateway")->details, Contains("ingress: all"));
  EXPECT_EQ(EdgesOf(a, EdgeKind::kMonitor),
            (EdgeSet{{"uptime:apex-gateway-uptime", url, "GET /healthz"}, {"alerts", "channel:apex-email", "notify"}}));
}

TEST(ArchitectureTest, AMissingGrantIsMarkedAndAnInternalGatewayIsNoEntry) {
  auto plan = PlanOf("dev");
  // Without its run.invoker grant and its secret accessor grant, the calls and reads are still drawn, in red.
  for (auto& project : plan.projects) {
    std::erase_if(project.resources, [](PlannedResource const& r) {
      auto member = r.inputs.find("member");
      bool router_invoker = r.type == "gcp:cloudrunv2/serviceIamMember:ServiceIamMember" &&
                            r.inputs.at("name").AsString() == "apex-query-router";
      bool gateway_redis = r.type == "gcp:secretmanager/secretIamMember:SecretIamMember" && member != r.inputs.end() &&
                           member->second.AsString().find("apex-api-gateway@") != std::string::npos &&
                           r.inputs.at("secretId").AsString().ends_with("/apex-db-redis-auth");
      return router_invoker || gateway_redis;
    });
  }
  for (auto& project : plan.projects) {
    for (auto& r : project.resources) {
      if (r.type == "gcp:cloudrunv2/service:Service" && r.inputs.at("name").AsString() == "apex-api-gateway") {
        r.inputs["ingress"] = "INGRESS_TRAFFIC_INTERNAL_ONLY";
      }
    }
  }
  auto a = apex::plan::BuildArchitecture(plan);
  auto const* call = a.Edge("run:apex-api-gateway", "run:apex-query-router");
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->label, "HTTPS, no run.invoker grant");
  EXPECT_TRUE(call->warning);
  auto const* read = a.Edge("run:apex-api-gateway", "secret:apex-db-redis-auth");
  ASSERT_NE(read, nullptr);
  EXPECT_EQ(read->label, "secret (no accessor grant)");
  EXPECT_TRUE(read->warning);
  EXPECT_FALSE(a.Edge("run:apex-api-gateway", "run:apex-ingestion-worker")->warning);
  EXPECT_EQ(EdgesOf(a, EdgeKind::kRequest), EdgeSet{}) << "an internal-only gateway is no public entry";
  EXPECT_EQ(a.Node("internet"), nullptr);
  EXPECT_THAT(apex::plan::ArchitectureDot(a), HasSubstr("#d00000"));
}

// A plan written by hand with names Apex never uses: what is drawn comes from the types and inputs.
PlannedResource Make(std::string type, std::string name, PropertyMap inputs, PropertyMap outputs, std::string id) {
  outputs.insert(inputs.begin(), inputs.end());
  return PlannedResource{.urn = "urn:pulumi:t::p::" + type + "::" + name,
                         .type = std::move(type),
                         .name = name,
                         .parent_urn = "",
                         .custom = true,
                         .read = false,
                         .inputs = std::move(inputs),
                         .id = std::move(id),
                         .outputs = std::move(outputs)};
}

TEST(ArchitectureTest, FollowsTypesAndInputsNotNames) {
  apex::plan::Plan plan{.stack = "t", .projects = {}};
  apex::plan::ProjectPlan p{.project = "shop",
                            .stack = "t",
                            .qualified_name = "o/shop/t",
                            .resources = {},
                            .outputs = {},
                            .references = {},
                            .warnings = {}};
  p.resources.push_back(
      Make("gcp:compute/network:Network", "net", {{"name", "blue"}}, {}, "projects/x/global/networks/blue"));
  p.resources.push_back(Make(
      "gcp:sql/databaseInstance:DatabaseInstance", "db",
      {{"name", "orders"},
       {"settings", PropertyMap{{"ipConfiguration", PropertyMap{{"privateNetwork", "projects/x/global/networks/blue"},
                                                                {"ipv4Enabled", false}}}}}},
      {{"privateIpAddress", "10.9.0.7"}}, "orders"));
  p.resources.push_back(Make("gcp:sql/user:User", "u",
                             {{"name", "cart@x.iam"}, {"instance", "orders"}, {"type", "CLOUD_IAM_SERVICE_ACCOUNT"}},
                             {}, "cart@x.iam//orders"));
  p.resources.push_back(
      Make("gcp:secretmanager/secret:Secret", "s", {{"secretId", "stripe-key"}}, {}, "projects/x/secrets/stripe-key"));
  auto service = [](std::string name, PropertyArray envs) {
    return Make("gcp:cloudrunv2/service:Service", name,
                {{"name", name},
                 {"ingress", "INGRESS_TRAFFIC_ALL"},
                 {"template", PropertyMap{{"serviceAccount", name + "@x.iam.gserviceaccount.com"},
                                          {"containers", PropertyArray{PropertyMap{{"image", "r/" + name + ":1"},
                                                                                   {"envs", std::move(envs)}}}}}}},
                {{"uri", "https://" + name + "-1.a.run.app"}}, "projects/x/locations/a/services/" + name);
  };
  p.resources.push_back(
      service("front", PropertyArray{PropertyMap{{"name", "CART"}, {"value", "https://cart-1.a.run.app"}}}));
  p.resources.push_back(service(
      "cart", PropertyArray{
                  PropertyMap{{"name", "DB"}, {"value", "10.9.0.7"}},
                  PropertyMap{{"name", "PGSSLMODE"}, {"value", "verify-full"}},
                  PropertyMap{{"name", "KEY"},
                              {"valueSource", PropertyMap{{"secretKeyRef", PropertyMap{{"secret", "stripe-key"}}}}}}}));
  p.resources.push_back(Make("gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "pub",
                             {{"name", "front"}, {"role", "roles/run.invoker"}, {"member", "allUsers"}}, {}, "pub"));
  p.resources.push_back(Make(
      "gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "inv",
      {{"name", "cart"}, {"role", "roles/run.invoker"}, {"member", "serviceAccount:front@x.iam.gserviceaccount.com"}},
      {}, "inv"));
  plan.projects.push_back(std::move(p));

  auto a = apex::plan::BuildArchitecture(plan);
  EXPECT_EQ(EdgesOf(a, EdgeKind::kRequest),
            (EdgeSet{{"internet", "url:front-1.a.run.app", "HTTPS"}, {"url:front-1.a.run.app", "run:front", ""}}));
  EXPECT_EQ(EdgesOf(a, EdgeKind::kCall), (EdgeSet{{"run:front", "run:cart", "HTTPS, run.invoker"}}));
  EXPECT_EQ(EdgesOf(a, EdgeKind::kData), (EdgeSet{{"run:cart", "sql:orders", "TLS verify-full, IAM auth"}}));
  EXPECT_EQ(EdgesOf(a, EdgeKind::kSecretRead),
            (EdgeSet{{"run:cart", "secret:stripe-key", "secret (no accessor grant)"}}));
  EXPECT_EQ(a.Node("sql:orders")->cluster, "vpc:blue");
  EXPECT_THAT(a.Node("sql:orders")->details, Contains("no public IP"));
  EXPECT_EQ(a.Node("secret:stripe-key")->project, "shop");
}

TEST(ArchitectureTest, EndpointsAreReadFromEnvValues) {
  using apex::plan::arch::EndpointOf;
  EXPECT_EQ(EndpointOf("bolt://10.10.0.1:7687").host, "10.10.0.1");
  EXPECT_EQ(EndpointOf("bolt://10.10.0.1:7687").port, "7687");
  EXPECT_EQ(EndpointOf("bolt://10.10.0.1:7687").scheme, "bolt");
  EXPECT_EQ(EndpointOf("https://a-1.run.app/v1?x=1").host, "a-1.run.app");
  EXPECT_EQ(EndpointOf("ns.tmprl.cloud:7233").port, "7233");
  EXPECT_EQ(EndpointOf("10.100.0.12").host, "10.100.0.12");
  EXPECT_EQ(EndpointOf("/secrets/ca/server-ca.pem").host, "");
  EXPECT_EQ(EndpointOf("GRANT CONNECT ON DATABASE x").host, "");
  EXPECT_EQ(EndpointOf("").host, "");
  EXPECT_EQ(apex::plan::arch::SecretIdOf("projects/p/secrets/apex-db-redis-auth"), "apex-db-redis-auth");
  EXPECT_EQ(apex::plan::arch::SecretIdOf("apex-temporal-api-key"), "apex-temporal-api-key");
}

TEST(ArchitectureTest, ApexPlanWritesAndReportsBothDiagrams) {
  auto dir = std::filesystem::path(::testing::TempDir()) / "apex-architecture-test";
  std::filesystem::remove_all(dir);
  std::ostringstream out, err;
  ASSERT_EQ(apex::plan::Main({"--stack", "prod", "--out", dir.string()}, out, err), apex::plan::kExitOk) << err.str();
  auto dot = dir / "plan-prod-architecture.dot";
  auto svg = dir / "plan-prod-architecture.svg";
  EXPECT_THAT(out.str(), HasSubstr("  inventory:    " + (dir / "plan-prod.svg").string() + "\n"));
  EXPECT_THAT(out.str(), HasSubstr("  architecture: " + svg.string() + "\n"));
  ASSERT_TRUE(std::filesystem::exists(dot));
  ASSERT_TRUE(std::filesystem::exists(dir / "plan-prod.svg")) << "the inventory stays";
  std::ifstream file(svg);
  std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  EXPECT_THAT(text, HasSubstr("</svg>"));
  EXPECT_THAT(text, HasSubstr("<title>cluster_vpc:apex&#45;vpc</title>"));
  EXPECT_THAT(text, Not(HasSubstr("&lt;secret ")));

  std::ostringstream out2, err2;
  ASSERT_EQ(apex::plan::Main({"--stack", "dev", "--out", dir.string(), "--no-svg"}, out2, err2), apex::plan::kExitOk);
  EXPECT_THAT(out2.str(),
              HasSubstr("  architecture: " + (dir / "plan-dev-architecture.dot").string() + " (no SVG: --no-svg)"));
  EXPECT_FALSE(std::filesystem::exists(dir / "plan-dev-architecture.svg"));
}

}  // namespace
