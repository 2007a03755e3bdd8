// The generated gcp sql bindings through the mocks: what Apex's DatabaseCluster registers, checked on the
// wire (property names and values exactly as pulumi-gcp's other SDKs send them).
#include "pulumi/gcp/sql/module.h"
#include "pulumi/mocks/gtest.h"
#include "pulumi/mocks/mocks.h"
#include "pulumi/pulumi.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using ::pulumi::PropertyArray;
using ::pulumi::PropertyMap;
using ::pulumi::PropertyValue;
using ::pulumi::mocks::AwaitForTest;
using ::pulumi::mocks::IsKnownWith;
using ::pulumi::mocks::IsSecret;
using ::pulumi::mocks::MockDeployment;
namespace sql = ::pulumi::gcp::sql;

class SqlMocks : public pulumi::mocks::Mocks {
 public:
  pulumi::mocks::MockResourceResult NewResource(pulumi::mocks::MockResourceArgs const& args) override {
    PropertyMap state = args.inputs;
    if (args.type == sql::DatabaseInstance::kType) {
      state["name"] = args.name;
      state["connectionName"] = "apex-dev:us-central1:" + args.name;
      state["privateIpAddress"] = "10.10.0.3";
    }
    return {.id = args.name, .state = state};
  }
};

TEST(GcpSqlTest, DatabaseInstanceDatabaseAndUserOnTheWire) {
  MockDeployment deployment(std::make_shared<SqlMocks>());
  std::optional<sql::DatabaseInstance> instance;
  ASSERT_EQ(deployment.Run([&](pulumi::Context& ctx) {
    instance.emplace(
        ctx, "apex-postgres",
        sql::DatabaseInstanceArgs{
            .database_version = "POSTGRES_16",
            .deletion_protection = true,
            .region = "us-central1",
            .settings = sql::DatabaseInstanceSettingsArgs{
                .availability_type = "REGIONAL",
                .backup_configuration =
                    sql::DatabaseInstanceSettingsBackupConfigurationArgs{
                        .enabled = true, .point_in_time_recovery_enabled = true, .start_time = "03:00"},
                .database_flags =
                    std::vector<sql::DatabaseInstanceSettingsDatabaseFlagArgs>{
                        {.name = "cloudsql.enable_pgvector", .value = "on"}},
                .disk_autoresize = true,
                .ip_configuration =
                    sql::DatabaseInstanceSettingsIpConfigurationArgs{
                        .ipv4_enabled = false, .private_network = "projects/apex-dev/global/networks/apex-vpc"},
                .tier = "db-custom-4-16384",
                .user_labels = std::map<std::string, std::string>{{"system", "apex"}}}});
    sql::Database db(ctx, "vectors", {.instance = instance->name(), .name = "vectors"});
    sql::User user(ctx, "apex-app",
                   {.instance = instance->name(),
                    .name = "apex_app",
                    .password = pulumi::Output<std::string>("s3cret-from-config")});
  }),
            0);

  auto i = deployment.Find("gcp:sql/databaseInstance:DatabaseInstance", "apex-postgres");
  ASSERT_TRUE(i);
  PropertyMap const expected{
      {"databaseVersion", "POSTGRES_16"},
      {"deletionProtection", true},
      {"region", "us-central1"},
      {"settings",
       PropertyMap{
           {"availabilityType", "REGIONAL"},
           {"backupConfiguration",
            PropertyMap{{"enabled", true}, {"pointInTimeRecoveryEnabled", true}, {"startTime", "03:00"}}},
           {"databaseFlags", PropertyArray{PropertyMap{{"name", "cloudsql.enable_pgvector"}, {"value", "on"}}}},
           {"diskAutoresize", true},
           {"ipConfiguration",
            PropertyMap{{"ipv4Enabled", false}, {"privateNetwork", "projects/apex-dev/global/networks/apex-vpc"}}},
           {"tier", "db-custom-4-16384"},
           {"userLabels", PropertyMap{{"system", "apex"}}},
       }},
  };
  EXPECT_EQ(i->inputs, expected);
  EXPECT_EQ(i->version, PULUMI_CPP_GCP_VERSION);
  EXPECT_THAT(i->additional_secret_outputs, ::testing::Contains("rootPassword"));

  auto db = deployment.Find("gcp:sql/database:Database", "vectors");
  ASSERT_TRUE(db);
  EXPECT_EQ(db->inputs, (PropertyMap{{"instance", "apex-postgres"}, {"name", "vectors"}}));

  auto user = deployment.Find("gcp:sql/user:User", "apex-app");
  ASSERT_TRUE(user);
  EXPECT_EQ(user->inputs, (PropertyMap{{"instance", "apex-postgres"},
                                       {"name", "apex_app"},
                                       {"password", PropertyValue::MakeSecret("s3cret-from-config")}}))
      << "the schema marks the password secret, so it is sent as one even from a plain output";

  EXPECT_THAT(AwaitForTest(instance->connection_name()),
              IsKnownWith(std::string("apex-dev:us-central1:apex-postgres")));
  EXPECT_THAT(AwaitForTest(instance->private_ip_address()), IsKnownWith(std::string("10.10.0.3")));
  auto settings = AwaitForTest(instance->settings());
  ASSERT_TRUE(settings.known);
  EXPECT_EQ(settings.value->tier, "db-custom-4-16384");
  EXPECT_EQ(settings.value->ip_configuration->ipv4_enabled, false);
}

}  // namespace
