// apex-bootstrap through the mocks, for every stack: the state bucket's protections, the KMS key the stacks'
// `secretsprovider:` names, the GitHub workload identity federation restricted to the repository, the deployer's
// roles (exactly the list, no basic role, a conditioned projectIamAdmin) and its grants on the bucket and the key,
// the outputs ops/ and the workflows use, and the refusal of bad config before anything is registered.
#include "apex/bootstrap.h"
#include "apex/gcp_mocks/gcp_mocks.h"
#include "apex/gcp_mocks/projects.h"
#include "apex/gcp_mocks/stack_config.h"
#include "apex_bootstrap/program.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>

namespace {

using ::pulumi::PropertyArray;
using ::pulumi::PropertyMap;
using ::pulumi::PropertyValue;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAreArray;

constexpr char kRepository[] = "apex-memory/apex";
constexpr char kBucket[] = "gcp:storage/bucket:Bucket";
constexpr char kKeyRing[] = "gcp:kms/keyRing:KeyRing";
constexpr char kKey[] = "gcp:kms/cryptoKey:CryptoKey";
constexpr char kPool[] = "gcp:iam/workloadIdentityPool:WorkloadIdentityPool";
constexpr char kProvider[] = "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider";
constexpr char kAccount[] = "gcp:serviceaccount/account:Account";
constexpr char kProjectMember[] = "gcp:projects/iAMMember:IAMMember";
constexpr char kAccountMember[] = "gcp:serviceaccount/iAMMember:IAMMember";
constexpr char kBucketMember[] = "gcp:storage/bucketIAMMember:BucketIAMMember";
constexpr char kKeyMember[] = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";

std::string ProjectOf(std::string const& stack) {
  return stack == "dev" ? "apex-dev-123456" : stack == "staging" ? "apex-staging-345678" : "apex-prod-789012";
}

struct BootstrapRun {
  std::unique_ptr<pulumi::mocks::MockDeployment> deployment;
  int exit_code = -1;
};

/// Runs apex-bootstrap for `stack` from its stack file, with `config` set on top (an empty value removes a key).
BootstrapRun RunBootstrap(std::string const& stack,
                          std::map<std::string, std::string> const& config = {{"apex:githubRepository", kRepository}}) {
  auto c = apex::gcp_mocks::LoadStackConfig(apex::gcp_mocks::ProjectDirectory("apex-bootstrap"), stack);
  for (auto const& [k, v] : config) {
    if (v.empty()) {
      c.config.erase(k);
    } else {
      c.config[k] = v;
    }
  }
  BootstrapRun run;
  run.deployment = std::make_unique<pulumi::mocks::MockDeployment>(
      std::make_shared<apex::gcp_mocks::GcpMocks>(c.GcpProject(), c.Region()),
      apex::gcp_mocks::MockOptionsFor(c, true));
  run.exit_code = run.deployment->Run(apex::bootstrap::Program);
  return run;
}

/// The `secretsprovider:` line of a stack file ("" without one).
std::string SecretsProviderOf(std::string const& project, std::string const& stack) {
  std::ifstream in(apex::gcp_mocks::ProjectDirectory(project) + "/Pulumi." + stack + ".yaml");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("secretsprovider:", 0) == 0) return line.substr(line.find_first_not_of(' ', 16));
  }
  return "";
}

class BootstrapTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    run_ = RunBootstrap(GetParam());
    ASSERT_EQ(run_.exit_code, 0) << apex::gcp_mocks::LogText(*run_.deployment);
  }
  pulumi::mocks::MockDeployment const& d() const { return *run_.deployment; }
  std::string project() const { return ProjectOf(GetParam()); }
  std::string key_path() const {
    return "projects/" + project() + "/locations/us-central1/keyRings/apex-pulumi/cryptoKeys/stack-secrets";
  }
  std::string deployer() const { return "apex-deployer@" + project() + ".iam.gserviceaccount.com"; }
  BootstrapRun run_;
};

