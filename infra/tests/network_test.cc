// apex-network through the mocks, for every stack: the APIs it enables, the resources, their parents, the
// properties that make the network private, the firewall rules and their ports, the image repository, and the
// refusal of a project that still has the `default` network.
#include "apex/gcp_mocks/gcp_mocks.h"
#include "apex/gcp_mocks/projects.h"
#include "apex/gcp_mocks/stack_config.h"
#include "apex/stack_outputs.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace {

using ::pulumi::PropertyArray;
using ::pulumi::PropertyMap;
using ::pulumi::PropertyValue;
using ::testing::HasSubstr;

namespace outputs = apex::outputs;

constexpr char kFirewall[] = "gcp:compute/firewall:Firewall";
constexpr char kService[] = "gcp:projects/service:Service";
constexpr char kRepository[] = "gcp:artifactregistry/repository:Repository";

std::string ProjectOf(std::string const& stack) {
  return stack == "dev" ? "apex-dev-123456" : stack == "staging" ? "apex-staging-345678" : "apex-prod-789012";
}
std::string CidrOf(std::string const& stack) {
  return stack == "dev" ? "10.10.0.0/20" : stack == "staging" ? "10.20.0.0/20" : "10.30.0.0/20";
}

class NetworkTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    run_ = apex::gcp_mocks::RunStack("apex-network", GetParam());
    ASSERT_EQ(run_.exit_code, 0) << apex::gcp_mocks::LogText(*run_.deployment);
  }
  pulumi::mocks::MockDeployment const& d() const { return *run_.deployment; }
  std::string project() const { return ProjectOf(GetParam()); }
  apex::gcp_mocks::StackRun run_;
};

TEST_P(NetworkTest, ACustomVpcWithAPrivateSubnetNatAndPrivateServiceAccess) {
  auto component = d().Find("apex:network:Network", "apex");
  ASSERT_TRUE(component);

  auto vpc = d().Find("gcp:compute/network:Network", "apex-vpc");
  ASSERT_TRUE(vpc);
  EXPECT_EQ(vpc->parent, component->urn);
  EXPECT_EQ(vpc->inputs.at("autoCreateSubnetworks"), PropertyValue(false));
  EXPECT_EQ(vpc->inputs.at("project"), PropertyValue(project()));
  EXPECT_EQ(vpc->version, PULUMI_CPP_GCP_VERSION);

  auto subnet = d().Find("gcp:compute/subnetwork:Subnetwork", "apex-subnet");
  ASSERT_TRUE(subnet);
  EXPECT_EQ(subnet->parent, component->urn);
  EXPECT_EQ(subnet->inputs.at("privateIpGoogleAccess"), PropertyValue(true));
  EXPECT_TRUE(subnet->inputs.at("logConfig").is_object()) << "flow logs on every subnet";
  EXPECT_EQ(subnet->inputs.at("ipCidrRange"), PropertyValue(CidrOf(GetParam())));

  auto psa = d().Find("gcp:compute/globalAddress:GlobalAddress", "apex-psa-range");
  ASSERT_TRUE(psa);
  EXPECT_EQ(psa->inputs.at("purpose"), PropertyValue("VPC_PEERING"));
  EXPECT_EQ(psa->inputs.at("prefixLength"), PropertyValue(16));
  auto labels = psa->inputs.at("labels").AsObject();
  EXPECT_EQ(labels.at("environment"), PropertyValue(GetParam()));
  EXPECT_EQ(labels.at("managed-by"), PropertyValue("pulumi"));

  auto connection = d().Find("gcp:servicenetworking/connection:Connection", "apex-psa-connection");
  ASSERT_TRUE(connection);
  EXPECT_EQ(connection->inputs.at("reservedPeeringRanges"), PropertyValue(PropertyArray{"apex-psa-range"}));
  // Destroy works: the peering that Cloud SQL and Memorystore hold on to is abandoned, not deleted.
  EXPECT_EQ(connection->inputs.at("deletionPolicy"), PropertyValue("ABANDON"));

  auto out = d().stack_outputs();
  EXPECT_EQ(out.at(outputs::kNetworkId), PropertyValue("projects/" + project() + "/global/networks/apex-vpc"));
}

