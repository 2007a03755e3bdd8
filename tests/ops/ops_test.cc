// The operations scripts of ops/ (preview, deploy, drift) run as CI runs them, with the real `pulumi` CLI, against
// the simulated cloud and a file backend (gcpsim/lifecycle/workspace.h): a deploy from nothing creates the
// stacks, waits for the data VMs' secrets and runs the migration job; a second deploy changes nothing; a preview
// of the unchanged system reports no change and one after a config change names the property; the drift check
// passes when clean and names the resource and property changed behind Pulumi's back; a missing backend,
// passphrase or stack is a clear error (exit 2).
#include "apex_prerequisites.h"
#include "ops_script.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

namespace pulumi::gcpsim {
namespace {

namespace fs = std::filesystem;
using namespace ops_test;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kRedis[] = "gcp:redis/instance:Instance";
constexpr char kJob[] = "gcp:cloudrunv2/job:Job";
constexpr char kSecretVersion[] = "gcp:secretmanager/secretVersion:SecretVersion";

/// A dev workspace of the four Apex projects, and the scripts run in it as a CI job would run them.
class OpsWorkspace {
 public:
  explicit OpsWorkspace(std::string const& name)
      : ws_(ApexWorkspaceOptions({.sdk_build = SDK_BUILD_DIR,
                                  .infra = INFRA_SOURCE_DIR,
                                  .programs = SDK_BUILD_DIR "/infra",
                                  .engine_bin = EngineBinDir(PULUMI_ENGINE_VERSION)},
                                 std::string(OPS_WORK_DIR) + "/" + name, "dev")) {}

  Workspace& ws() { return ws_; }
  fs::path work() const { return ws_.options().work_dir; }
  std::string backend() const { return "file://" + (work() / "state").string(); }

  /// The variables a CI job sets, under `overrides`.
  std::map<std::string, std::string> WithCi(std::map<std::string, std::string> overrides) const {
    for (auto const& [k, v] :
         std::map<std::string, std::string>{{"PULUMI_BACKEND_URL", backend()},
                                            {"APEX_STACK", "dev"},
                                            {"GCP_SIM", ws_.options().gcp_sim},
                                            {"APEX_POLL_SECONDS", "1"},
                                            // the Apex policy pack, prebuilt by the infra build
                                            {"APEX_POLICY_PACK", SDK_BUILD_DIR "/infra/policy/apex-policy"},
                                            {"GITHUB_STEP_SUMMARY", (work() / "step-summary.md").string()}}) {
      overrides.try_emplace(k, v);
    }
    return overrides;
  }