TEST_P(BootstrapTest, AVersionedPrivateStateBucketThatKeepsOldCheckpointsForTheRetentionPeriod) {
  auto component = d().Find("apex:bootstrap:Bootstrap", "apex");
  auto bucket = d().Find(kBucket, "apex-state");
  ASSERT_TRUE(component && bucket);
  EXPECT_EQ(bucket->parent, component->urn);
  EXPECT_EQ(bucket->protect, std::optional<bool>(true)) << "the stacks' state must survive a destroy";
  int const days = GetParam() == "prod" ? 90 : 30;
  EXPECT_EQ(bucket->inputs,
            (PropertyMap{{"forceDestroy", false},
                         {"labels", PropertyMap{{"component", "bootstrap"},
                                                {"cost-center", "apex-memory"},
                                                {"environment", GetParam()},
                                                {"managed-by", "pulumi"},
                                                {"project", "apex-bootstrap"}}},
                         {"lifecycleRules",
                          PropertyArray{PropertyMap{{"action", PropertyMap{{"type", "Delete"}}},
                                                    {"condition", PropertyMap{{"daysSinceNoncurrentTime", days},
                                                                              {"withState", "ARCHIVED"}}}}}},
                         {"location", "us-central1"},
                         {"name", project() + "-pulumi-state"},
                         {"project", project()},
                         {"publicAccessPrevention", "enforced"},
                         {"uniformBucketLevelAccess", true},
                         {"versioning", PropertyMap{{"enabled", true}}}}));
}

TEST_P(BootstrapTest, TheKeyTheStacksSecretsProviderNamesRotatesAndCannotBeDestroyed) {
  auto ring = d().Find(kKeyRing, "apex-keyring");
  auto key = d().Find(kKey, "apex-stack-secrets");
  ASSERT_TRUE(ring && key);
  EXPECT_EQ(ring->inputs, (PropertyMap{{"location", "us-central1"}, {"name", "apex-pulumi"}, {"project", project()}}));
  EXPECT_EQ(ring->protect, std::optional<bool>(true));
  EXPECT_EQ(key->protect, std::optional<bool>(true));
  EXPECT_EQ(key->inputs.at("keyRing"),
            PropertyValue("projects/" + project() + "/locations/us-central1/keyRings/apex-pulumi"));
  EXPECT_EQ(key->inputs.at("name"), PropertyValue("stack-secrets"));
  EXPECT_EQ(key->inputs.at("purpose"), PropertyValue("ENCRYPT_DECRYPT"));
  EXPECT_EQ(key->inputs.at("rotationPeriod"), PropertyValue("7776000s"));  // 90 days
  EXPECT_EQ(key->inputs.at("deletionPolicy"), PropertyValue("PREVENT"));

  auto out = d().stack_outputs();
  EXPECT_EQ(out.at("secretsProvider"), PropertyValue("gcpkms://" + key_path()));
  // The stacks that encrypt with it name exactly this key (dev keeps the passphrase provider).
  for (auto const* stack_project : {"apex-network", "apex-databases", "apex-services", "apex-monitoring"}) {
    auto declared = SecretsProviderOf(stack_project, GetParam());
    if (GetParam() == "dev") {
      EXPECT_EQ(declared, "") << stack_project;
    } else {
      EXPECT_EQ(declared, "gcpkms://" + key_path()) << stack_project;
    }
  }
}

