// ops/bootstrap run as an operator runs it, with the real `pulumi` CLI, against the simulated cloud and a local
// state directory (gcpsim/lifecycle/workspace.h): the state bucket, the key ring and key, the workload identity
// pool and provider, the deployer and its grants appear in the cloud with their key settings; the script prints
// the `pulumi login` and `secretsprovider:` lines to use; a rerun changes nothing; bad arguments, a wrong project,
// a missing backend or passphrase are clear errors (exit 2) before anything is created.
#include "../ops_script.h"
#include "apex_prerequisites.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace pulumi::gcpsim {
namespace {

namespace fs = std::filesystem;
using namespace ops_test;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kStack[] = "staging";
constexpr char kProject[] = "apex-staging-345678";
constexpr char kRepository[] = "apex-memory/apex";
constexpr char kDeployer[] = "apex-deployer@apex-staging-345678.iam.gserviceaccount.com";

/// A workspace with apex-bootstrap only, whose cloud starts empty.
class BootstrapWorkspace {
 public:
  /// A previous run's bootstrap state (encrypted with that run's passphrase) is removed with the workspace.
  explicit BootstrapWorkspace(std::string const& name) : ws_(Options(name)) { fs::remove_all(state_dir()); }

  static WorkspaceOptions Options(std::string const& name) {
    auto o = ApexWorkspaceOptions({.sdk_build = SDK_BUILD_DIR,
                                   .infra = INFRA_SOURCE_DIR,
                                   .programs = SDK_BUILD_DIR "/infra",
                                   .engine_bin = EngineBinDir(PULUMI_ENGINE_VERSION)},
                                  std::string(OPS_WORK_DIR) + "/" + name, kStack);
    o.projects = {
        {"apex-bootstrap", INFRA_SOURCE_DIR "/apex-bootstrap", SDK_BUILD_DIR "/infra/apex-bootstrap/apex-bootstrap"}};
    return o;
  }

  Workspace& ws() { return ws_; }
  fs::path work() const { return ws_.options().work_dir; }
  fs::path state_dir() const { return work() / "bootstrap-state"; }
  fs::path stack_file() const {
    return work() / "projects" / "apex-bootstrap" / (std::string("Pulumi.") + kStack + ".yaml");
  }

  /// ops/bootstrap --projects-dir <workspace>/projects ARGS..., with the workspace's environment and `overrides`.
  ScriptRun Script(std::vector<std::string> args, std::map<std::string, std::string> const& overrides = {}) {
    std::vector<std::string> argv = {std::string(OPS_DIR) + "/bootstrap", "--projects-dir",
                                     (work() / "projects").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return RunScript(ws_, argv, overrides);
  }

  std::vector<std::string> Args() const {
    return {"--stack",   kStack,        "--project-id",      kProject, "--github-repository",
            kRepository, "--state-dir", state_dir().string()};
  }

  std::vector<StoredResource> Cloud(std::string const& type) { return CloudOf(ws_, type); }

 private:
  Workspace ws_;
};

PropertyValue At(StoredResource const& r, std::string const& key) {
  auto it = r.inputs.find(key);
  return it == r.inputs.end() ? PropertyValue() : it->second;
}

// One bootstrap shared by the tests below: run once from an empty cloud and no state.
class BootstrappedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    boot_ = new BootstrapWorkspace("bootstrapped");
    std::string error;
    if (!boot_->ws().Prepare(&error)) {
      setup_error_ = new std::string(error);
      return;
    }
    // The stack file as committed: Prepare's `stack select --create` wrote a passphrase salt into the copy.
    std::istringstream in(ReadFile(boot_->stack_file()));
    std::string committed;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("encryptionsalt:", 0) != 0) committed += line + "\n";
    }
    std::ofstream(boot_->stack_file()) << committed;
    first_ = new ScriptRun(boot_->Script(boot_->Args()));
  }
  static void TearDownTestSuite() {
    delete first_;
    delete setup_error_;
    delete boot_;
  }
  void SetUp() override {
    ASSERT_EQ(setup_error_, nullptr) << *setup_error_;
    ASSERT_EQ(first_->code, 0) << "the bootstrap failed: " << Describe(*first_);
  }

  static BootstrapWorkspace* boot_;
  static ScriptRun* first_;
  static std::string* setup_error_;
};

