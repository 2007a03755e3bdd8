// labels-remediate: adds only the missing standard labels, only at level remediate, and what it returns then
// passes labels-present.
#include "policy_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace apex::policy::testing_util {
namespace {

namespace pp = ::pulumi::policy;
using ::pulumi::PropertyMap;
using ::pulumi::PropertyValue;
using ::testing::IsEmpty;
using ::testing::SizeIs;

std::map<std::string, pp::PolicyConfig> Remediate(nlohmann::json properties = {{"costCenter", "apex-memory"}}) {
  return {{"labels-remediate", {.enforcement_level = pp::EnforcementLevel::kRemediate, .properties = properties}}};
}

pp::AnalyzerResource Disk(PropertyMap labels) {
  return Resource("gcp:compute/disk:Disk",
                  {{"labels", std::move(labels)}, {"name", "apex-db-neo4j-data"}, {"size", 200}});
}

TEST(LabelsRemediationTest, NothingUnlessConfiguredAtRemediate) {
  auto disk = Disk({{"environment", "dev"}});
  EXPECT_THAT(AnalyzerFor("dev").Remediate(disk), IsEmpty());
  auto advisory = AnalyzerFor(
      "dev", {{"labels-remediate",
               {.enforcement_level = pp::EnforcementLevel::kAdvisory, .properties = {{"costCenter", "apex-memory"}}}}});
  EXPECT_THAT(advisory.Remediate(disk), IsEmpty());
  auto disabled = AnalyzerFor("dev", {{"labels-remediate", {.enforcement_level = pp::EnforcementLevel::kDisabled}}});
  EXPECT_THAT(disabled.Remediate(disk), IsEmpty());
}

TEST(LabelsRemediationTest, AddsOnlyTheMissingLabels) {
  auto disk = Disk({{"environment", "sandbox"}, {"component", "neo4j"}});
  auto remediations = AnalyzerFor("dev", Remediate()).Remediate(disk);
  ASSERT_THAT(remediations, SizeIs(1));
  EXPECT_EQ(remediations[0].policy_name, "labels-remediate");
  auto const& p = remediations[0].properties;
  EXPECT_EQ(p.at("labels"), PropertyValue(PropertyMap{{"environment", "sandbox"},  // kept as set
                                                      {"component", "neo4j"},
                                                      {"project", "apex-test"},  // the stack's project
                                                      {"managed-by", "pulumi"},
                                                      {"cost-center", "apex-memory"}}));
  EXPECT_EQ(p.at("name"), PropertyValue("apex-db-neo4j-data"));
  EXPECT_EQ(p.at("size"), PropertyValue(200));
}

TEST(LabelsRemediationTest, ConfigValuesWin) {
  auto remediations = AnalyzerFor("prod", Remediate({{"environment", "production"},
                                                     {"project", "apex"},
                                                     {"managedBy", "platform-team"},
                                                     {"costCenter", "cc-42"}}))
                          .Remediate(Disk({}));
  ASSERT_THAT(remediations, SizeIs(1));
  EXPECT_EQ(remediations[0].properties.at("labels"), PropertyValue(PropertyMap{{"environment", "production"},
                                                                               {"project", "apex"},
                                                                               {"managed-by", "platform-team"},
                                                                               {"cost-center", "cc-42"}}));
}

TEST(LabelsRemediationTest, WithoutCostCenterConfigTheRestIsAdded) {
  auto remediations = AnalyzerFor("dev", Remediate(nlohmann::json::object())).Remediate(Disk({}));
  ASSERT_THAT(remediations, SizeIs(1));
  EXPECT_EQ(remediations[0].properties.at("labels"),
            PropertyValue(PropertyMap{{"environment", "dev"}, {"project", "apex-test"}, {"managed-by", "pulumi"}}));
}

TEST(LabelsRemediationTest, CompleteLabelsAreLeftAlone) {
  EXPECT_THAT(AnalyzerFor("prod", Remediate()).Remediate(Disk(StandardLabels())), IsEmpty());
  auto account = Resource("gcp:serviceaccount/account:Account", {{"accountId", "apex-db-neo4j"}});
  EXPECT_THAT(AnalyzerFor("prod", Remediate()).Remediate(account), IsEmpty());
}

TEST(LabelsRemediationTest, NestedCloudSqlUserLabels) {
  auto sql = Resource("gcp:sql/databaseInstance:DatabaseInstance",
                      {{"databaseVersion", "POSTGRES_18"}, {"settings", PropertyMap{{"tier", "db-f1-micro"}}}});
  auto analyzer = AnalyzerFor("dev", Remediate());
  auto remediations = analyzer.Remediate(sql);
  ASSERT_THAT(remediations, SizeIs(1));
  auto const& settings = remediations[0].properties.at("settings").AsObject();
  EXPECT_EQ(settings.at("tier"), PropertyValue("db-f1-micro"));
  EXPECT_EQ(settings.at("userLabels").AsObject().size(), 4u);
  // What the engine then validates passes the labels policy.
  auto fixed = sql;
  fixed.properties = pp::Properties(remediations[0].properties);
  EXPECT_THAT(Of("labels-present", analyzer.AnalyzeResource(fixed)), IsEmpty());
  EXPECT_THAT(Of("labels-present", analyzer.AnalyzeResource(sql)), SizeIs(1));
}

TEST(LabelsRemediationTest, UnknownOrSecretLabelsAreNotTouched) {
  auto analyzer = AnalyzerFor("dev", Remediate());
  auto unknown = Resource("gcp:compute/disk:Disk", {{"labels", PropertyValue::MakeComputed()}});
  EXPECT_THAT(analyzer.Remediate(unknown), IsEmpty());
  auto secret = Resource("gcp:compute/disk:Disk", {{"labels", PropertyValue::MakeSecret(PropertyMap{})}});
  EXPECT_THAT(analyzer.Remediate(secret), IsEmpty());
  // A label whose value is not known yet is there: only the others are added.
  auto pending =
      Disk({{"environment", PropertyValue::MakeComputed()}, {"project", "apex-databases"}, {"managed-by", "pulumi"}});
  auto remediations = analyzer.Remediate(pending);
  ASSERT_THAT(remediations, SizeIs(1));
  auto const& labels = remediations[0].properties.at("labels").AsObject();
  EXPECT_TRUE(labels.at("environment").is_computed());
  EXPECT_EQ(labels.at("cost-center"), PropertyValue("apex-memory"));
}

}  // namespace
}  // namespace apex::policy::testing_util
