#include "pulumi/config.h"
#include "pulumi/mocks/gtest.h"
#include "pulumi/mocks/mocks.h"
#include "pulumi/run.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

namespace apex_test {

struct DatabaseConfig {
  std::string tier;
  int max_connections = 0;
  bool pitr = false;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(DatabaseConfig, tier, max_connections, pitr)

}  // namespace apex_test

namespace pulumi {
namespace {

using ::pulumi::mocks::AwaitForTest;
using ::pulumi::mocks::IsKnownWith;
using ::pulumi::mocks::IsSecret;
using ::pulumi::mocks::MockDeployment;
using ::pulumi::mocks::MockOptions;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

std::string ErrorsOf(MockDeployment const& d) {
  std::string out;
  for (auto const& l : d.logs()) {
    if (l.severity == "error") out += l.message + "\n";
  }
  return out;
}

TEST(ConfigTest, TypedGetAndRequire) {
  MockDeployment d(
      nullptr, MockOptions{.stack = "dev",
                           .config = {{"dbTier", "db-f1-micro"},
                                      {"minInstances", "3"},
                                      {"pitr", "true"},
                                      {"cpu", "0.5"},
                                      {"gcp:region", "us-central1"},
                                      {"database", R"({"tier":"db-custom-2","max_connections":200,"pitr":true})"}}});
  ASSERT_EQ(d.Run([](Context& ctx) {
    Config config(ctx);
    EXPECT_EQ(config.Require("dbTier"), "db-f1-micro");
    EXPECT_EQ(config.Get("missing"), std::nullopt);
    EXPECT_EQ(config.RequireInt("minInstances"), 3);
    EXPECT_EQ(config.GetInt("absent").value_or(7), 7);
    EXPECT_TRUE(config.RequireBool("pitr"));
    EXPECT_DOUBLE_EQ(config.RequireDouble("cpu"), 0.5);
    EXPECT_EQ(Config(ctx, "gcp").Require("region"), "us-central1");
    auto db = config.RequireObject<apex_test::DatabaseConfig>("database");
    EXPECT_EQ(db.tier, "db-custom-2");
    EXPECT_EQ(db.max_connections, 200);
    EXPECT_TRUE(db.pitr);
  }),
            0);
}

TEST(ConfigTest, MissingRequiredKeyNamesTheKeyAndTheStackFile) {
  MockDeployment d(nullptr, MockOptions{.project = "apex-databases", .stack = "prod"});
  EXPECT_EQ(d.Run([](Context& ctx) { Config(ctx).Require("dbTier"); }), kExitStatusLoggedError);
  EXPECT_THAT(ErrorsOf(d), AllOf(HasSubstr("apex-databases:dbTier"), HasSubstr("Pulumi.prod.yaml")));
}

TEST(ConfigTest, WrongTypeNamesTheKeyAndTheExpectedType) {
  MockDeployment d(nullptr, MockOptions{.stack = "dev", .config = {{"minInstances", "three"}}});
  EXPECT_EQ(d.Run([](Context& ctx) { Config(ctx).RequireInt("minInstances"); }), kExitStatusLoggedError);
  EXPECT_THAT(ErrorsOf(d), AllOf(HasSubstr("project:minInstances"), HasSubstr("an integer")));
}

TEST(ConfigTest, WrongTypeOfASecretNeverShowsTheValue) {
  MockDeployment d(nullptr, MockOptions{.secret_config = {{"port", "hunter2-not-a-number"}}});
  EXPECT_EQ(d.Run([](Context& ctx) { Config(ctx).RequireInt("port"); }), kExitStatusLoggedError);
  EXPECT_THAT(ErrorsOf(d), HasSubstr("project:port"));
  for (auto const& l : d.logs()) EXPECT_THAT(l.message, Not(HasSubstr("hunter2")));
}

TEST(ConfigTest, ObjectOfTheWrongShapeNamesTheKey) {
  MockDeployment d(nullptr, MockOptions{.config = {{"database", R"({"tier": 5})"}}});
  EXPECT_EQ(d.Run([](Context& ctx) { Config(ctx).RequireObject<apex_test::DatabaseConfig>("database"); }),
            kExitStatusLoggedError);
  EXPECT_THAT(ErrorsOf(d), HasSubstr("project:database"));
}

TEST(ConfigTest, SecretValuesComeBackAsSecretOutputs) {
  MockDeployment d(nullptr, MockOptions{.secret_config = {{"dbPassword", "hunter2"}}});
  Output<std::string> password;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    Config config(ctx);
    EXPECT_TRUE(config.IsSecret("dbPassword"));
    password = config.RequireSecret("dbPassword");
    ctx.Export("password", password);
  }),
            0);
  auto awaited = AwaitForTest(password);
  EXPECT_THAT(awaited, IsSecret());
  EXPECT_THAT(awaited, IsKnownWith(std::string("hunter2")));
  auto outputs = d.stack_outputs();
  ASSERT_TRUE(outputs.at("password").is_secret());
  for (auto const& l : d.logs()) EXPECT_THAT(l.message, Not(HasSubstr("hunter2")));
}

TEST(ConfigTest, AMissingSecretAsksForConfigSetSecret) {
  MockDeployment d(nullptr, MockOptions{.stack = "dev"});
  EXPECT_EQ(d.Run([](Context& ctx) { Config(ctx).RequireSecret("dbPassword"); }), kExitStatusLoggedError);
  EXPECT_THAT(ErrorsOf(d),
              AllOf(HasSubstr("pulumi config set --secret project:dbPassword"), HasSubstr("Pulumi.dev.yaml")));
}

TEST(ConfigTest, ReadingASecretAsPlainWarns) {
  MockDeployment d(nullptr, MockOptions{.secret_config = {{"dbPassword", "hunter2"}}});
  ASSERT_EQ(d.Run([](Context& ctx) { EXPECT_EQ(Config(ctx).Require("dbPassword"), "hunter2"); }), 0);
  bool warned = false;
  for (auto const& l : d.logs())
    warned = warned || (l.severity == "warning" && l.message.find("project:dbPassword") != std::string::npos);
  EXPECT_TRUE(warned);
}

}  // namespace
}  // namespace pulumi

namespace pulumi {
namespace {

TEST(PropertyValueFromJsonTest, ConvertsEveryJsonKind) {
  auto j = nlohmann::json::parse(R"({"a": [1, 2.5, true, null, "x"], "b": {"c": "d"}})");
  EXPECT_EQ(PropertyValueFromJson(j), PropertyValue(PropertyMap{{"a", PropertyArray{1, 2.5, true, nullptr, "x"}},
                                                                {"b", PropertyMap{{"c", "d"}}}}));
}

}  // namespace
}  // namespace pulumi
