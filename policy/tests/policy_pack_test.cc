#include "pulumi/policy/policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace pulumi::policy {
namespace {

using ::testing::HasSubstr;

ResourceValidationPolicy Named(std::string name) {
  return {.name = std::move(name), .description = "d", .validate = [](ResourceValidationArgs const&) {}};
}

std::string ErrorOf(std::function<void()> const& fn) {
  try {
    fn();
  } catch (std::invalid_argument const& e) {
    return e.what();
  }
  return "";
}

TEST(PolicyPackTest, AcceptsAValidPackAndGivesPoliciesThePackLevelByDefault) {
  PolicyPack pack("apex.prod-guard_1", "1.2.3",
                  {Named("a"), ResourceValidationPolicy{.name = "b",
                                                        .enforcement_level = EnforcementLevel::kMandatory,
                                                        .validate = [](ResourceValidationArgs const&) {}}},
                  EnforcementLevel::kAdvisory);
  EXPECT_EQ(pack.name(), "apex.prod-guard_1");
  EXPECT_EQ(pack.version(), "1.2.3");
  ASSERT_EQ(pack.policies().size(), 2u);
  EXPECT_EQ(pack.DefaultLevel(pack.policies()[0]), EnforcementLevel::kAdvisory);
  EXPECT_EQ(pack.DefaultLevel(pack.policies()[1]), EnforcementLevel::kMandatory);
  EXPECT_EQ(NameOf(pack.policies()[1]), "b");
}

TEST(PolicyPackTest, ARemediationPolicyRemediatesUnlessItSaysOtherwise) {
  auto fix = [](ResourceRemediationArgs const&) -> std::optional<PropertyMap> { return std::nullopt; };
  PolicyPack pack(
      "p", "1.0.0",
      {ResourceRemediationPolicy{.name = "fix", .remediate = fix},
       ResourceRemediationPolicy{.name = "off", .enforcement_level = EnforcementLevel::kDisabled, .remediate = fix}},
      EnforcementLevel::kMandatory);
  EXPECT_EQ(pack.DefaultLevel(pack.policies()[0]), EnforcementLevel::kRemediate);
  EXPECT_EQ(pack.DefaultLevel(pack.policies()[1]), EnforcementLevel::kDisabled);
}

TEST(PolicyPackTest, RefusesNamesOutsideThePattern) {
  EXPECT_THAT(ErrorOf([] { PolicyPack("has space", "1.0.0", {Named("a")}); }),
              HasSubstr("invalid policy pack name \"has space\""));
  EXPECT_THAT(ErrorOf([] { PolicyPack("", "1.0.0", {Named("a")}); }), HasSubstr("invalid policy pack name"));
  EXPECT_THAT(ErrorOf([] { PolicyPack(std::string(101, 'a'), "1.0.0", {Named("a")}); }),
              HasSubstr("invalid policy pack name"));
}

TEST(PolicyPackTest, RefusesThePolicyNameAllWhichConfigReserves) {
  EXPECT_THAT(ErrorOf([] { PolicyPack("p", "1.0.0", {Named("all")}); }), HasSubstr("invalid policy name \"all\""));
}

TEST(PolicyPackTest, RefusesTwoPoliciesOfOneName) {
  EXPECT_THAT(ErrorOf([] {
                PolicyPack("p", "1.0.0", {Named("x"), Named("x")});
              }),
              HasSubstr("two policies named \"x\""));
}

TEST(PolicyPackTest, RefusesEnforcementLevelInAConfigSchema) {
  auto in_properties = Named("x");
  in_properties.config_schema = ConfigSchema{.properties = {{"enforcementLevel", {{"type", "string"}}}}};
  EXPECT_THAT(ErrorOf([&] { PolicyPack("p", "1.0.0", {in_properties}); }), HasSubstr("reserved property"));
  auto in_required = Named("y");
  in_required.config_schema = ConfigSchema{.properties = nlohmann::json::object(), .required = {"enforcementLevel"}};
  EXPECT_THAT(ErrorOf([&] { PolicyPack("p", "1.0.0", {in_required}); }), HasSubstr("reserved property"));
}

TEST(PolicyPackTest, RefusesAPolicyWithoutItsFunction) {
  EXPECT_THAT(ErrorOf([] { PolicyPack("p", "1.0.0", {StackValidationPolicy{.name = "s"}}); }),
              HasSubstr("policy s in policy pack p has no function to run"));
}

TEST(PolicyPackTest, NamesTheLevelsAsTheEngineSpellsThem) {
  EXPECT_EQ(ToString(EnforcementLevel::kAdvisory), "advisory");
  EXPECT_EQ(ToString(EnforcementLevel::kMandatory), "mandatory");
  EXPECT_EQ(ToString(EnforcementLevel::kDisabled), "disabled");
  EXPECT_EQ(ToString(EnforcementLevel::kRemediate), "remediate");
}

}  // namespace
}  // namespace pulumi::policy