  /// ops/<script> --projects-dir <workspace>/projects --summary FILE ARGS..., with the workspace's environment,
  /// the backend and stack from the environment (as CI sets them), and `overrides` on top. `watch` sees the
  /// output so far as it grows.
  ScriptRun Script(std::string const& script, std::vector<std::string> args,
                   std::map<std::string, std::string> const& overrides = {},
                   std::function<void(std::string const&)> const& watch = nullptr) {
    auto summary = work() / ("summary-" + std::to_string(++runs_) + ".md");
    std::vector<std::string> argv = {std::string(OPS_DIR) + "/" + script, "--projects-dir",
                                     (work() / "projects").string(), "--summary", summary.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    auto r = RunScript(ws_, argv, WithCi(overrides), watch);
    r.summary = ReadFile(summary);
    return r;
  }

  std::vector<StoredResource> Cloud(std::string const& type) { return CloudOf(ws_, type); }

  /// How many times the migration job has run in the cloud (-1: no job).
  int MigrationExecutions() {
    auto jobs = Cloud(kJob);
    if (jobs.size() != 1) return -1;
    auto it = jobs[0].outputs.find("executionCount");
    return it == jobs[0].outputs.end() || !it->second.is_number() ? 0 : static_cast<int>(it->second.AsNumber());
  }

 private:
  Workspace ws_;
  int runs_ = 0;
};

// One deployed system shared by the tests below, in order: each leaves it as it found it. It is deployed by the
// first ops/deploy, from stacks that do not exist yet and an empty cloud (but for the Temporal API key that
// operators create beforehand).
class DeployedOpsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ops_ = new OpsWorkspace("deployed");
    std::string error;
    if (!ops_->ws().Prepare(&error) || !CreateApexPrerequisites(ops_->ws(), &error)) {
      setup_error_ = new std::string(error);
      return;
    }
    for (auto const* p : kApexProjects) {  // Prepare selected (created) the stacks: deploy must create them
      auto rm = ops_->ws().Pulumi(p, {"stack", "rm", "dev", "--yes", "--preserve-config"});
      if (rm.code != 0) {
        setup_error_ = new std::string(std::string(p) + ": stack rm failed:\n" + rm.output);
        return;
      }
    }
    // The data VMs boot only when the test lets the time pass (gcp-sim boot), once the deploy waits for them.
    first_boot_ = new std::string;
    first_deploy_ = new ScriptRun(ops_->Script("deploy", {}, {{"GCPSIM_VM_BOOT_SECONDS", "3600"}}, [](auto const& out) {
      if (first_boot_->empty() && out.find("waiting for the first version of") != std::string::npos) {
        *first_boot_ = ops_->ws().GcpSim({"boot"}).output;
      }
    }));
  }
  static void TearDownTestSuite() {
    delete first_deploy_;
    delete first_boot_;
    delete setup_error_;
    delete ops_;
  }
  void SetUp() override {
    ASSERT_EQ(setup_error_, nullptr) << *setup_error_;
    ASSERT_EQ(first_deploy_->code, 0) << "the first deploy failed: " << Describe(*first_deploy_);
  }

