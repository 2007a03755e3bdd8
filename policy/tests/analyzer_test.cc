#include "pulumi/policy/analyzer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace pulumi::policy {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;

constexpr char kUrn[] = "urn:pulumi:prod::apex::simple:index:Resource::res";

AnalyzerResource Resource(PropertyValue value) {
  return {.type = "simple:index:Resource", .name = "res", .urn = kUrn, .properties = Properties({{"value", value}})};
}

PolicyPack Pack() {
  return PolicyPack(
      "test", "1.0.0",
      {ResourceValidationPolicy{.name = "truthiness",
                                .description = "Verifies properties are true",
                                .validate =
                                    [](ResourceValidationArgs const& args) {
                                      if (args.resource.properties.GetBool("value") == false) {
                                        args.ReportViolation("value is false");
                                      }
                                    }},
       ResourceValidationPolicy{.name = "configured",
                                .description = "Compares with config",
                                .enforcement_level = EnforcementLevel::kMandatory,
                                .validate =
                                    [](ResourceValidationArgs const& args) {
                                      auto want = args.config.value("value", true);
                                      if (args.resource.properties.GetBool("value") != want) {
                                        args.ReportViolation("", "urn:other");
                                      }
                                    }},
       StackValidationPolicy{.name = "count",
                             .description = "At most one resource",
                             .validate =
                                 [](StackValidationArgs const& args) {
                                   if (args.resources.size() > 1) {
                                     args.ReportViolation("found " + std::to_string(args.resources.size()));
                                   }
                                 }},
       ResourceRemediationPolicy{.name = "fixup",
                                 .description = "Sets value to true",
                                 .enforcement_level = EnforcementLevel::kRemediate,
                                 .remediate = [](ResourceRemediationArgs const& args) -> std::optional<PropertyMap> {
                                   if (args.resource.properties.GetBool("value") == true) return std::nullopt;
                                   return PropertyMap{{"value", true}};
                                 }}},
      EnforcementLevel::kAdvisory);
}

TEST(AnalyzerTest, ReportsViolationsWithDescriptionNewlineMessageAndEachPolicysLevel) {
  Analyzer analyzer(Pack());
  auto d = analyzer.AnalyzeResource(Resource(false));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].policy_name, "truthiness");
  EXPECT_EQ(d[0].message, "Verifies properties are true\nvalue is false");
  EXPECT_EQ(d[0].urn, kUrn);
  EXPECT_EQ(d[0].enforcement_level, EnforcementLevel::kAdvisory);
  EXPECT_EQ(d[1].policy_name, "configured");
  EXPECT_EQ(d[1].message, "Compares with config");
  EXPECT_EQ(d[1].urn, "urn:other");
  EXPECT_EQ(d[1].enforcement_level, EnforcementLevel::kMandatory);
  EXPECT_TRUE(analyzer.AnalyzeResource(Resource(true)).empty());
}

TEST(AnalyzerTest, ConfigOverridesLevelsAndGivesPoliciesTheirProperties) {
  Analyzer analyzer(Pack());
  analyzer.Configure(
      {{"truthiness", {.enforcement_level = EnforcementLevel::kDisabled}},
       {"configured", {.enforcement_level = EnforcementLevel::kAdvisory, .properties = {{"value", false}}}}});
  EXPECT_TRUE(analyzer.AnalyzeResource(Resource(false)).empty());
  auto d = analyzer.AnalyzeResource(Resource(true));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].policy_name, "configured");
  EXPECT_EQ(d[0].enforcement_level, EnforcementLevel::kAdvisory);
}

TEST(AnalyzerTest, AnUnknownValueGivesOneAdvisoryCantRunDiagnostic) {
  Analyzer analyzer(Pack(), {.dry_run = true});
  auto d = analyzer.AnalyzeResource(Resource(PropertyValue::MakeSecret(PropertyValue::MakeComputed())));
  ASSERT_EQ(d.size(), 2u);
  for (auto const& diagnostic : d) {
    EXPECT_THAT(diagnostic.message, HasSubstr("can't run policy '" + diagnostic.policy_name + "' during preview"));
    EXPECT_THAT(diagnostic.message, HasSubstr("the value at .value can't be known during preview"));
    EXPECT_EQ(diagnostic.enforcement_level, EnforcementLevel::kAdvisory);
  }
}

TEST(AnalyzerTest, StackPoliciesSeeEveryResource) {
  Analyzer analyzer(Pack());
  EXPECT_TRUE(analyzer.AnalyzeStack({Resource(true)}).empty());
  auto d = analyzer.AnalyzeStack({Resource(true), Resource(false)});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].message, "At most one resource\nfound 2");
  EXPECT_EQ(d[0].urn, "");
}

TEST(AnalyzerTest, RemediatesOnlyAtLevelRemediate) {
  Analyzer analyzer(Pack());
  EXPECT_THAT(analyzer.Remediate(Resource(false)),
              ElementsAre(Field(&Remediation::properties, PropertyMap{{"value", true}})));
  EXPECT_TRUE(analyzer.Remediate(Resource(true)).empty());
  analyzer.Configure({{"fixup", {.enforcement_level = EnforcementLevel::kDisabled}}});
  EXPECT_TRUE(analyzer.Remediate(Resource(false)).empty());
  analyzer.Configure({{"fixup", {.enforcement_level = EnforcementLevel::kAdvisory}}});
  EXPECT_TRUE(analyzer.Remediate(Resource(false)).empty());
}

TEST(AnalyzerTest, APolicyThatThrowsFailsNamingItselfAndTheResource) {
  PolicyPack pack("p", "1.0.0",
                  {ResourceValidationPolicy{.name = "broken", .validate = [](ResourceValidationArgs const& args) {
                                              (void)args.resource.properties.GetString("value");
                                            }}});
  Analyzer analyzer(pack);
  try {
    (void)analyzer.AnalyzeResource(Resource(true));
    FAIL();
  } catch (PolicyError const& e) {
    EXPECT_STREQ(
        e.what(),
        ("policy 'broken' failed on " + std::string(kUrn) + ": property value is a bool, not a string").c_str());
  }
}

}  // namespace
}  // namespace pulumi::policy
