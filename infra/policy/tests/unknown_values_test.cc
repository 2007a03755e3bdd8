// Values not known during a preview: a policy that needs one gives the SDK's advisory "can't run" diagnostic,
// one that does not need it still judges the rest; absent values are judged by the provider's defaults; and no
// message shows a value the policies must not print.
#include "policy_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace apex::policy::testing_util {
namespace {

namespace pp = ::pulumi::policy;
using ::pulumi::PropertyArray;
using ::pulumi::PropertyMap;
using ::pulumi::PropertyValue;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

PropertyMap Env(std::string const& name, PropertyValue value) { return {{"name", name}, {"value", std::move(value)}}; }

pp::AnalyzerResource ServiceWithEnvs(PropertyArray envs) {
  return Resource("gcp:cloudrunv2/service:Service",
                  {{"ingress", "INGRESS_TRAFFIC_INTERNAL_ONLY"},
                   {"name", "apex-query-router"},
                   {"template", PropertyMap{{"containers", PropertyArray{PropertyMap{{"envs", std::move(envs)}}}}}}});
}

TEST(UnknownValuesTest, UnknownInputGivesCantRunAdvisory) {
  auto sql =
      Resource("gcp:sql/databaseInstance:DatabaseInstance",
               {{"databaseVersion", "POSTGRES_18"},
                {"settings", PropertyMap{{"ipConfiguration", PropertyMap{{"ipv4Enabled", PropertyValue::MakeComputed()},
                                                                         {"sslMode", "ENCRYPTED_ONLY"}}}}}});
  auto analyzer = AnalyzerFor("prod");
  auto found = Of("sql-no-public-ip", analyzer.AnalyzeResource(sql));
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].enforcement_level, pp::EnforcementLevel::kAdvisory);
  EXPECT_THAT(found[0].message, HasSubstr("can't run policy 'sql-no-public-ip' during preview"));
  EXPECT_THAT(Of("sql-require-tls", analyzer.AnalyzeResource(sql)), IsEmpty());
}

TEST(UnknownValuesTest, AnUnknownEnvValueDoesNotStopTheEnvPolicies) {
  // POSTGRES_USER is the service account's database user: unknown before the account exists.
  auto service =
      ServiceWithEnvs({Env("POSTGRES_HOST", "10.100.0.121"), Env("POSTGRES_USER", PropertyValue::MakeComputed()),
                       Env("NEO4J_PASSWORD", PropertyValue::MakeComputed())});
  auto all = AnalyzerFor("prod").AnalyzeResource(service);
  auto secrets = Of("cloud-run-secrets-from-secret-manager", all);
  ASSERT_THAT(secrets, SizeIs(1));
  EXPECT_THAT(secrets[0].message, HasSubstr("env NEO4J_PASSWORD"));
  EXPECT_EQ(secrets[0].enforcement_level, pp::EnforcementLevel::kMandatory);
  auto egress = Of("cloud-run-vpc-egress", all);
  ASSERT_THAT(egress, SizeIs(1));
  EXPECT_THAT(egress[0].message, HasSubstr("reaches the data tier (env POSTGRES_HOST)"));
}

TEST(UnknownValuesTest, SecretValuesAreNeverPrinted) {
  auto service = ServiceWithEnvs(
      {Env("DB_PASSWORD", "hunter2-plain"), Env("APP_CONFIG", PropertyValue::MakeSecret("hunter2-secret"))});
  auto all = AnalyzerFor("prod").AnalyzeResource(service);
  ASSERT_THAT(Of("cloud-run-secrets-from-secret-manager", all), SizeIs(2));
  for (auto const& d : all) EXPECT_THAT(d.message, Not(HasSubstr("hunter2"))) << d.policy_name;
}

TEST(UnknownValuesTest, QuotedSecretInputsShowAsSecret) {
  PropertyMap network{{"name", PropertyValue::MakeSecret("partner-vpn-7f3a")}, {"value", "0.0.0.0/0"}};
  PropertyMap ip{{"authorizedNetworks", PropertyArray{network}}};
  auto sql = Resource("gcp:sql/databaseInstance:DatabaseInstance",
                      {{"databaseVersion", "POSTGRES_18"}, {"settings", PropertyMap{{"ipConfiguration", ip}}}});
  auto found = Of("sql-no-open-authorized-networks", AnalyzerFor("prod").AnalyzeResource(sql));
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_THAT(found[0].message, HasSubstr("authorizedNetworks[0] ([secret]) is 0.0.0.0/0"));
  EXPECT_THAT(found[0].message, Not(HasSubstr("partner-vpn")));
}

TEST(UnknownValuesTest, SecretInputsAreJudgedUnwrapped) {
  auto redis = Resource("gcp:redis/instance:Instance", {{"authEnabled", PropertyValue::MakeSecret(false)}});
  auto found = Of("redis-auth-enabled", AnalyzerFor("prod").AnalyzeResource(redis));
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_THAT(found[0].message, HasSubstr("authEnabled is false"));
}

TEST(UnknownValuesTest, UnknownMemberOfAnUnrelatedRoleIsNotRead) {
  // The role decides first: a logWriter grant to an account not created yet is fine for every IAM policy but
  // the default-account one, which must read the member.
  auto grant = Resource("gcp:projects/iAMMember:IAMMember",
                        {{"member", PropertyValue::MakeComputed()}, {"role", "roles/logging.logWriter"}});
  auto all = AnalyzerFor("prod").AnalyzeResource(grant);
  EXPECT_THAT(Of("iam-no-basic-roles", all), IsEmpty());
  EXPECT_THAT(Of("iam-no-admin-service-accounts", all), IsEmpty());
  auto defaults = Of("iam-no-default-service-account-grants", all);
  ASSERT_THAT(defaults, SizeIs(1));
  EXPECT_THAT(defaults[0].message, HasSubstr("can't run policy"));
}

TEST(UnknownValuesTest, UnknownLabelsListAsCantRun) {
  auto disk = Resource("gcp:compute/disk:Disk", {{"labels", PropertyValue::MakeComputed()}});
  auto found = Of("labels-present", AnalyzerFor("dev").AnalyzeResource(disk));
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_THAT(found[0].message, HasSubstr("can't run policy 'labels-present'"));
}

}  // namespace
}  // namespace apex::policy::testing_util