  static OpsWorkspace* ops_;
  static ScriptRun* first_deploy_;
  static std::string* first_boot_;  ///< what `gcp-sim boot` printed during the first deploy
  static std::string* setup_error_;
};

OpsWorkspace* DeployedOpsTest::ops_ = nullptr;
ScriptRun* DeployedOpsTest::first_deploy_ = nullptr;
std::string* DeployedOpsTest::first_boot_ = nullptr;
std::string* DeployedOpsTest::setup_error_ = nullptr;

TEST_F(DeployedOpsTest, DeployFromNothingCreatesTheStacksWaitsForTheSecretsAndRunsTheMigrationJob) {
  auto const& r = *first_deploy_;
  for (auto const* p : kApexProjects) {
    EXPECT_THAT(r.summary, HasSubstr("`" + std::string(p) + "`: + ")) << p << " created nothing:\n" << r.summary;
    EXPECT_NE(ops_->ws().Export(p), nullptr) << p << " has no stack";
  }
  EXPECT_THAT(r.summary, HasSubstr("(stack created)"));
  // It waited for the VMs' first boot, which wrote the secrets.
  EXPECT_THAT(*first_boot_, HasSubstr("booted "));
  EXPECT_THAT(r.summary,
              HasSubstr("the data VMs' secrets have a version: `apex-db-neo4j-password` `apex-db-qdrant-api-key` "
                        "(after "));
  EXPECT_THAT(r.summary, HasSubstr("migration job `apex-db-migrate`: execution "));
  EXPECT_EQ(ops_->MigrationExecutions(), 1);
  // The order of the steps: the secrets before the services, the migration job after them, monitoring last.
  auto at = [&](std::string const& s) { return r.summary.find(s); };
  EXPECT_LT(at("`apex-databases`"), at("the data VMs' secrets"));
  EXPECT_LT(at("the data VMs' secrets"), at("`apex-services`"));
  EXPECT_LT(at("`apex-services`"), at("migration job"));
  EXPECT_LT(at("migration job"), at("`apex-monitoring`"));
  EXPECT_GT(ops_->Cloud("").size(), 100u);
  EXPECT_THAT(ReadFile(ops_->work() / "step-summary.md"), HasSubstr(r.summary)) << "not in $GITHUB_STEP_SUMMARY";
}

TEST_F(DeployedOpsTest, ASecondDeployChangesNothingAndRunsTheMigrationAgain) {
  auto const before = ops_->MigrationExecutions();
  auto r = ops_->Script("deploy", {"--expect-no-changes"});
  ASSERT_EQ(r.code, 0) << Describe(r);
  for (auto const* p : kApexProjects) {
    EXPECT_THAT(r.summary, ::testing::ContainsRegex("`" + std::string(p) + "`: [0-9]+ unchanged\n")) << r.summary;
  }
  EXPECT_THAT(r.summary, Not(HasSubstr("stack created")));
  EXPECT_EQ(ops_->MigrationExecutions(), before + 1);
}

TEST_F(DeployedOpsTest, PreviewOfTheUnchangedSystemReportsNoChanges) {
  auto r = ops_->Script("preview", {"--stack", "dev"});
  ASSERT_EQ(r.code, 0) << Describe(r);
  EXPECT_THAT(r.summary, HasSubstr("No changes in any project."));
  for (auto const* p : kApexProjects) {
    EXPECT_THAT(r.summary, ::testing::ContainsRegex(
                               "### " + std::string(p) +
                               "\n\ncreate 0 · update 0 · replace 0 · delete 0 · same [1-9][0-9]*\n\nNo changes."));
  }
  EXPECT_THAT(r.output, HasSubstr("pulumi preview --diff"));
}

TEST_F(DeployedOpsTest, PreviewOfAConfigChangeNamesTheResourceAndProperty) {
  auto& ws = ops_->ws();
  ASSERT_EQ(ws.Pulumi("apex-databases", {"config", "set", "apex:redisMemorySizeGb", "2"}).code, 0);
  auto r = ops_->Script("preview", {});
  ASSERT_EQ(ws.Pulumi("apex-databases", {"config", "set", "apex:redisMemorySizeGb", "1"}).code, 0);
  ASSERT_EQ(r.code, 0) << Describe(r);
  EXPECT_THAT(r.summary, HasSubstr("**1 resource(s) change** in apex-databases."));
  EXPECT_THAT(r.summary, HasSubstr("### apex-databases\n\ncreate 0 · update 1 · replace 0 · delete 0"));
  EXPECT_THAT(r.summary,
              HasSubstr("| ~ update | `apex-db-redis` | `gcp:redis/instance:Instance` | `memorySizeGb` | `1` → `2` |"));
  EXPECT_THAT(r.summary, HasSubstr("### apex-monitoring\n\ncreate 0 · update 0"));
  // The --diff log shows the same change; a preview changes nothing in the cloud.
  EXPECT_THAT(r.output, ::testing::ContainsRegex("memorySizeGb *: *1 => 2"));
  EXPECT_EQ(ops_->Cloud(kRedis).at(0).inputs.at("memorySizeGb"), PropertyValue(1.0));
}

TEST_F(DeployedOpsTest, DriftCheckPassesWhenTheCloudIsAsDeployed) {
  auto r = ops_->Script("drift", {});
  ASSERT_EQ(r.code, 0) << Describe(r);
  EXPECT_THAT(r.summary, HasSubstr("No drift in any project."));
  for (auto const* p : kApexProjects) EXPECT_THAT(r.summary, HasSubstr("### " + std::string(p) + "\n\nNo drift."));
}

TEST_F(DeployedOpsTest, DriftCheckNamesTheResourceAndPropertyChangedBehindPulumisBackAndADeployRepairsIt) {
  auto redis = ops_->Cloud(kRedis).at(0);
  auto set = ops_->ws().GcpSim({"set", redis.id, "memorySizeGb=5"});
  ASSERT_EQ(set.code, 0) << set.output;
  auto r = ops_->Script("drift", {});
  // A deploy, which refreshes first, puts it back.
  auto repair = ops_->Script("deploy", {});
  ASSERT_EQ(repair.code, 0) << Describe(repair);
  EXPECT_THAT(repair.summary, HasSubstr("`apex-databases`: ~ 1 updated"));
  EXPECT_EQ(ops_->Cloud(kRedis).at(0).inputs.at("memorySizeGb"), PropertyValue(1.0));

  EXPECT_EQ(r.code, 1) << Describe(r);
  EXPECT_THAT(r.summary, HasSubstr("**Drift found**: 1 resource(s) in apex-databases."));
  EXPECT_THAT(
      r.summary,
      HasSubstr("| ~ changed | `apex-db-redis` | `gcp:redis/instance:Instance` | `memorySizeGb` | `1` → `5` |"));
  // Every project is checked, also after one drifted.
  EXPECT_THAT(r.summary, HasSubstr("### apex-network\n\nNo drift."));
  EXPECT_THAT(r.summary, HasSubstr("### apex-services\n\nNo drift."));
  EXPECT_THAT(r.summary, HasSubstr("### apex-monitoring\n\nNo drift."));
  // The Redis AUTH string (a secret output of the drifted resource) is in neither the report nor the log.
  auto auth = redis.outputs.at("authString");
  auto plain = auth.is_secret() ? auth.SecretElement().AsString() : auth.AsString();
  ASSERT_FALSE(plain.empty());
  EXPECT_THAT(r.summary + r.output, Not(HasSubstr(plain)));
}

TEST_F(DeployedOpsTest, TheWaitForTheDataVmsSecretsIsBounded) {
  // The Neo4j VM has not written its password (its version is gone): the deploy stops before the services.
  std::string version;
  for (auto const& v : ops_->Cloud(kSecretVersion)) {
    if (v.id.find("/secrets/apex-db-neo4j-password/versions/") != std::string::npos) version = v.id;
  }
  ASSERT_FALSE(version.empty());
  ASSERT_EQ(ops_->ws().GcpSim({"delete", version}).code, 0);
  auto r = ops_->Script("deploy", {"--secrets-timeout", "2"});
  // The version again, for what follows, as the VM would have written it.
  auto again = ops_->ws().GcpSim({"create", kSecretVersion, "apex-db-neo4j-password-again",
                                  "secret=projects/apex-dev-123456/secrets/apex-db-neo4j-password",
                                  "secretData=generated-at-boot", "--project", "apex-dev-123456"});
  ASSERT_EQ(again.code, 0) << again.output;

  EXPECT_EQ(r.code, 1) << Describe(r);
  EXPECT_THAT(r.summary,
              HasSubstr("**Deploy failed**: after 2 s, the secret(s) apex-db-neo4j-password still have no version"));
  EXPECT_THAT(r.summary, Not(HasSubstr("`apex-services`")));
}

// The clear errors, before any stack is touched (exit 2): a prepared workspace, nothing deployed.
class OpsErrorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ops_ = new OpsWorkspace("errors");
    std::string error;
    if (!ops_->ws().Prepare(&error)) setup_error_ = new std::string(error);
  }
  static void TearDownTestSuite() {
    delete setup_error_;
    delete ops_;
  }
  void SetUp() override { ASSERT_EQ(setup_error_, nullptr) << *setup_error_; }

  static OpsWorkspace* ops_;
  static std::string* setup_error_;
};

