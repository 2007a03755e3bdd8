// The pack as a whole: every policy names its checks, the names follow the rules, the prod decision, and the
// levels a stack gets before any config.
#include "policy_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace apex::policy {
namespace {

namespace pp = ::pulumi::policy;
using ::testing::HasSubstr;

TEST(PackTest, EveryDescriptionNamesACheck) {
  // checkov, checkov graph, tfsec/trivy, AVD, or the project rules of policy-checks.md (README.md numbers them).
  std::regex const check_id(R"(CKV2?_GCP_\d+|google-[a-z0-9-]+|AVD-GCP-\d{4}|APEX-\d+)");
  auto pack = MakeApexPolicyPack(OptionsFor("prod", std::nullopt));
  for (auto const& policy : pack.policies()) {
    std::string const description = std::visit([](auto const& p) { return p.description; }, policy);
    EXPECT_TRUE(std::regex_search(description, check_id)) << pp::NameOf(policy) << ": " << description;
  }
}

TEST(PackTest, NamesAreUniqueKebabCase) {
  std::regex const kebab("[a-z0-9]+(-[a-z0-9]+)*");
  std::set<std::string> seen;
  auto pack = MakeApexPolicyPack(OptionsFor("prod", std::nullopt));
  EXPECT_EQ(pack.name(), "apex-policy");
  EXPECT_EQ(pack.version(), "1.0.0");
  EXPECT_GE(pack.policies().size(), 40u);
  for (auto const& policy : pack.policies()) {
    auto const& name = pp::NameOf(policy);
    EXPECT_TRUE(std::regex_match(name, kebab)) << name;
    EXPECT_TRUE(seen.insert(name).second) << name << " twice";
  }
}

TEST(PackTest, ConstructorRefusesInvalidPacks) {
  auto noop = [](pp::ResourceValidationArgs const&) {};
  auto policy = [&](std::string name) {
    return pp::ResourceValidationPolicy{.name = std::move(name), .description = "d (APEX-1)", .validate = noop};
  };
  EXPECT_NO_THROW(pp::PolicyPack("apex-policy", "1.0.0", {policy("a")}));
  EXPECT_THROW(pp::PolicyPack("apex-policy", "1.0.0", {policy("all")}), std::invalid_argument);
  EXPECT_THROW(pp::PolicyPack("apex-policy", "1.0.0", {policy("a"), policy("a")}), std::invalid_argument);
  EXPECT_THROW(pp::PolicyPack("apex policy!", "1.0.0", {policy("a")}), std::invalid_argument);
  auto reserved = policy("b");
  reserved.config_schema = pp::ConfigSchema{.properties = {{"enforcementLevel", {{"type", "string"}}}}};
  EXPECT_THROW(pp::PolicyPack("apex-policy", "1.0.0", {reserved}), std::invalid_argument);
  EXPECT_THROW(pp::PolicyPack("apex-policy", "1.0.0", {pp::ResourceValidationPolicy{.name = "c", .description = "d"}}),
               std::invalid_argument);
}

TEST(PackTest, ProdIsTheStackNamedProd) {
  EXPECT_TRUE(OptionsFor("prod", std::nullopt).prod);
  EXPECT_TRUE(OptionsFor("organization/apex-databases/prod", std::nullopt).prod);
  EXPECT_TRUE(OptionsFor("apex-prod", std::nullopt).prod);
  EXPECT_FALSE(OptionsFor("nonprod", std::nullopt).prod);
  EXPECT_FALSE(OptionsFor("dev", std::nullopt).prod);
  EXPECT_FALSE(OptionsFor("staging", std::nullopt).prod);
  EXPECT_EQ(OptionsFor("organization/apex-network/staging", std::nullopt).environment, "staging");
}

TEST(PackTest, ApexEnvironmentConfigDecides) {
  auto options = OptionsFor("eu-main", std::string("prod"));
  EXPECT_TRUE(options.prod);
  EXPECT_EQ(options.environment, "prod");
  EXPECT_FALSE(OptionsFor("prod", std::string("dev")).prod);
  EXPECT_TRUE(OptionsFor("prod", std::string("")).prod);
}

TEST(PackTest, ValidationPoliciesAreMandatoryOnProdAdvisoryElsewhere) {
  for (auto const& [stack, level] :
       {std::pair{"prod", pp::EnforcementLevel::kMandatory}, std::pair{"staging", pp::EnforcementLevel::kAdvisory},
        std::pair{"dev", pp::EnforcementLevel::kAdvisory}}) {
    auto analyzer = testing_util::AnalyzerFor(stack);
    for (auto const& policy : analyzer.pack().policies()) {
      if (std::holds_alternative<pp::ResourceRemediationPolicy>(policy)) continue;
      EXPECT_EQ(analyzer.LevelOf(policy), level) << stack << " " << pp::NameOf(policy);
    }
  }
}

TEST(PackTest, RemediationIsOffUntilConfigured) {
  for (char const* stack : {"prod", "dev"}) {
    auto analyzer = testing_util::AnalyzerFor(stack);
    for (auto const& policy : analyzer.pack().policies()) {
      if (!std::holds_alternative<pp::ResourceRemediationPolicy>(policy)) continue;
      EXPECT_EQ(pp::NameOf(policy), "labels-remediate");
      EXPECT_EQ(analyzer.LevelOf(policy), pp::EnforcementLevel::kDisabled);
    }
  }
}

}  // namespace
}  // namespace apex::policy