// Issue #11, point 5: the stack enables what it calls, and what calls an API waits for it.
TEST_P(NetworkTest, EnablesTheApisItUsesAndEveryResourceWaitsForThem) {
  std::vector<std::string> api_urns;
  for (auto const& [name, api] :
       std::vector<std::pair<std::string, std::string>>{{"api-compute", "compute.googleapis.com"},
                                                        {"api-servicenetworking", "servicenetworking.googleapis.com"},
                                                        {"api-artifactregistry", "artifactregistry.googleapis.com"}}) {
    auto service = d().Find(kService, name);
    ASSERT_TRUE(service) << name;
    EXPECT_EQ(service->inputs, (PropertyMap{{"disableDependentServices", false},
                                            {"disableOnDestroy", false},
                                            {"project", project()},
                                            {"service", api}}));
    api_urns.push_back(service->urn);
  }
  EXPECT_EQ(d().OfType(kService).size(), 3u);
  int waiting = 0;
  for (auto const& r : d().resources()) {
    if (r.type.rfind("gcp:", 0) != 0 || r.type == kService) continue;
    for (auto const& urn : api_urns) {
      EXPECT_THAT(r.dependencies, ::testing::Contains(urn)) << r.name;
    }
    ++waiting;
  }
  EXPECT_EQ(waiting, 10);  // VPC, subnet, router, NAT, three firewall rules, PSA range and connection, repository
}

// Issue #11, points 1 and 6: each rule opens exactly what a data VM serves, to the subnet only, and has a user.
TEST_P(NetworkTest, FirewallRulesOpenExactlyTheDataVmPortsToTheSubnet) {
  auto firewalls = d().OfType(kFirewall);
  std::vector<std::string> names;
  for (auto const& fw : firewalls) names.push_back(fw.name);
  EXPECT_THAT(names, ::testing::UnorderedElementsAre("apex-allow-neo4j", "apex-allow-qdrant", "apex-allow-iap-ssh"));
  struct Rule {
    std::string name;
    PropertyArray ports, sources, tags;
  };
  std::string const network = "projects/" + project() + "/global/networks/apex-vpc";
  for (auto const& want : std::vector<Rule>{{"apex-allow-neo4j", {"7474", "7687"}, {CidrOf(GetParam())}, {"neo4j"}},
                                            {"apex-allow-qdrant", {"6333", "6334"}, {CidrOf(GetParam())}, {"qdrant"}},
                                            {"apex-allow-iap-ssh", {"22"}, {"35.235.240.0/20"}, {"neo4j", "qdrant"}}}) {
    auto fw = d().Find(kFirewall, want.name);
    ASSERT_TRUE(fw) << want.name;
    EXPECT_EQ(fw->inputs,
              (PropertyMap{{"allows", PropertyArray{PropertyMap{{"ports", want.ports}, {"protocol", "tcp"}}}},
                           {"direction", "INGRESS"},
                           {"logConfig", PropertyMap{{"metadata", "INCLUDE_ALL_METADATA"}}},
                           {"name", want.name},
                           {"network", network},
                           {"priority", 1000},
                           {"sourceRanges", want.sources},
                           {"targetTags", want.tags}}))
        << want.name;
  }
}

// Issue #11, point 5: the repository of the images, cleaned up, with immutable tags in prod.
TEST_P(NetworkTest, AnArtifactRegistryRepositoryForTheImages) {
  struct Tier {
    int keep;
    std::string older_than;
    bool immutable;
  };
  Tier t = GetParam() == "dev"       ? Tier{5, "259200s", false}
           : GetParam() == "staging" ? Tier{10, "604800s", false}
                                     : Tier{20, "1209600s", true};
  auto component = d().Find("apex:network:Network", "apex");
  auto repo = d().Find(kRepository, "apex-images");
  ASSERT_TRUE(component && repo);
  EXPECT_EQ(repo->parent, component->urn);
  EXPECT_EQ(d().OfType(kRepository).size(), 1u);
  auto labels = repo->inputs.at("labels");
  EXPECT_EQ(labels.AsObject().at("environment"), PropertyValue(GetParam()));
  EXPECT_EQ(
      repo->inputs,
      (PropertyMap{
          {"cleanupPolicies",
           PropertyArray{PropertyMap{{"action", "KEEP"},
                                     {"id", "keep-most-recent"},
                                     {"mostRecentVersions", PropertyMap{{"keepCount", t.keep}}}},
                         PropertyMap{{"action", "DELETE"},
                                     {"condition", PropertyMap{{"olderThan", t.older_than}, {"tagState", "UNTAGGED"}}},
                                     {"id", "delete-untagged"}}}},
          {"cleanupPolicyDryRun", false},
          {"description", "Apex Memory System container images (" + GetParam() + ")"},
          {"dockerConfig", PropertyMap{{"immutableTags", t.immutable}}},
          {"format", "DOCKER"},
          {"labels", labels},
          {"location", "us-central1"},
          {"project", project()},
          {"repositoryId", "apex"}}));
  // registryUri is computed by the mocks' model (gcpsim/model) from the location, project and repository id.
  EXPECT_EQ(d().stack_outputs().at(outputs::kImageRegistry),
            PropertyValue("us-central1-docker.pkg.dev/" + project() + "/apex"));
}