OpsWorkspace* OpsErrorsTest::ops_ = nullptr;
std::string* OpsErrorsTest::setup_error_ = nullptr;

constexpr char const* kScripts[] = {"preview", "deploy", "drift"};

TEST_F(OpsErrorsTest, NoBackend) {
  for (auto const* s : kScripts) {
    auto r = ops_->Script(s, {}, {{"PULUMI_BACKEND_URL", ""}});
    EXPECT_EQ(r.code, 2) << s << ": " << Describe(r);
    EXPECT_THAT(r.output, HasSubstr(std::string("ops/") + s +
                                    ": error: no state backend: pass --backend URL or set "
                                    "PULUMI_BACKEND_URL"));
  }
  // --backend is the same as the variable.
  auto r = ops_->Script("drift", {"--backend", ops_->backend()}, {{"PULUMI_BACKEND_URL", ""}});
  EXPECT_EQ(r.code, 0) << Describe(r);
}

TEST_F(OpsErrorsTest, NoPassphraseForAPassphraseStack) {
  for (auto const* s : kScripts) {
    auto r = ops_->Script(s, {}, {{"PULUMI_CONFIG_PASSPHRASE", ""}});
    EXPECT_EQ(r.code, 2) << s << ": " << Describe(r);
    EXPECT_THAT(r.output, HasSubstr("stack dev of apex-network uses the passphrase secrets provider"));
    EXPECT_THAT(r.output, HasSubstr("neither PULUMI_CONFIG_PASSPHRASE nor PULUMI_CONFIG_PASSPHRASE_FILE is set"));
  }
  // The passphrase from a file does as well (pulumi takes the file's bytes as they are: no newline).
  auto file = ops_->work() / "passphrase-file";
  std::ofstream(file) << ops_->ws().options().passphrase;
  auto r =
      ops_->Script("drift", {}, {{"PULUMI_CONFIG_PASSPHRASE", ""}, {"PULUMI_CONFIG_PASSPHRASE_FILE", file.string()}});
  EXPECT_EQ(r.code, 0) << Describe(r);
  auto missing =
      ops_->Script("drift", {}, {{"PULUMI_CONFIG_PASSPHRASE", ""}, {"PULUMI_CONFIG_PASSPHRASE_FILE", "/nonexistent"}});
  EXPECT_EQ(missing.code, 2) << Describe(missing);
  EXPECT_THAT(missing.output, HasSubstr("PULUMI_CONFIG_PASSPHRASE_FILE (/nonexistent) is not a readable file"));
}

