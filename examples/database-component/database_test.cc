// The example program, run with mocks: what a user's unit test of their infrastructure looks like.
#include "database.h"

#include "pulumi/mocks/gtest.h"
#include "pulumi/mocks/mocks.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace example {
namespace {

using ::pulumi::PropertyMap;
using ::pulumi::PropertyValue;
using ::pulumi::mocks::MockDeployment;
using ::pulumi::mocks::MockOptions;
using ::pulumi::mocks::MockResourceArgs;
using ::pulumi::mocks::MockResourceResult;
using ::testing::HasSubstr;
using ::testing::Not;

class DbMocks : public pulumi::mocks::Mocks {
 public:
  MockResourceResult NewResource(MockResourceArgs const& args) override {
    auto state = args.inputs;
    if (args.type == "apexdb:index:Instance" && !args.dry_run) state["host"] = "10.20.0.3";
    return {args.dry_run ? "" : args.name + "-id", state};
  }
};

MockOptions DevStack(bool dry_run) {
  return MockOptions{.project = "example",
                     .stack = "dev",
                     .dry_run = dry_run,
                     .config = {{"tier", "db-f1-micro"}},
                     .secret_config = {{"dbPassword", "correct-horse"}}};
}

TEST(DatabaseExampleTest, ChildrenAreParentedAndConfigured) {
  MockDeployment d(std::make_shared<DbMocks>(), DevStack(false));
  ASSERT_EQ(d.Run(Program), 0);
  auto component = d.Find("examples:index:Database", "apex");
  auto instance = d.Find("apexdb:index:Instance", "apex-instance");
  auto user = d.Find("apexdb:index:User", "apex-app");
  ASSERT_TRUE(component && instance && user);
  EXPECT_EQ(instance->parent, component->urn);
  EXPECT_EQ(user->parent, component->urn);
  EXPECT_EQ(instance->inputs, (PropertyMap{{"tier", "db-f1-micro"}, {"publicIp", false}}));
  EXPECT_EQ(user->inputs.at("instance"), PropertyValue("apex-instance-id"));
  EXPECT_EQ(user->inputs.at("password"), PropertyValue::MakeSecret("correct-horse"));
  EXPECT_EQ(user->additional_secret_outputs, std::vector<std::string>{"password"});
}

TEST(DatabaseExampleTest, StackOutputsKeepTheSecretSecret) {
  MockDeployment d(std::make_shared<DbMocks>(), DevStack(false));
  ASSERT_EQ(d.Run(Program), 0);
  auto outputs = d.stack_outputs();
  EXPECT_EQ(outputs.at("host"), PropertyValue("10.20.0.3"));
  EXPECT_EQ(outputs.at("connection"), PropertyValue::MakeSecret("postgres://app:correct-horse@10.20.0.3:5432/vectors"));
  for (auto const& log : d.logs()) EXPECT_THAT(log.message, Not(HasSubstr("correct-horse")));
}

TEST(DatabaseExampleTest, PreviewLeavesTheHostUnknown) {
  MockDeployment d(std::make_shared<DbMocks>(), DevStack(true));
  ASSERT_EQ(d.Run(Program), 0);
  EXPECT_TRUE(d.stack_outputs().at("host").is_computed());
  EXPECT_TRUE(d.Find("apexdb:index:User", "apex-app")->inputs.at("instance").is_computed());
}

TEST(DatabaseExampleTest, MissingConfigFailsWithTheKeyName) {
  MockDeployment d(std::make_shared<DbMocks>(), MockOptions{.project = "example", .stack = "dev"});
  EXPECT_EQ(d.Run(Program), 32);
  ASSERT_FALSE(d.logs().empty());
  EXPECT_THAT(d.logs().back().message, HasSubstr("example:tier"));
}

}  // namespace
}  // namespace example
