// The Apex policy pack (infra/policy) run by the real pulumi CLI on the simulated cloud
// (gcpsim/lifecycle/workspace.h): the four projects of dev, staging and prod deploy under it with no mandatory
// violation; a prod stack with a public Cloud SQL IP, an allUsers invoker on an internal service and a secret
// without its cost-center label is blocked with messages naming each resource and rule, and nothing of it is
// created; the labels remediation, configured to remediate, adds the missing label instead.
#include "apex_prerequisites.h"
#include "store.h"
#include "workspace.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace pulumi::gcpsim {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kInfraBuild[] = SDK_BUILD_DIR "/infra";
/// The pack as users run it: the source directory, built by pulumi-language-cpp (runtime: cpp).
constexpr char kPackSource[] = INFRA_SOURCE_DIR "/policy";
/// The same pack prebuilt by the infra build: the engine runs an executable given as --policy-pack directly.
constexpr char kPackBinary[] = SDK_BUILD_DIR "/infra/policy/apex-policy";

constexpr char kBrokenProject[] = "apex-broken-prod";

std::string Describe(CliResult const& r) { return "exit " + std::to_string(r.code) + "\n" + r.output; }

std::string TestName() {
  std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  for (auto& c : name) {
    if (c == '/') c = '-';
  }
  return name;
}

class ApexPolicyTest : public ::testing::Test {
 protected:
  void StartApex(std::string const& stack) {
    ws_ = std::make_unique<Workspace>(ApexWorkspaceOptions({.sdk_build = SDK_BUILD_DIR,
                                                            .infra = INFRA_SOURCE_DIR,
                                                            .programs = kInfraBuild,
                                                            .engine_bin = EngineBinDir(PULUMI_ENGINE_VERSION)},
                                                           std::string(POLICY_WORK_DIR) + "/" + TestName(), stack));
    std::string error;
    ASSERT_TRUE(ws_->Prepare(&error)) << error;
    ASSERT_TRUE(CreateApexPrerequisites(*ws_, &error)) << error;
  }

  void StartBroken(std::map<std::string, std::string> const& flags) {
    auto options = ApexWorkspaceOptions({.sdk_build = SDK_BUILD_DIR,
                                         .infra = INFRA_SOURCE_DIR,
                                         .programs = kInfraBuild,
                                         .engine_bin = EngineBinDir(PULUMI_ENGINE_VERSION)},
                                        std::string(POLICY_WORK_DIR) + "/" + TestName(), "prod");
    options.projects = {{kBrokenProject, INFRA_SOURCE_DIR "/tests/broken-prod",
                         std::string(kInfraBuild) + "/tests/broken-prod/apex-broken-prod"}};
    ws_ = std::make_unique<Workspace>(std::move(options));
    std::string error;
    ASSERT_TRUE(ws_->Prepare(&error)) << error;
    for (auto const& [key, value] : flags) {
      auto set = ws_->Pulumi(kBrokenProject, {"config", "set", "broken:" + key, value});
      ASSERT_EQ(set.code, 0) << Describe(set);
    }
  }

  /// A --policy-pack-config file in the workspace.
  std::string PackConfig(std::string const& json) {
    auto path = fs::path(ws_->options().work_dir) / "policy-config.json";
    std::ofstream(path) << json;
    return path.string();
  }

  std::vector<StoredResource> Cloud(std::string const& type) {
    auto store = Store::Open(ws_->database());
    EXPECT_TRUE(store.ok());
    if (!store.ok()) return {};
    auto list = (*store)->List(type);
    return list.ok() ? *list : std::vector<StoredResource>{};
  }

  std::unique_ptr<Workspace> ws_;
};

class EveryStack : public ApexPolicyTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(EveryStack, TheFourProjectsPreviewAndDeployUnderThePack) {
  auto const stack = GetParam();
  ASSERT_NO_FATAL_FAILURE(StartApex(stack));
  for (auto const* p : kApexProjects) {
    auto preview = ws_->Pulumi(p, {"preview", "--policy-pack", kPackBinary});
    std::ofstream(fs::path(ws_->options().work_dir) / (std::string(p) + "-preview.txt")) << preview.output;
    ASSERT_EQ(preview.code, 0) << p << ": " << Describe(preview);
    EXPECT_THAT(preview.output, HasSubstr("apex-policy")) << p << ": the pack did not run\n" << preview.output;
    EXPECT_THAT(preview.output, Not(HasSubstr("mandatory"))) << p << "\n" << preview.output;
    auto up = ws_->Pulumi(p, {"up", "--yes", "--policy-pack", kPackBinary});
    ASSERT_EQ(up.code, 0) << p << ": " << Describe(up);
    EXPECT_THAT(up.output, Not(HasSubstr("mandatory"))) << p << "\n" << up.output;
  }
}

INSTANTIATE_TEST_SUITE_P(Apex, EveryStack, ::testing::Values("dev", "staging", "prod"),
                         [](auto const& test) { return test.param; });

TEST_F(ApexPolicyTest, ABrokenProdStackIsBlockedNamingEachResourceAndRule) {
  ASSERT_NO_FATAL_FAILURE(StartBroken({}));
  // The pack from its source directory, built by pulumi-language-cpp like a program.
  auto preview = ws_->Pulumi(kBrokenProject, {"preview", "--policy-pack", kPackSource});
  EXPECT_NE(preview.code, 0) << Describe(preview);
  for (auto const* expected : {"public-sql", "sql-no-public-ip", "internal-api-public", "run-no-public-invoker",
                               "unlabeled-secret", "labels-present", "cost-center", "mandatory"}) {
    EXPECT_THAT(preview.output, HasSubstr(expected)) << preview.output;
  }
  auto up = ws_->Pulumi(kBrokenProject, {"up", "--yes", "--policy-pack", kPackBinary});
  EXPECT_NE(up.code, 0) << Describe(up);
  EXPECT_TRUE(Cloud("gcp:sql/databaseInstance:DatabaseInstance").empty());
  EXPECT_TRUE(Cloud("gcp:cloudrunv2/serviceIamMember:ServiceIamMember").empty());
  EXPECT_TRUE(Cloud("gcp:secretmanager/secret:Secret").empty());
}

TEST_F(ApexPolicyTest, TheLabelsRemediationAddsTheMissingLabelWhenConfiguredToRemediate) {
  ASSERT_NO_FATAL_FAILURE(StartBroken({{"publicSql", "false"}, {"publicInvoker", "false"}}));
  auto blocked = ws_->Pulumi(kBrokenProject, {"up", "--yes", "--policy-pack", kPackBinary});
  EXPECT_NE(blocked.code, 0) << Describe(blocked);
  EXPECT_THAT(blocked.output, HasSubstr("cost-center"));
  EXPECT_TRUE(Cloud("gcp:secretmanager/secret:Secret").empty());

  auto config = PackConfig(R"({"labels-remediate": {"enforcementLevel": "remediate", "costCenter": "apex-memory"}})");
  auto up = ws_->Pulumi(kBrokenProject, {"up", "--yes", "--policy-pack", kPackBinary, "--policy-pack-config", config});
  ASSERT_EQ(up.code, 0) << Describe(up);
  auto secrets = Cloud("gcp:secretmanager/secret:Secret");
  ASSERT_EQ(secrets.size(), 1u);
  auto const& labels = secrets[0].inputs.at("labels").AsObject();
  EXPECT_EQ(labels.at("cost-center"), PropertyValue("apex-memory"));
  EXPECT_EQ(labels.at("environment"), PropertyValue("prod"));
}

}  // namespace
}  // namespace pulumi::gcpsim