TEST_F(OpsErrorsTest, AMissingStackIsNamedAndNeverCreated) {
  for (auto const* s : {"preview", "drift"}) {
    // The stack file exists (a new environment being added), the stack does not.
    std::ofstream(ops_->work() / "projects" / "apex-network" / "Pulumi.qa.yaml") << "config:\n  gcp:project: apex-qa\n";
    auto r = ops_->Script(s, {"--stack", "qa"});
    EXPECT_EQ(r.code, 2) << s << ": " << Describe(r);
    EXPECT_THAT(r.output, HasSubstr("project apex-network has no stack qa in the backend " + ops_->backend()));
  }
  auto ls = ops_->ws().Pulumi("apex-network", {"stack", "ls"});
  EXPECT_THAT(ls.output, Not(HasSubstr("qa"))) << "a stack was created";
}

TEST_F(OpsErrorsTest, AMissingPolicyPackIsNamed) {
  for (auto const* s : {"preview", "deploy"}) {
    auto r = ops_->Script(s, {"--policy-pack", "/nonexistent/pack"});
    EXPECT_EQ(r.code, 2) << s << ": " << Describe(r);
    EXPECT_THAT(r.output, HasSubstr("no policy pack at /nonexistent/pack"));
  }
}

TEST_F(OpsErrorsTest, UsageAndHelp) {
  for (auto const* s : kScripts) {
    auto help = ops_->Script(s, {"--help"});
    EXPECT_EQ(help.code, 0) << Describe(help);
    EXPECT_THAT(help.output, HasSubstr(std::string("usage: ops/") + s +
                                       " [--stack S] [--backend URL] [--projects-dir DIR] "
                                       "[--summary FILE]"));
    auto bad = ops_->Script(s, {"--stak", "dev"});
    EXPECT_EQ(bad.code, 2) << Describe(bad);
    EXPECT_THAT(bad.output, HasSubstr("unknown argument '--stak'"));
    auto no_stack = ops_->Script(s, {}, {{"APEX_STACK", ""}});
    EXPECT_EQ(no_stack.code, 2) << Describe(no_stack);
    EXPECT_THAT(no_stack.output, HasSubstr("no stack: pass --stack S or set APEX_STACK"));
  }
}

}  // namespace
}  // namespace pulumi::gcpsim