BootstrapWorkspace* BootstrappedTest::boot_ = nullptr;
ScriptRun* BootstrappedTest::first_ = nullptr;
std::string* BootstrappedTest::setup_error_ = nullptr;

TEST_F(BootstrappedTest, PrintsTheBackendAndSecretsProviderToUse) {
  EXPECT_THAT(first_->output, HasSubstr("pulumi login gs://apex-staging-345678-pulumi-state\n"));
  EXPECT_THAT(first_->output, HasSubstr("secretsprovider: gcpkms://projects/apex-staging-345678/locations/us-central1/"
                                        "keyRings/apex-pulumi/cryptoKeys/stack-secrets\n"));
  EXPECT_THAT(first_->output, HasSubstr(std::string("APEX_STAGING_SERVICE_ACCOUNT=") + kDeployer));
  EXPECT_THAT(first_->output, HasSubstr("APEX_STAGING_WORKLOAD_IDENTITY_PROVIDER="));
  // The key the bootstrap made is the one the stacks of staging already declare.
  auto network_stack = ReadFile(fs::path(INFRA_SOURCE_DIR) / "apex-network" / "Pulumi.staging.yaml");
  EXPECT_THAT(network_stack, HasSubstr("secretsprovider: gcpkms://projects/apex-staging-345678/locations/us-central1/"
                                       "keyRings/apex-pulumi/cryptoKeys/stack-secrets"));
  // Its own state is in the local directory, with the repository recorded in the stack file, and how to move it.
  EXPECT_TRUE(fs::exists(boot_->state_dir() / ".pulumi" / "stacks" / "apex-bootstrap" / "staging.json"));
  EXPECT_THAT(ReadFile(boot_->stack_file()), HasSubstr("apex:githubRepository: apex-memory/apex"));
  EXPECT_THAT(ReadFile(boot_->stack_file()), Not(HasSubstr("encryptionsalt:"))) << "the stack file is committed";
  EXPECT_THAT(first_->output, HasSubstr("pulumi stack export --stack staging |"));
  EXPECT_THAT(first_->output, HasSubstr("pulumi stack import --stack staging"));
}

TEST_F(BootstrappedTest, TheStateBucketIsVersionedPrivateAndUniform) {
  auto buckets = boot_->Cloud("gcp:storage/bucket:Bucket");
  ASSERT_EQ(buckets.size(), 1u);
  auto const& b = buckets[0];
  EXPECT_EQ(b.id, "apex-staging-345678-pulumi-state");
  EXPECT_EQ(At(b, "versioning"), PropertyValue(PropertyMap{{"enabled", true}}));
  EXPECT_EQ(At(b, "uniformBucketLevelAccess"), PropertyValue(true));
  EXPECT_EQ(At(b, "publicAccessPrevention"), PropertyValue("enforced"));
  EXPECT_EQ(At(b, "project"), PropertyValue(kProject));
  ASSERT_TRUE(At(b, "labels").is_object());
  EXPECT_EQ(At(b, "labels").AsObject().at("managed-by"), PropertyValue("pulumi"));
  ASSERT_TRUE(At(b, "lifecycleRules").is_array());
  ASSERT_EQ(At(b, "lifecycleRules").AsArray().size(), 1u);
  auto rule = At(b, "lifecycleRules").AsArray()[0].AsObject();
  EXPECT_EQ(rule.at("action").AsObject().at("type"), PropertyValue("Delete"));
  EXPECT_EQ(rule.at("condition").AsObject().at("daysSinceNoncurrentTime"), PropertyValue(30));
}

TEST_F(BootstrappedTest, TheKeyRingAndTheRotatingKey) {
  auto rings = boot_->Cloud("gcp:kms/keyRing:KeyRing");
  ASSERT_EQ(rings.size(), 1u);
  EXPECT_EQ(At(rings[0], "name"), PropertyValue("apex-pulumi"));
  EXPECT_EQ(At(rings[0], "location"), PropertyValue("us-central1"));
  auto keys = boot_->Cloud("gcp:kms/cryptoKey:CryptoKey");
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(At(keys[0], "name"), PropertyValue("stack-secrets"));
  EXPECT_EQ(At(keys[0], "keyRing"),
            PropertyValue("projects/apex-staging-345678/locations/us-central1/keyRings/apex-pulumi"));
  EXPECT_EQ(At(keys[0], "rotationPeriod"), PropertyValue("7776000s"));
  EXPECT_EQ(At(keys[0], "purpose"), PropertyValue("ENCRYPT_DECRYPT"));
  EXPECT_EQ(At(keys[0], "deletionPolicy"), PropertyValue("PREVENT"));
}

