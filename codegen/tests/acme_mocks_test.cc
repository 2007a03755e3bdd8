// The generated bindings of the golden schema (golden/expected/acme), used as a program would, through
// the mocks: exact wire names and values, enums as their wire strings, secrets, typed outputs, package
// version on every registration and invoke, aliases, replaceOnChanges, references, config, provider.
#include "pulumi/acme/module.h"
#include "pulumi/acme/sql/module.h"
#include "pulumi/acme/storage/module.h"
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
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;
namespace sql = ::pulumi::acme::sql;
namespace storage = ::pulumi::acme::storage;

class AcmeMocks : public pulumi::mocks::Mocks {
 public:
  pulumi::mocks::MockResourceResult NewResource(pulumi::mocks::MockResourceArgs const& args) override {
    PropertyMap state = args.inputs;
    if (args.type == sql::DatabaseInstance::kType) {
      state["selfLink"] = "https://acme.example/instances/" + args.name;
      state["connectionName"] = "acme:us:" + args.name;
      state["edition"] = edition;
    }
    return {.id = args.name + "-id", .state = state};
  }
  PropertyMap Call(pulumi::mocks::MockCallArgs const& args) override {
    if (args.token == "acme:sql/getDatabaseInstance:getDatabaseInstance") {
      return {{"name", args.args.at("name")},
              {"settings", PropertyArray{PropertyMap{{"tier", "db-custom-2"}, {"edition", "ENTERPRISE"}}}}};
    }
    return {};
  }
  PropertyValue edition = "ENTERPRISE_PLUS";
};

sql::DatabaseInstanceArgs FullArgs() {
  return {
      .database_version = "POSTGRES_16",
      .edition = sql::Edition::kEnterprisePlus,
      .namespace_ = "apex",
      .replica_names = std::vector<std::string>{"r1", "r2"},
      .root_password = pulumi::MakeSecret(pulumi::Output<std::string>("hunter2")),
      .settings =
          sql::DatabaseInstanceSettingsArgs{
              .backup_configuration = sql::BackupConfigurationArgs{.enabled = true, .location = "eu"},
              .database_flags = std::vector<sql::DatabaseFlagArgs>{{.name = "max_connections", .value = "200"}},
              .edition2 = sql::Edition::kEnterprise,
              .ipv4_enabled = false,
              .maintenance_windows = std::map<std::string, sql::BackupConfigurationArgs>{{"sun", {.enabled = true}}},
              .tier = "db-custom-2-7680",
              .tree = sql::TreeNodeArgs{.label = "root"},
              .user_labels = std::map<std::string, std::string>{{"team", "apex"}},
          },
  };
}

TEST(AcmeBindingsTest, RegistersExactWireNamesAndValues) {
  auto mocks = std::make_shared<AcmeMocks>();
  MockDeployment deployment(mocks);
  ASSERT_EQ(deployment.Run([](pulumi::Context& ctx) { sql::DatabaseInstance db(ctx, "main", FullArgs()); }), 0);
  auto db = deployment.Find("acme:sql/databaseInstance:DatabaseInstance", "main");
  ASSERT_TRUE(db);
  PropertyMap const expected{
      {"databaseVersion", "POSTGRES_16"},
      {"edition", "ENTERPRISE_PLUS"},
      {"namespace", "apex"},
      {"replicaNames", PropertyArray{"r1", "r2"}},
      {"rootPassword", PropertyValue::MakeSecret("hunter2")},
      {"settings",
       PropertyMap{
           {"backupConfiguration", PropertyMap{{"enabled", true}, {"location", "eu"}}},
           {"databaseFlags", PropertyArray{PropertyMap{{"name", "max_connections"}, {"value", "200"}}}},
           {"edition2", "ENTERPRISE"},
           {"ipv4Enabled", false},
           {"maintenanceWindows", PropertyMap{{"sun", PropertyMap{{"enabled", true}}}}},
           {"tier", "db-custom-2-7680"},
           {"tree", PropertyMap{{"label", "root"}}},
           {"userLabels", PropertyMap{{"team", "apex"}}},
       }},
  };
  EXPECT_EQ(db->inputs, expected);
}

TEST(AcmeBindingsTest, SendsPackageVersionAliasesReplaceOnChangesAndSecretOutputs) {
  MockDeployment deployment(std::make_shared<AcmeMocks>());
  ASSERT_EQ(deployment.Run([](pulumi::Context& ctx) {
    sql::DatabaseInstance db(ctx, "main", {.database_version = "POSTGRES_16"});
    sql::DatabaseInstance pinned(ctx, "pinned", {.database_version = "POSTGRES_16"}, {.version = "1.0.0"});
  }),
            0);
  auto db = deployment.Find(sql::DatabaseInstance::kType, "main");
  ASSERT_TRUE(db);
  EXPECT_EQ(db->version, "1.2.3");
  EXPECT_EQ(db->plugin_download_url, "https://example.com/acme/releases");
  EXPECT_THAT(db->alias_urns,
              UnorderedElementsAre("spec:/acme:sql/instance:Instance", "spec:/acme:index:LegacyInstance"));
  EXPECT_THAT(db->replace_on_changes, ::testing::Contains("region"));
  EXPECT_THAT(db->additional_secret_outputs, ElementsAre("rootPassword"));
  EXPECT_EQ(deployment.Find(sql::DatabaseInstance::kType, "pinned")->version, "1.0.0") << "an explicit version wins";
}