TEST_P(BootstrapTest, OnlyTheRepositorysGithubWorkflowsAreFederated) {
  auto pool = d().Find(kPool, "apex-github-pool");
  auto provider = d().Find(kProvider, "apex-github-provider");
  ASSERT_TRUE(pool && provider);
  EXPECT_EQ(pool->inputs.at("workloadIdentityPoolId"), PropertyValue("github"));
  EXPECT_EQ(pool->inputs.at("project"), PropertyValue(project()));
  EXPECT_EQ(provider->inputs.at("attributeCondition"), PropertyValue("assertion.repository == 'apex-memory/apex'"));
  EXPECT_EQ(provider->inputs.at("oidc"),
            PropertyValue(PropertyMap{{"issuerUri", "https://token.actions.githubusercontent.com"}}));
  auto mapping = provider->inputs.at("attributeMapping").AsObject();
  EXPECT_EQ(mapping.at("google.subject"), PropertyValue("assertion.sub"));
  EXPECT_EQ(mapping.at("attribute.repository"), PropertyValue("assertion.repository"));
  EXPECT_EQ(provider->inputs.at("workloadIdentityPoolId"), PropertyValue("github"));
  EXPECT_EQ(provider->inputs.at("workloadIdentityPoolProviderId"), PropertyValue("github-actions"));

  // The repository's workflows (and nothing else of the pool) may act as the deployer.
  auto wif = d().Find(kAccountMember, "apex-deployer-wif");
  ASSERT_TRUE(wif);
  EXPECT_EQ(wif->inputs.at("role"), PropertyValue("roles/iam.workloadIdentityUser"));
  EXPECT_EQ(wif->inputs.at("serviceAccountId"),
            PropertyValue("projects/" + project() + "/serviceAccounts/" + deployer()));
  auto const& member = wif->inputs.at("member");
  if (member.is_string()) {  // the pool's resource name is Google's (a hand model of the pool gives it)
    EXPECT_THAT(member.AsString(), ::testing::StartsWith("principalSet://iam.googleapis.com/"));
    EXPECT_THAT(member.AsString(), ::testing::EndsWith("/attribute.repository/apex-memory/apex"));
  } else {
    EXPECT_TRUE(member.is_computed()) << "the member follows the pool's name";
  }
  EXPECT_THAT(wif->dependencies, ::testing::Contains(pool->urn));
}

TEST_P(BootstrapTest, TheDeployerHasExactlyTheRolesADeployNeeds) {
  auto account = d().Find(kAccount, "apex-deployer");
  ASSERT_TRUE(account);
  EXPECT_EQ(account->inputs.at("accountId"), PropertyValue("apex-deployer"));
  std::vector<std::string> roles;
  for (auto const& m : d().OfType(kProjectMember)) {
    EXPECT_EQ(m.inputs.at("member"), PropertyValue("serviceAccount:" + deployer())) << m.name;
    EXPECT_EQ(m.inputs.at("project"), PropertyValue(project())) << m.name;
    roles.push_back(m.inputs.at("role").AsString());
  }
  auto want = apex::DeployerProjectRoles();
  want.push_back("roles/resourcemanager.projectIamAdmin");
  EXPECT_THAT(roles, UnorderedElementsAreArray(want));
  for (auto const& role : roles) {
    EXPECT_NE(role, "roles/owner");
    EXPECT_NE(role, "roles/editor");
    EXPECT_NE(role, "roles/iam.serviceAccountTokenCreator") << "the deployer mints no tokens for other accounts";
  }
  // projectIamAdmin only for the roles the stacks grant their runtime accounts.
  auto iam_admin = d().Find(kProjectMember, "apex-deployer-projectiamadmin");
  ASSERT_TRUE(iam_admin);
  auto condition = iam_admin->inputs.at("condition").AsObject();
  EXPECT_EQ(condition.at("expression"),
            PropertyValue("api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', []).hasOnly(["
                          "'roles/cloudsql.client', 'roles/cloudsql.instanceUser', 'roles/logging.logWriter', "
                          "'roles/monitoring.metricWriter'])"));

  auto state = d().Find(kBucketMember, "apex-deployer-state");
  ASSERT_TRUE(state);
  EXPECT_EQ(state->inputs, (PropertyMap{{"bucket", project() + "-pulumi-state"},
                                        {"member", "serviceAccount:" + deployer()},
                                        {"role", "roles/storage.objectAdmin"}}));
  auto secrets = d().Find(kKeyMember, "apex-deployer-secrets");
  ASSERT_TRUE(secrets);
  EXPECT_EQ(secrets->inputs, (PropertyMap{{"cryptoKeyId", key_path()},
                                          {"member", "serviceAccount:" + deployer()},
                                          {"role", "roles/cloudkms.cryptoKeyEncrypterDecrypter"}}));
}