TEST_F(BootstrappedTest, TheWorkloadIdentityPoolAndTheRepositorysProvider) {
  auto pools = boot_->Cloud("gcp:iam/workloadIdentityPool:WorkloadIdentityPool");
  ASSERT_EQ(pools.size(), 1u);
  EXPECT_EQ(At(pools[0], "workloadIdentityPoolId"), PropertyValue("github"));
  auto providers = boot_->Cloud("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider");
  ASSERT_EQ(providers.size(), 1u);
  auto const& p = providers[0];
  EXPECT_EQ(At(p, "workloadIdentityPoolProviderId"), PropertyValue("github-actions"));
  EXPECT_EQ(At(p, "attributeCondition"), PropertyValue("assertion.repository == 'apex-memory/apex'"));
  EXPECT_EQ(At(p, "oidc").AsObject().at("issuerUri"), PropertyValue("https://token.actions.githubusercontent.com"));
  EXPECT_EQ(At(p, "attributeMapping").AsObject().at("attribute.repository"), PropertyValue("assertion.repository"));
}

TEST_F(BootstrappedTest, TheDeployerWithItsRolesAndGrants) {
  auto accounts = boot_->Cloud("gcp:serviceaccount/account:Account");
  ASSERT_EQ(accounts.size(), 1u);
  EXPECT_EQ(accounts[0].outputs.at("email"), PropertyValue(kDeployer));

  std::vector<std::string> roles;
  for (auto const& m : boot_->Cloud("gcp:projects/iAMMember:IAMMember")) {
    EXPECT_EQ(At(m, "member"), PropertyValue(std::string("serviceAccount:") + kDeployer)) << m.name;
    roles.push_back(At(m, "role").AsString());
  }
  EXPECT_THAT(roles, ::testing::Contains("roles/run.admin"));
  EXPECT_THAT(roles, ::testing::Contains("roles/compute.networkAdmin"));
  EXPECT_THAT(roles, ::testing::Contains("roles/resourcemanager.projectIamAdmin"));
  EXPECT_THAT(roles, Not(::testing::Contains("roles/owner")));
  EXPECT_THAT(roles, Not(::testing::Contains("roles/editor")));
  EXPECT_EQ(roles.size(), 13u);

  auto wif = boot_->Cloud("gcp:serviceaccount/iAMMember:IAMMember");
  ASSERT_EQ(wif.size(), 1u);
  EXPECT_EQ(At(wif[0], "role"), PropertyValue("roles/iam.workloadIdentityUser"));
  ASSERT_TRUE(At(wif[0], "member").is_string());
  EXPECT_THAT(At(wif[0], "member").AsString(), ::testing::StartsWith("principalSet://iam.googleapis.com/"));
  EXPECT_THAT(At(wif[0], "member").AsString(), ::testing::EndsWith("/attribute.repository/apex-memory/apex"));

  auto state = boot_->Cloud("gcp:storage/bucketIAMMember:BucketIAMMember");
  ASSERT_EQ(state.size(), 1u);
  EXPECT_EQ(At(state[0], "bucket"), PropertyValue("apex-staging-345678-pulumi-state"));
  EXPECT_EQ(At(state[0], "role"), PropertyValue("roles/storage.objectAdmin"));
  auto key = boot_->Cloud("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember");
  ASSERT_EQ(key.size(), 1u);
  EXPECT_EQ(At(key[0], "cryptoKeyId"), PropertyValue("projects/apex-staging-345678/locations/us-central1/keyRings/"
                                                     "apex-pulumi/cryptoKeys/stack-secrets"));
  EXPECT_EQ(At(key[0], "role"), PropertyValue("roles/cloudkms.cryptoKeyEncrypterDecrypter"));
  EXPECT_EQ(At(key[0], "member"), PropertyValue(std::string("serviceAccount:") + kDeployer));
}

