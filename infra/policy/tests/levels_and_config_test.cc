// --policy-pack-config through the Analyzer: level overrides per policy, and the policies' config properties.
#include "policy_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace apex::policy::testing_util {
namespace {

namespace pp = ::pulumi::policy;
using ::pulumi::PropertyArray;
using ::pulumi::PropertyMap;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

pp::AnalyzerResource PublicSql() {
  return Resource("gcp:sql/databaseInstance:DatabaseInstance",
                  {{"databaseVersion", "POSTGRES_18"},
                   {"settings", PropertyMap{{"ipConfiguration", PropertyMap{{"ipv4Enabled", true}}}}}});
}

TEST(LevelsTest, DisabledOverrideSilencesThePolicy) {
  auto analyzer = AnalyzerFor("prod", {{"sql-no-public-ip", {.enforcement_level = pp::EnforcementLevel::kDisabled}}});
  auto all = analyzer.AnalyzeResource(PublicSql());
  EXPECT_THAT(Of("sql-no-public-ip", all), IsEmpty());
  EXPECT_THAT(Of("sql-require-tls", all), SizeIs(1));  // the others still run
}

TEST(LevelsTest, ProdMayBeMadeAdvisory) {
  auto analyzer = AnalyzerFor("prod", {{"sql-no-public-ip", {.enforcement_level = pp::EnforcementLevel::kAdvisory}}});
  auto found = Of("sql-no-public-ip", analyzer.AnalyzeResource(PublicSql()));
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].enforcement_level, pp::EnforcementLevel::kAdvisory);
}

TEST(LevelsTest, StagingMayBeMadeMandatory) {
  auto analyzer =
      AnalyzerFor("staging", {{"sql-no-public-ip", {.enforcement_level = pp::EnforcementLevel::kMandatory}}});
  auto all = analyzer.AnalyzeResource(PublicSql());
  ASSERT_THAT(Of("sql-no-public-ip", all), SizeIs(1));
  EXPECT_EQ(Of("sql-no-public-ip", all)[0].enforcement_level, pp::EnforcementLevel::kMandatory);
  EXPECT_EQ(Of("sql-require-tls", all)[0].enforcement_level, pp::EnforcementLevel::kAdvisory);
}

TEST(LevelsTest, EveryPolicyDisabledLikeConfigAll) {
  // The engine turns {"all": "disabled"} into one entry per policy.
  std::map<std::string, pp::PolicyConfig> config;
  auto pack = MakeApexPolicyPack(OptionsFor("prod", std::nullopt));
  for (auto const& policy : pack.policies()) {
    config[pp::NameOf(policy)] = {.enforcement_level = pp::EnforcementLevel::kDisabled};
  }
  EXPECT_THAT(AnalyzerFor("prod", config).AnalyzeResource(PublicSql()), IsEmpty());
}

TEST(ConfigTest, PublicServicesNamesWhoMayBePublic) {
  auto gateway = Resource("gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
                          {{"member", "allUsers"}, {"name", "apex-api-gateway"}, {"role", "roles/run.invoker"}});
  EXPECT_THAT(Of("cloud-run-no-public-invoker", AnalyzerFor("prod").AnalyzeResource(gateway)), IsEmpty());
  auto none_public = AnalyzerFor(
      "prod", {{"cloud-run-no-public-invoker", {.properties = {{"publicServices", nlohmann::json::array()}}}}});
  auto found = Of("cloud-run-no-public-invoker", none_public.AnalyzeResource(gateway));
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_THAT(found[0].message, HasSubstr("allUsers may call Cloud Run service apex-api-gateway"));
}

TEST(ConfigTest, ExemptServiceAccountsReplaceTheDeployer) {
  auto grant = Resource("gcp:projects/iAMMember:IAMMember",
                        {{"member", "serviceAccount:apex-deployer@apex-prod-789012.iam.gserviceaccount.com"},
                         {"role", "roles/run.admin"}});
  EXPECT_THAT(Of("iam-no-admin-service-accounts", AnalyzerFor("prod").AnalyzeResource(grant)), IsEmpty());
  auto strict = AnalyzerFor(
      "prod", {{"iam-no-admin-service-accounts", {.properties = {{"exemptServiceAccounts", {"ci-runner"}}}}}});
  EXPECT_THAT(Of("iam-no-admin-service-accounts", strict.AnalyzeResource(grant)), SizeIs(1));
}

TEST(ConfigTest, MaxRotationDays) {
  auto key = Resource("gcp:kms/cryptoKey:CryptoKey", {{"deletionPolicy", "PREVENT"}, {"rotationPeriod", "7776000s"}});
  EXPECT_THAT(Of("kms-key-rotation", AnalyzerFor("prod").AnalyzeResource(key)), IsEmpty());
  auto monthly = AnalyzerFor("prod", {{"kms-key-rotation", {.properties = {{"maxRotationDays", 30}}}}});
  auto found = Of("kms-key-rotation", monthly.AnalyzeResource(key));
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_THAT(found[0].message, HasSubstr("(90 days), longer than 30 days"));
}

TEST(ConfigTest, RequiredLabels) {
  auto disk = Resource("gcp:compute/disk:Disk", {{"labels", StandardLabels()}});
  auto with_team =
      AnalyzerFor("prod", {{"labels-present", {.properties = {{"requiredLabels", {"environment", "team"}}}}}});
  auto found = Of("labels-present", with_team.AnalyzeResource(disk));
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_THAT(found[0].message, HasSubstr("labels lacks team"));
}

TEST(ConfigTest, LatestVersion) {
  auto sql = Resource("gcp:sql/databaseInstance:DatabaseInstance", {{"databaseVersion", "POSTGRES_18"}});
  auto newer = AnalyzerFor("prod", {{"sql-pg-latest-version", {.properties = {{"latestVersion", "POSTGRES_19"}}}}});
  auto found = Of("sql-pg-latest-version", newer.AnalyzeResource(sql));
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_THAT(found[0].message, HasSubstr("POSTGRES_18; the newest major version Cloud SQL offers is POSTGRES_19"));
}

TEST(ConfigTest, SecretEnvWords) {
  PropertyMap env{{"name", "STRIPE_SIGNING_SALT"}, {"value", "s"}};
  PropertyMap container{{"envs", PropertyArray{env}}};
  auto service =
      Resource("gcp:cloudrunv2/service:Service", {{"template", PropertyMap{{"containers", PropertyArray{container}}}}});
  EXPECT_THAT(Of("cloud-run-secrets-from-secret-manager", AnalyzerFor("prod").AnalyzeResource(service)), IsEmpty());
  auto salty =
      AnalyzerFor("prod", {{"cloud-run-secrets-from-secret-manager", {.properties = {{"secretEnvWords", {"SALT"}}}}}});
  EXPECT_THAT(Of("cloud-run-secrets-from-secret-manager", salty.AnalyzeResource(service)), SizeIs(1));
}

}  // namespace
}  // namespace apex::policy::testing_util