TEST(AcmeBindingsTest, TypedOutputsDecodeEnumsStructsAndSecrets) {
  MockDeployment deployment(std::make_shared<AcmeMocks>());
  std::optional<sql::DatabaseInstance> db;
  ASSERT_EQ(deployment.Run([&](pulumi::Context& ctx) { db.emplace(ctx, "main", FullArgs()); }), 0);
  EXPECT_THAT(AwaitForTest(db->connection_name()), IsKnownWith(std::string("acme:us:main")));
  EXPECT_THAT(AwaitForTest(db->edition()), IsKnownWith(std::optional<sql::Edition>(sql::Edition::kEnterprisePlus)));
  auto settings = AwaitForTest(db->settings());
  ASSERT_TRUE(settings.known && settings.value && *settings.value);
  sql::DatabaseInstanceSettings const& s = **settings.value;
  EXPECT_EQ(s.tier, "db-custom-2-7680");
  ASSERT_TRUE(s.database_flags && s.database_flags->size() == 1);
  EXPECT_EQ((*s.database_flags)[0].value, "200");
  EXPECT_EQ(s.edition2, sql::Edition::kEnterprise);
  EXPECT_EQ(s.maintenance_windows->at("sun").enabled, true);
  EXPECT_THAT(AwaitForTest(db->root_password()), IsSecret());
}

TEST(AcmeBindingsTest, AnOptionalListInAnOutputKeepsAbsentApartFromEmpty) {
  pulumi::PropertyMap without_flags{{"tier", pulumi::PropertyValue("db-f1-micro")}};
  auto s = pulumi::FromPropertyValue<sql::DatabaseInstanceSettings>(pulumi::PropertyValue(without_flags));
  EXPECT_FALSE(s.database_flags);
  EXPECT_TRUE(s.database_flags.empty());
  EXPECT_FALSE(sql::ToPropertyValue(s).AsObject().contains("databaseFlags"));

  pulumi::PropertyMap empty_flags = without_flags;
  empty_flags.emplace("databaseFlags", pulumi::PropertyArray{});
  s = pulumi::FromPropertyValue<sql::DatabaseInstanceSettings>(pulumi::PropertyValue(empty_flags));
  EXPECT_TRUE(s.database_flags);
  EXPECT_EQ(sql::ToPropertyValue(s).AsObject().at("databaseFlags"), pulumi::PropertyValue(pulumi::PropertyArray{}));

  s.database_flags.push_back({.name = "max_connections", .value = "200"});
  EXPECT_EQ(sql::ToPropertyValue(s).AsObject().at("databaseFlags").AsArray().size(), 1u);
}

TEST(AcmeBindingsTest, AnUnknownEnumValueFailsTheOutputWithItsToken) {
  auto mocks = std::make_shared<AcmeMocks>();
  mocks->edition = "PLATINUM";
  MockDeployment deployment(mocks);
  std::optional<sql::DatabaseInstance> db;
  deployment.Run([&](pulumi::Context& ctx) { db.emplace(ctx, "main", FullArgs()); });
  auto edition = AwaitForTest(db->edition());
  EXPECT_TRUE(edition.failed);
  EXPECT_THAT(edition.error, HasSubstr("acme:sql/Edition:Edition"));
}

TEST(AcmeBindingsTest, PreviewKeepsKnownMembersOfNestedObjects) {
  MockDeployment deployment(std::make_shared<AcmeMocks>(), {.dry_run = true});
  ASSERT_EQ(deployment.Run([](pulumi::Context& ctx) {
    sql::DatabaseInstance db(
        ctx, "main",
        {.database_version = "POSTGRES_16",
         .settings = sql::DatabaseInstanceSettingsArgs{.tier = pulumi::Output<std::string>::Unknown(),
                                                       .user_labels = std::map<std::string, std::string>{{"a", "b"}}}});
  }),
            0);
  auto settings = deployment.Find(sql::DatabaseInstance::kType, "main")->inputs.at("settings");
  ASSERT_TRUE(settings.is_object());
  EXPECT_TRUE(settings.AsObject().at("tier").is_computed());
  EXPECT_EQ(settings.AsObject().at("userLabels"), PropertyValue(PropertyMap{{"a", "b"}}));
}