// What google-github-actions/auth and the deployer's binding need are Google's resource names, with the project
// number: this needs the simulator's models of the pool and the provider (their `name`), as Google computes it.
TEST_F(BootstrappedTest, TheFederationIsNamedAsGoogleNamesIt) {
  std::string line;
  std::istringstream out(first_->output);
  for (std::string l; std::getline(out, l);) {
    if (l.find("APEX_STAGING_WORKLOAD_IDENTITY_PROVIDER=") != std::string::npos) line = l.substr(l.find('=') + 1);
  }
  EXPECT_THAT(line, ::testing::MatchesRegex("projects/[0-9]+/locations/global/workloadIdentityPools/github/"
                                            "providers/github-actions"));
  auto wif = boot_->Cloud("gcp:serviceaccount/iAMMember:IAMMember");
  ASSERT_EQ(wif.size(), 1u);
  EXPECT_THAT(At(wif[0], "member").AsString(),
              ::testing::MatchesRegex("principalSet://iam\\.googleapis\\.com/projects/[0-9]+/locations/global/"
                                      "workloadIdentityPools/github/attribute\\.repository/apex-memory/apex"));
}

TEST_F(BootstrappedTest, ARerunChangesNothing) {
  auto again = boot_->Script(boot_->Args());
  ASSERT_EQ(again.code, 0) << Describe(again);
  auto summary = ResourceSummary(again.output);
  EXPECT_THAT(summary, HasSubstr("unchanged")) << again.output;
  EXPECT_THAT(summary, Not(HasSubstr("created"))) << again.output;
  EXPECT_THAT(summary, Not(HasSubstr("updated"))) << again.output;
  EXPECT_THAT(summary, Not(HasSubstr("replaced"))) << again.output;
}

// Every error is found before the script creates a stack or touches the cloud.
TEST(BootstrapErrorsTest, BadArgumentsAreClearErrorsBeforeAnythingHappens) {
  BootstrapWorkspace boot("errors");
  std::string error;
  ASSERT_TRUE(boot.ws().Prepare(&error)) << error;
  auto const state = boot.state_dir().string();
  struct Case {
    std::vector<std::string> args;
    std::map<std::string, std::string> env;
    std::string message;
  };
  for (auto const& c : std::vector<Case>{
           {{"--project-id", kProject, "--github-repository", kRepository, "--state-dir", state},
            {},
            "no stack: pass --stack S or set APEX_STACK"},
           {{"--stack", "qa", "--project-id", kProject, "--github-repository", kRepository, "--state-dir", state},
            {},
            "Pulumi.qa.yaml: the stacks of apex-bootstrap are staging"},
           {{"--stack", kStack, "--project-id", kProject, "--github-repository", kRepository},
            {},
            "no state backend for the bootstrap: pass --state-dir DIR the first time"},
           {{"--stack", kStack, "--github-repository", kRepository, "--state-dir", state},
            {},
            "no --project-id: name the Google Cloud project to bootstrap (the stack file says apex-staging-345678)"},
           {{"--stack", kStack, "--project-id", "apex-prod-789012", "--github-repository", kRepository, "--state-dir",
             state},
            {},
            "--project-id apex-prod-789012 is not the project of stack staging"},
           {{"--stack", kStack, "--project-id", kProject, "--state-dir", state},
            {},
            "no --github-repository OWNER/NAME"},
           {{"--stack", kStack, "--project-id", kProject, "--github-repository", "https://github.com/a/b",
             "--state-dir", state},
            {},
            "--github-repository 'https://github.com/a/b' is not OWNER/NAME"},
           {{"--stack", kStack, "--project-id", kProject, "--github-repository", kRepository, "--state-dir", state},
            {{"PULUMI_CONFIG_PASSPHRASE", ""}},
            "neither PULUMI_CONFIG_PASSPHRASE nor PULUMI_CONFIG_PASSPHRASE_FILE is set"},
           {{"--stack", kStack, "--bogus"}, {}, "unknown argument '--bogus'"}}) {
    auto r = boot.Script(c.args, c.env);
    EXPECT_EQ(r.code, 2) << c.message << "\n" << r.output;
    EXPECT_THAT(r.output, HasSubstr(c.message));
  }
  EXPECT_FALSE(fs::exists(boot.state_dir() / ".pulumi" / "stacks" / "apex-bootstrap"));
  EXPECT_TRUE(boot.Cloud("").empty());
}

}  // namespace
}  // namespace pulumi::gcpsim
