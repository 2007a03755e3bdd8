// The program against mocks: no engine, no cloud (`ctest --test-dir <build>`).
#include "managed_secret.h"

#include "pulumi/mocks/gtest.h"
#include "pulumi/mocks/mocks.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace infra {
namespace {

using ::pulumi::PropertyValue;
using ::pulumi::mocks::MockDeployment;
using ::pulumi::mocks::MockOptions;
using ::pulumi::mocks::MockResourceArgs;
using ::pulumi::mocks::MockResourceResult;
using ::testing::HasSubstr;
using ::testing::Not;

// What Google would return: a secret's name, a version's name.
class GcpMocks : public pulumi::mocks::Mocks {
 public:
  MockResourceResult NewResource(MockResourceArgs const& args) override {
    auto state = args.inputs;
    if (args.type == "gcp:secretmanager/secret:Secret") {
      state["name"] = "projects/test-project/secrets/" + args.inputs.at("secretId").AsString();
    } else if (args.type == "gcp:secretmanager/secretVersion:SecretVersion") {
      state["name"] = "projects/test-project/secrets/app-api-key/versions/1";
    }
    return {args.name + "-id", state};
  }
};

MockOptions Stack(bool dry_run = false) {
  return {.project = "infra",
          .stack = "dev",
          .dry_run = dry_run,
          .config = {{"secretId", "app-api-key"}},
          .secret_config = {{"apiKey", "s3cr3t-value"}}};
}

TEST(InfraTest, TheSecretAndItsVersionArePartOfTheComponent) {
  MockDeployment d(std::make_shared<GcpMocks>(), Stack());
  ASSERT_EQ(d.Run(Program), 0);
  auto component = d.Find("infra:index:ManagedSecret", "api-key");
  auto secret = d.Find("gcp:secretmanager/secret:Secret", "api-key");
  auto version = d.Find("gcp:secretmanager/secretVersion:SecretVersion", "api-key-v1");
  ASSERT_TRUE(component && secret && version);
  EXPECT_EQ(secret->parent, component->urn);
  EXPECT_EQ(version->parent, component->urn);
  EXPECT_EQ(secret->inputs.at("secretId"), PropertyValue("app-api-key"));
  EXPECT_EQ(version->inputs.at("secret"), PropertyValue("api-key-id"));
}

TEST(InfraTest, TheValueFromConfigStaysSecret) {
  MockDeployment d(std::make_shared<GcpMocks>(), Stack());
  ASSERT_EQ(d.Run(Program), 0);
  auto version = d.Find("gcp:secretmanager/secretVersion:SecretVersion", "api-key-v1");
  ASSERT_TRUE(version);
  EXPECT_EQ(version->inputs.at("secretData"), PropertyValue::MakeSecret("s3cr3t-value"));
  EXPECT_EQ(d.stack_outputs().at("secretName"), PropertyValue("projects/test-project/secrets/app-api-key"));
  for (auto const& log : d.logs()) EXPECT_THAT(log.message, Not(HasSubstr("s3cr3t-value")));
}

TEST(InfraTest, AMissingSecretFailsNamingTheKey) {
  MockDeployment d(std::make_shared<GcpMocks>(), MockOptions{.project = "infra", .stack = "dev"});
  EXPECT_EQ(d.Run(Program), 32);
  ASSERT_FALSE(d.logs().empty());
  EXPECT_THAT(d.logs().back().message, HasSubstr("infra:apiKey"));
}

}  // namespace
}  // namespace infra