// storage::Bucket is deprecated in the schema: using it warns, as it should.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
TEST(AcmeBindingsTest, ResourceReferencesAssetsAndPlainMembers) {
  MockDeployment deployment(std::make_shared<AcmeMocks>());
  ASSERT_EQ(deployment.Run([](pulumi::Context& ctx) {
    storage::Bucket bucket(ctx, "b", {.name = "assets"});
    storage::BucketObject obj(ctx, "o",
                              {.bucket = bucket,
                               .priority = ::pulumi::acme::compute::Priority::kHigh,
                               .source = pulumi::Asset{.source = pulumi::Asset::Source::kText, .value = "hello"},
                               .tags = std::vector<std::string>{"x"},
                               .template_ = 3});
  }),
            0);
  auto obj = deployment.Find("acme:storage/bucketObject:BucketObject", "o");
  ASSERT_TRUE(obj);
  EXPECT_EQ(obj->inputs.at("priority"), PropertyValue(10));
  EXPECT_EQ(obj->inputs.at("tags"), PropertyValue(PropertyArray{"x"}));
  EXPECT_EQ(obj->inputs.at("template"), PropertyValue(3));
  EXPECT_TRUE(obj->inputs.at("source").is_asset());
  auto const& bucket = obj->inputs.at("bucket");
  ASSERT_TRUE(bucket.is_resource_reference()) << "the mocks accept resource references";
  EXPECT_THAT(bucket.AsResourceReference().urn, HasSubstr("acme:storage/bucket:Bucket::b"));
}
#pragma GCC diagnostic pop

TEST(AcmeBindingsTest, InvokesInOutputAndPlainFormsSendTheVersion) {
  MockDeployment deployment(std::make_shared<AcmeMocks>());
  std::optional<pulumi::Output<sql::GetDatabaseInstanceResult>> output_form;
  std::string plain_tier;
  ASSERT_EQ(deployment.Run([&](pulumi::Context& ctx) {
    output_form = sql::GetDatabaseInstance(ctx, {.name = pulumi::Output<std::string>("main")});
    auto plain = sql::GetDatabaseInstancePlain(ctx, {.name = "main", .project = "apex"});
    plain_tier = plain.settings.at(0).tier;
  }),
            0);
  auto result = AwaitForTest(*output_form);
  ASSERT_TRUE(result.known);
  EXPECT_EQ(result.value->name, "main");
  EXPECT_EQ(result.value->settings.at(0).edition, sql::Edition::kEnterprise);
  EXPECT_EQ(plain_tier, "db-custom-2");
  auto invokes = deployment.invokes();
  ASSERT_EQ(invokes.size(), 2u);
  EXPECT_THAT(invokes, ::testing::Contains(::testing::Field(&pulumi::mocks::InvokeRecord::args,
                                                            PropertyMap{{"name", "main"}, {"project", "apex"}})));
  for (auto const& i : invokes) {
    EXPECT_EQ(i.token, "acme:sql/getDatabaseInstance:getDatabaseInstance");
    EXPECT_EQ(i.version, "1.2.3");
  }
}

TEST(AcmeBindingsTest, AFailingPlainInvokeThrowsWithTheProvidersReason) {
  struct Failing : AcmeMocks {
    PropertyMap Call(pulumi::mocks::MockCallArgs const&) override { throw std::runtime_error("instance not found"); }
  };
  MockDeployment deployment(std::make_shared<Failing>());
  std::string caught;
  // Handled by the program, so the run succeeds.
  EXPECT_EQ(deployment.Run([&](pulumi::Context& ctx) {
    try {
      sql::GetDatabaseInstancePlain(ctx, {.name = "gone"});
    } catch (pulumi::InvokeError const& e) {
      caught = e.what();
    }
  }),
            0);
  EXPECT_THAT(caught, HasSubstr("instance not found"));
}

TEST(AcmeBindingsTest, ProviderConfigAndGet) {
  MockDeployment deployment(std::make_shared<AcmeMocks>(), {.config = {{"acme:project", "apex-dev"}}});
  std::optional<std::string> project;
  ASSERT_EQ(deployment.Run([&](pulumi::Context& ctx) {
    project = pulumi::acme::config::GetProject(ctx);
    pulumi::acme::Provider provider(ctx, "eu", {.project = "apex-eu"});
    sql::DatabaseInstance db(ctx, "main", {.database_version = "POSTGRES_16"}, {.provider = provider});
    sql::DatabaseInstance::Get(ctx, "existing", "existing-id", {.self_link = "x"});
  }),
            0);
  EXPECT_EQ(project, "apex-dev");
  auto provider = deployment.Find("pulumi:providers:acme", "eu");
  ASSERT_TRUE(provider);
  EXPECT_EQ(provider->inputs.at("project"), PropertyValue("apex-eu"));
  EXPECT_THAT(deployment.Find(sql::DatabaseInstance::kType, "main")->provider, HasSubstr("pulumi:providers:acme::eu"));
  auto existing = deployment.Find(sql::DatabaseInstance::kType, "existing");
  ASSERT_TRUE(existing);
  EXPECT_EQ(existing->id, "existing-id");
}

}  // namespace