TEST_P(BootstrapTest, ExportsWhatOpsAndTheWorkflowsUse) {
  auto out = d().stack_outputs();
  EXPECT_EQ(out.at("stateBucket"), PropertyValue(project() + "-pulumi-state"));
  EXPECT_EQ(out.at("backendUrl"), PropertyValue("gs://" + project() + "-pulumi-state"));
  EXPECT_EQ(out.at("secretsProvider"), PropertyValue("gcpkms://" + key_path()));
  EXPECT_EQ(out.at("deployerServiceAccount"), PropertyValue(deployer()));
  ASSERT_TRUE(out.contains("workloadIdentityProvider"));
}

TEST_P(BootstrapTest, EnablesTheApisItUsesAndEveryResourceWaitsForThem) {
  std::vector<std::string> api_urns;
  for (auto const& api : apex::kBootstrapApis) {
    auto service = d().Find("gcp:projects/service:Service", "api-" + api.substr(0, api.find('.')));
    ASSERT_TRUE(service) << api;
    api_urns.push_back(service->urn);
  }
  for (auto const& r : d().resources()) {
    if (r.type.rfind("gcp:", 0) != 0 || r.type == "gcp:projects/service:Service") continue;
    for (auto const& urn : api_urns) EXPECT_THAT(r.dependencies, ::testing::Contains(urn)) << r.name;
  }
}

INSTANTIATE_TEST_SUITE_P(Stacks, BootstrapTest, ::testing::Values("dev", "staging", "prod"));

TEST(BootstrapConfigTest, BadValuesFailNamingTheKeyAndTheStackFileBeforeAnythingIsRegistered) {
  struct Case {
    std::map<std::string, std::string> config;
    std::string message;
  };
  for (auto const& c :
       std::vector<Case>{{{{"apex:githubRepository", ""}}, "'apex:githubRepository': is required"},
                         {{{"apex:githubRepository", "https://github.com/apex-memory/apex"}},
                          "'https://github.com/apex-memory/apex' is not a GitHub repository as owner/name"},
                         {{{"apex:githubRepository", "apex-memory/apex' || true || '"}}, "is not a GitHub repository"},
                         {{{"apex:githubRepository", kRepository}, {"apex:stateBucket", "Apex_State"}},
                          "'apex:stateBucket': 'Apex_State' is not a valid bucket name"},
                         {{{"apex:githubRepository", kRepository}, {"apex:keyRotationDays", "0"}},
                          "'apex:keyRotationDays': 0 is outside 1..3650"},
                         {{{"apex:githubRepository", kRepository}, {"apex:workloadIdentityPoolId", "gcp-pool"}},
                          "'apex:workloadIdentityPoolId': 'gcp-pool' is not a pool or provider id"},
                         {{{"apex:githubRepository", kRepository}, {"apex:deployerAccountId", "Deployer"}},
                          "'apex:deployerAccountId': 'Deployer' is not a service account id"}}) {
    auto run = RunBootstrap("prod", c.config);
    auto log = apex::gcp_mocks::LogText(*run.deployment);
    EXPECT_NE(run.exit_code, 0) << c.message;
    EXPECT_THAT(log, HasSubstr(c.message));
    EXPECT_THAT(log, HasSubstr("Pulumi.prod.yaml")) << c.message;
    EXPECT_TRUE(run.deployment->OfType(kBucket).empty()) << c.message;
  }
}

}  // namespace
