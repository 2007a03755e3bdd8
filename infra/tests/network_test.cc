// apex-network through the mocks, for every stack: the resources, their parents, and the properties that
// make the network private.
#include "apex/testing/projects.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using ::pulumi::PropertyArray;
using ::pulumi::PropertyMap;
using ::pulumi::PropertyValue;

class NetworkTest : public ::testing::TestWithParam<std::string> {};

TEST_P(NetworkTest, ACustomVpcWithAPrivateSubnetNatAndPrivateServiceAccess) {
  auto run = apex::testing::RunStack("apex-network", GetParam());
  ASSERT_EQ(run.exit_code, 0);
  auto const& d = *run.deployment;
  auto component = d.Find("apex:network:Network", "apex");
  ASSERT_TRUE(component);

  auto vpc = d.Find("gcp:compute/network:Network", "apex-vpc");
  ASSERT_TRUE(vpc);
  EXPECT_EQ(vpc->parent, component->urn);
  EXPECT_EQ(vpc->inputs.at("autoCreateSubnetworks"), PropertyValue(false));
  EXPECT_EQ(vpc->version, "9.37.0");

  auto subnet = d.Find("gcp:compute/subnetwork:Subnetwork", "apex-subnet");
  ASSERT_TRUE(subnet);
  EXPECT_EQ(subnet->parent, component->urn);
  EXPECT_EQ(subnet->inputs.at("privateIpGoogleAccess"), PropertyValue(true));
  EXPECT_TRUE(subnet->inputs.at("logConfig").is_object()) << "flow logs on every subnet";
  std::string const cidr = GetParam() == "dev" ? "10.10.0.0/20" : GetParam() == "staging" ? "10.20.0.0/20" : "10.30.0.0/20";
  EXPECT_EQ(subnet->inputs.at("ipCidrRange"), PropertyValue(cidr));

  auto psa = d.Find("gcp:compute/globalAddress:GlobalAddress", "apex-psa-range");
  ASSERT_TRUE(psa);
  EXPECT_EQ(psa->inputs.at("purpose"), PropertyValue("VPC_PEERING"));
  EXPECT_EQ(psa->inputs.at("prefixLength"), PropertyValue(16));
  auto labels = psa->inputs.at("labels").AsObject();
  EXPECT_EQ(labels.at("environment"), PropertyValue(GetParam()));
  EXPECT_EQ(labels.at("managed-by"), PropertyValue("pulumi"));

  auto connection = d.Find("gcp:servicenetworking/connection:Connection", "apex-psa-connection");
  ASSERT_TRUE(connection);
  EXPECT_EQ(connection->inputs.at("reservedPeeringRanges"), PropertyValue(PropertyArray{"apex-psa-range"}));
  // Destroy works: the peering that Cloud SQL and Memorystore hold on to is abandoned, not deleted.
  EXPECT_EQ(connection->inputs.at("deletionPolicy"), PropertyValue("ABANDON"));

  // Two rules, each with a user: traffic inside the subnet, and SSH through IAP for the VMs' operators. No rule
  // for Google's health checkers, since nothing is health-checked.
  auto firewalls = d.OfType("gcp:compute/firewall:Firewall");
  std::vector<std::string> names;
  for (auto const& fw : firewalls) names.push_back(fw.name);
  EXPECT_THAT(names, ::testing::UnorderedElementsAre("apex-allow-internal", "apex-allow-iap-ssh"));
  // No firewall rule admits the internet.
  for (auto const& fw : firewalls) {
    for (auto const& range : fw.inputs.at("sourceRanges").AsArray()) {
      EXPECT_NE(range, PropertyValue("0.0.0.0/0")) << fw.name;
    }
  }
  auto outputs = d.stack_outputs();
  EXPECT_EQ(outputs.at("networkId"), PropertyValue("projects/" + run.config.config.at("gcp:project") + "/global/networks/apex-vpc"));
}

INSTANTIATE_TEST_SUITE_P(Stacks, NetworkTest, ::testing::Values("dev", "staging", "prod"));

std::string Errors(pulumi::mocks::MockDeployment const& d) { return apex::testing::LogText(d); }

TEST(NetworkConfigTest, BadValuesFailNamingTheKeyAndTheStackFileBeforeAnythingIsRegistered) {
  struct Case {
    char const* line;
    char const* replacement;
    char const* message;
  };
  for (auto const& c : std::vector<Case>{
           {"apex:subnetCidr: 10.30.0.0/20", "apex:subnetCidr: 10.30.0.0", "'apex:subnetCidr': '10.30.0.0' is not a CIDR range"},
           {"apex:psaPrefixLength: \"16\"", "apex:psaPrefixLength: \"30\"", "'apex:psaPrefixLength': 30 is outside 8..24"},
           {"apex:flowLogSampling: \"1.0\"", "apex:flowLogSampling: \"0\"", "'apex:flowLogSampling': must be in (0, 1]"},
           {"apex:environment: prod", "apex:environment: production", "'apex:environment': 'production' is not one of dev, staging, prod"},
           {"  apex:costCenter: apex-memory\n", "", "Missing required configuration variable 'apex:costCenter'"}}) {
    auto run = apex::testing::RunStackEdited("apex-network", "prod", apex::testing::ReplaceText(c.line, c.replacement));
    EXPECT_NE(run.exit_code, 0) << c.line;
    EXPECT_THAT(Errors(*run.deployment), ::testing::HasSubstr(c.message)) << c.line;
    EXPECT_THAT(Errors(*run.deployment), ::testing::HasSubstr("Pulumi.prod.yaml")) << c.line;
    EXPECT_TRUE(run.deployment->OfType("gcp:compute/network:Network").empty()) << c.line;
  }
}

}  // namespace
