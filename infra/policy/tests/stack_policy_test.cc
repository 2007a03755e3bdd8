// network-defines-firewalls: a stack policy over all resources' outputs (CKV2_GCP_18).
#include "policy_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace apex::policy::testing_util {
namespace {

namespace pp = ::pulumi::policy;
using ::pulumi::PropertyMap;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

pp::AnalyzerResource Network(std::string const& name) {
  return Resource(
      "gcp:compute/network:Network",
      {{"name", name}, {"selfLink", "https://www.googleapis.com/compute/v1/projects/p/global/networks/" + name}}, name);
}

pp::AnalyzerResource Firewall(std::string const& network) {
  return Resource("gcp:compute/firewall:Firewall", {{"name", "allow-internal"}, {"network", network}}, "fw");
}

TEST(StackPolicyTest, NetworkWithItsFirewallPasses) {
  auto diagnostics = AnalyzerFor("prod").AnalyzeStack(
      {Network("apex-vpc"), Firewall("https://www.googleapis.com/compute/v1/projects/p/global/networks/apex-vpc")});
  EXPECT_THAT(Of("network-defines-firewalls", diagnostics), IsEmpty());
}

TEST(StackPolicyTest, NetworkWithoutFirewallViolates) {
  auto other = Network("apex-vpc-2");
  auto diagnostics =
      AnalyzerFor("prod").AnalyzeStack({Network("apex-vpc"), other, Firewall("projects/p/global/networks/apex-vpc")});
  auto found = Of("network-defines-firewalls", diagnostics);
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_THAT(found[0].message, HasSubstr("network apex-vpc-2 has no firewall rule in this stack"));
  EXPECT_EQ(found[0].urn, other.urn);
  EXPECT_EQ(found[0].enforcement_level, pp::EnforcementLevel::kMandatory);
}

TEST(StackPolicyTest, AdvisoryOnDevAndSilentWithoutNetworks) {
  auto found = Of("network-defines-firewalls", AnalyzerFor("dev").AnalyzeStack({Network("apex-vpc")}));
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].enforcement_level, pp::EnforcementLevel::kAdvisory);
  EXPECT_THAT(AnalyzerFor("dev").AnalyzeStack({Firewall("apex-vpc")}), IsEmpty());
}

}  // namespace
}  // namespace apex::policy::testing_util