// Policy row 24: the project's networks are listed once Compute Engine is enabled, for the stack's project.
TEST_P(NetworkTest, ListsTheProjectsNetworksAndFindsNoDefault) {
  std::vector<pulumi::mocks::InvokeRecord> lists;
  for (auto const& i : d().invokes()) {
    if (i.token == "gcp:compute/getNetworks:getNetworks") lists.push_back(i);
  }
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_EQ(lists[0].args, (PropertyMap{{"project", project()}}));
}

INSTANTIATE_TEST_SUITE_P(Stacks, NetworkTest, ::testing::Values("dev", "staging", "prod"));

// GcpMocks for a project that still has the networks Compute Engine creates when it is first enabled.
class ProjectWithDefaultNetwork : public apex::gcp_mocks::GcpMocks {
 public:
  using GcpMocks::GcpMocks;
  PropertyMap Call(pulumi::mocks::MockCallArgs const& args) override {
    if (args.token == "gcp:compute/getNetworks:getNetworks") {
      return {{"networks", PropertyArray{"default", "legacy-vpc"}}, {"project", args.args.at("project")}};
    }
    return GcpMocks::Call(args);
  }
};

TEST(NetworkDefaultNetworkTest, AProjectWithTheDefaultNetworkIsRefusedAndNothingIsCreatedInIt) {
  for (std::string stack : {"dev", "staging", "prod"}) {
    auto config = apex::gcp_mocks::LoadStackConfig(apex::gcp_mocks::ProjectDirectory("apex-network"), stack);
    pulumi::mocks::MockDeployment d(std::make_shared<ProjectWithDefaultNetwork>(config.GcpProject(), config.Region()),
                                    apex::gcp_mocks::MockOptionsFor(config, /*dry_run=*/true));
    EXPECT_NE(d.Run(apex::gcp_mocks::FindProject("apex-network").program), 0) << stack;
    std::string const project = ProjectOf(stack);
    EXPECT_THAT(apex::gcp_mocks::LogText(d),
                HasSubstr("project " + project +
                          " still has the auto-created 'default' network, which policy row 24 "
                          "forbids (its firewall rules admit SSH, RDP and ICMP from anywhere). Delete it, then run "
                          "again: gcloud compute networks delete default --project " +
                          project))
        << stack;
    // Only the APIs are enabled (listing the networks needs Compute Engine); nothing is created in the project.
    for (auto const& r : d.resources()) {
      if (r.type.rfind("gcp:", 0) == 0) {
        EXPECT_EQ(r.type, kService) << r.name;
      }
    }
  }
}

std::string Errors(pulumi::mocks::MockDeployment const& d) { return apex::gcp_mocks::LogText(d); }

TEST(NetworkConfigTest, BadValuesFailNamingTheKeyAndTheStackFileBeforeAnythingIsRegistered) {
  struct Case {
    char const* line;
    char const* replacement;
    char const* message;
  };
  for (auto const& c : std::vector<Case>{
           {"apex:subnetCidr: 10.30.0.0/20", "apex:subnetCidr: 10.30.0.0",
            "'apex:subnetCidr': '10.30.0.0' is not a CIDR range"},
           {"apex:psaPrefixLength: \"16\"", "apex:psaPrefixLength: \"30\"",
            "'apex:psaPrefixLength': 30 is outside 8..24"},
           {"apex:flowLogSampling: \"1.0\"", "apex:flowLogSampling: \"0\"",
            "'apex:flowLogSampling': must be in (0, 1]"},
           {"apex:imageKeepCount: \"20\"", "apex:imageKeepCount: \"0\"", "'apex:imageKeepCount': 0 is outside 1..100"},
           {"apex:untaggedImageRetentionDays: \"14\"", "apex:untaggedImageRetentionDays: \"400\"",
            "'apex:untaggedImageRetentionDays': 400 is outside 1..365"},
           {"apex:environment: prod", "apex:environment: production",
            "'apex:environment': 'production' is not one of dev, staging, prod"},
           {"  apex:costCenter: apex-memory\n", "", "Missing required configuration variable 'apex:costCenter'"}}) {
    auto run =
        apex::gcp_mocks::RunStackEdited("apex-network", "prod", apex::gcp_mocks::ReplaceText(c.line, c.replacement));
    EXPECT_NE(run.exit_code, 0) << c.line;
    EXPECT_THAT(Errors(*run.deployment), HasSubstr(c.message)) << c.line;
    EXPECT_THAT(Errors(*run.deployment), HasSubstr("Pulumi.prod.yaml")) << c.line;
    EXPECT_TRUE(run.deployment->OfType("gcp:compute/network:Network").empty()) << c.line;
  }
}

}  // namespace
