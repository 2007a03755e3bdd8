// Every resource validation policy on its passing and violating resources (policy_cases.cc), on a prod stack,
// where it is mandatory, and on a dev stack, where it is advisory (the prod-only rules stay silent there).
#include "policy_cases.h"
#include "policy_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <set>

namespace apex::policy::testing_util {
namespace {

using ::pulumi::policy::Diagnostic;
using ::pulumi::policy::EnforcementLevel;
using ::testing::HasSubstr;

bool ProdOnly(std::string const& policy) {
  return policy.starts_with("prod-") || policy.find("-prod-") != std::string::npos;
}

std::string CaseName(::testing::TestParamInfo<PolicyCase> const& info) {
  std::string name = info.param.policy + "_" + info.param.what;
  for (char& c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = '_';
  }
  return name + "_" + std::to_string(info.index);
}

std::string Messages(std::vector<Diagnostic> const& diagnostics) {
  std::string out;
  for (auto const& d : diagnostics) out += d.policy_name + ": " + d.message + "\n";
  return out;
}

class PolicyCaseTest : public ::testing::TestWithParam<PolicyCase> {};

TEST_P(PolicyCaseTest, MandatoryOnProd) {
  auto const& c = GetParam();
  auto diagnostics = Of(c.policy, AnalyzerFor("prod").AnalyzeResource(c.resource));
  if (!c.violates) {
    EXPECT_TRUE(diagnostics.empty()) << Messages(diagnostics);
    return;
  }
  ASSERT_FALSE(diagnostics.empty()) << "no violation of " << c.policy;
  bool found = false;
  for (auto const& d : diagnostics) {
    EXPECT_EQ(d.enforcement_level, EnforcementLevel::kMandatory) << d.message;
    EXPECT_EQ(d.urn, c.resource.urn);
    // The engine's form: the description, a newline, what is wrong.
    EXPECT_EQ(d.message.rfind(d.description + "\n", 0), 0u) << d.message;
    found = found || d.message.find(c.message) != std::string::npos;
  }
  EXPECT_TRUE(found) << "expected \"" << c.message << "\" in\n" << Messages(diagnostics);
}

TEST_P(PolicyCaseTest, AdvisoryElsewhere) {
  auto const& c = GetParam();
  auto diagnostics = Of(c.policy, AnalyzerFor("dev").AnalyzeResource(c.resource));
  if (!c.violates || ProdOnly(c.policy)) {
    EXPECT_TRUE(diagnostics.empty()) << Messages(diagnostics);
    return;
  }
  ASSERT_FALSE(diagnostics.empty());
  for (auto const& d : diagnostics) EXPECT_EQ(d.enforcement_level, EnforcementLevel::kAdvisory) << d.message;
}

INSTANTIATE_TEST_SUITE_P(Cases, PolicyCaseTest, ::testing::ValuesIn(PolicyCases()), CaseName);

TEST(PolicyCasesTest, EveryResourcePolicyPassesAndViolates) {
  std::set<std::string> passing;
  std::set<std::string> violating;
  for (auto const& c : PolicyCases()) (c.violates ? violating : passing).insert(c.policy);
  auto pack = MakeApexPolicyPack(OptionsFor("prod", std::nullopt));
  for (auto const& policy : pack.policies()) {
    if (!std::holds_alternative<pulumi::policy::ResourceValidationPolicy>(policy)) continue;
    auto const& name = pulumi::policy::NameOf(policy);
    EXPECT_TRUE(passing.contains(name)) << name << " has no passing case";
    EXPECT_TRUE(violating.contains(name)) << name << " has no violating case";
  }
}

TEST(PolicyCasesTest, CompliantApexResourcesPassEveryPolicyOnProd) {
  auto analyzer = AnalyzerFor("prod");
  for (auto const& resource : CompliantResources()) {
    auto diagnostics = analyzer.AnalyzeResource(resource);
    EXPECT_TRUE(diagnostics.empty()) << resource.type << " " << resource.name << ":\n" << Messages(diagnostics);
  }
}

}  // namespace
}  // namespace apex::policy::testing_util
