// The real lifecycle of Apex on the simulated cloud, with the real pulumi CLI (gcpsim/lifecycle/workspace.h):
// for dev, staging and prod, the four projects in dependency order: preview, up, up --expect-no-changes,
// refresh --expect-no-changes, then destroy in reverse order; drift made behind Pulumi's back with gcp-sim is
// detected and repaired; a config change updates in place and a force-new one replaces; an interrupted up is
// completed by a rerun; staging and prod refuse destroy while deletion protection is on. State files never hold a
// plaintext secret. The prerequisites of issue #11 hold through the real engine: a project with the `default`
// network is refused, and the services deploy only once the data VMs have written their generated secrets.
#include "apex_prerequisites.h"
#include "store.h"
#include "subprocess.h"
#include "workspace.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace pulumi::gcpsim {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kRedis[] = "gcp:redis/instance:Instance";
constexpr char kFirewall[] = "gcp:compute/firewall:Firewall";
constexpr char kSecretVersion[] = "gcp:secretmanager/secretVersion:SecretVersion";

WorkspaceOptions Options(std::string const& name, std::string const& stack, int latency_ms = 0) {
  return ApexWorkspaceOptions({.sdk_build = SDK_BUILD_DIR,
                               .infra = INFRA_SOURCE_DIR,
                               .programs = SDK_BUILD_DIR "/infra",
                               .engine_bin = EngineBinDir(PULUMI_ENGINE_VERSION)},
                              std::string(SIM_WORK_DIR) + "/" + name, stack, latency_ms);
}

/// The Apex policy pack as the infra build makes it (the engine runs an executable --policy-pack directly).
constexpr char kPolicyPack[] = SDK_BUILD_DIR "/infra/policy/apex-policy";

std::string Describe(CliResult const& r) { return "exit " + std::to_string(r.code) + "\n" + r.output; }

class ApexSimTest : public ::testing::Test {
 protected:
  void Start(std::string const& stack, int latency_ms = 0) {
    auto const* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = info->name();
    for (auto& c : name) {
      if (c == '/') c = '-';
    }
    ws_ = std::make_unique<Workspace>(Options(name, stack, latency_ms));
    std::string error;
    ASSERT_TRUE(ws_->Prepare(&error)) << error;
    ASSERT_TRUE(CreateApexPrerequisites(*ws_, &error)) << error;
  }

  CliResult Run(std::string const& project, std::vector<std::string> args) {
    auto r = ws_->Pulumi(project, std::move(args));
    RecordProperty(project + " " + std::to_string(++step_), r.output.substr(0, 200));
    return r;
  }

  void Deploy(std::string const& project) {
    auto up = Run(project, {"up", "--yes"});
    ASSERT_EQ(up.code, 0) << project << ": " << Describe(up);
  }

  void DeployAll() {
    for (auto const* p : kApexProjects) ASSERT_NO_FATAL_FAILURE(Deploy(p));
  }

  std::vector<StoredResource> Cloud(std::string const& type = "") {
    auto store = Store::Open(ws_->database());
    EXPECT_TRUE(store.ok());
    if (!store.ok()) return {};
    auto list = (*store)->List(type);
    return list.ok() ? *list : std::vector<StoredResource>{};
  }

  /// Every state file holds none of these plaintexts.
  void ExpectNoPlaintext(std::vector<std::string> const& secrets) {
    for (auto const* p : kApexProjects) {
      auto state = ws_->StateFile(p);
      for (auto const& s : secrets) {
        ASSERT_FALSE(s.empty());
        EXPECT_THAT(state, Not(HasSubstr(s))) << p << "'s state holds a secret in plaintext";
      }
    }
  }

  /// The secrets a deployment handles: none from config (issue #11); the Redis AUTH string the cloud made, and
  /// what the VMs generated at first boot into Secret Manager.
  std::vector<std::string> Secrets() {
    std::vector<std::string> out;
    for (auto const& version : Cloud(kSecretVersion)) {
      if (!version.name.ends_with("-first-boot")) continue;
      auto const& data = version.inputs.at("secretData");
      out.push_back(data.is_secret() ? data.SecretElement().AsString() : data.AsString());
    }
    for (auto const& redis : Cloud(kRedis)) {
      auto it = redis.outputs.find("authString");
      if (it != redis.outputs.end() && it->second.is_secret()) out.push_back(it->second.SecretElement().AsString());
    }
    return out;
  }

  std::unique_ptr<Workspace> ws_;
  int step_ = 0;
};

class LifecycleTest : public ApexSimTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(LifecycleTest, DeployRefreshDestroyInDependencyOrder) {
  auto const stack = GetParam();
  ASSERT_NO_FATAL_FAILURE(Start(stack));
  for (auto const* p : kApexProjects) {
    auto preview = Run(p, {"preview"});
    ASSERT_EQ(preview.code, 0) << p << ": " << Describe(preview);
    EXPECT_THAT(preview.output, HasSubstr("to create")) << p;
    ASSERT_NO_FATAL_FAILURE(Deploy(p));
    auto again = Run(p, {"up", "--yes", "--expect-no-changes"});
    EXPECT_EQ(again.code, 0) << p << ": " << Describe(again);
    auto refresh = Run(p, {"refresh", "--yes", "--expect-no-changes"});
    EXPECT_EQ(refresh.code, 0) << p << ": " << Describe(refresh);
  }
  auto const deployed = Cloud().size();
  EXPECT_GT(deployed, 60u);
  auto secrets = Secrets();
  EXPECT_GE(secrets.size(), 3u);
  ExpectNoPlaintext(secrets);

  bool const protected_stack =
      Run("apex-databases", {"config", "get", "apex:deletionProtection"}).output.starts_with("true");
  EXPECT_EQ(protected_stack, stack != "dev");  // staging and prod keep their data stores and services
  if (protected_stack) {
    // Deletion protection holds: destroy is refused with the provider's message, the protected resources stay.
    auto refused = Run("apex-services", {"destroy", "--yes"});
    EXPECT_NE(refused.code, 0);
    EXPECT_THAT(refused.output, HasSubstr("without setting deletion_protection=false"));
    auto refused_db = Run("apex-databases", {"destroy", "--yes"});
    EXPECT_NE(refused_db.code, 0);
    // Whichever protected resource the engine tries first refuses: Cloud SQL, Redis, a secret or a data VM.
    EXPECT_THAT(refused_db.output,
                ::testing::AnyOf(HasSubstr("deletion_protection"), HasSubstr("protected against deletion")));
    EXPECT_EQ(Cloud("gcp:sql/databaseInstance:DatabaseInstance").size(), 1u);
    EXPECT_EQ(Cloud("gcp:cloudrunv2/service:Service").size(), 3u);
    if (stack == "prod") {
      // Turning protection off alone is refused by the policy pack: prod needs apex:decommission too.
      ASSERT_EQ(Run("apex-databases", {"config", "set", "apex:deletionProtection", "false"}).code, 0);
      auto guarded = Run("apex-databases", {"up", "--yes", "--policy-pack", kPolicyPack});
      EXPECT_NE(guarded.code, 0);
      EXPECT_THAT(guarded.output, HasSubstr("[mandatory]"));
      EXPECT_THAT(guarded.output, HasSubstr("deletion"));
    }
    // A deliberate teardown, as the README documents it: lift the protection, apply (under the pack, which lets a
    // declared decommission through), then destroy.
    for (auto const* p : {"apex-services", "apex-databases"}) {
      ASSERT_EQ(Run(p, {"config", "set", "apex:decommission", "true"}).code, 0);
      ASSERT_EQ(Run(p, {"config", "set", "apex:deletionProtection", "false"}).code, 0);
      auto up = Run(p, {"up", "--yes", "--policy-pack", kPolicyPack});
      ASSERT_EQ(up.code, 0) << p << ": " << Describe(up);
    }
  }
  for (auto it = std::rbegin(kApexProjects); it != std::rend(kApexProjects); ++it) {
    auto destroy = Run(*it, {"destroy", "--yes"});
    ASSERT_EQ(destroy.code, 0) << *it << ": " << Describe(destroy);
  }
  // What is left is what was there before the stacks (the Temporal API key secret and its version), and the APIs
  // the stacks enabled, which stay on (disableOnDestroy false).
  std::vector<StoredResource> left;
  for (auto& r : Cloud()) {
    if (r.type != "gcp:projects/service:Service") left.push_back(std::move(r));
  }
  EXPECT_EQ(left.size(), 2u);
  for (auto const& r : left) EXPECT_EQ(r.urn, "") << r.type << " " << r.id << " outlived its stack";
  EXPECT_GE(Cloud("gcp:projects/service:Service").size(), 6u);
}

INSTANTIATE_TEST_SUITE_P(EveryStack, LifecycleTest, ::testing::Values("dev", "staging", "prod"),
                         [](auto const& test) { return test.param; });

TEST_F(ApexSimTest, DriftIsDetectedAndRepaired) {
  ASSERT_NO_FATAL_FAILURE(Start("dev"));
  ASSERT_NO_FATAL_FAILURE(Deploy("apex-network"));
  ASSERT_NO_FATAL_FAILURE(Deploy("apex-databases"));
  auto redis = Cloud(kRedis);
  ASSERT_EQ(redis.size(), 1u);
  auto firewalls = Cloud(kFirewall);
  ASSERT_FALSE(firewalls.empty());
  auto const& firewall = firewalls.front();

  // A person in the console: a bigger cache, a deleted firewall rule.
  auto set = ws_->GcpSim({"set", redis[0].id, "memorySizeGb=5"});
  ASSERT_EQ(set.code, 0) << set.output;
  auto del = ws_->GcpSim({"delete", firewall.id});
  ASSERT_EQ(del.code, 0) << del.output;

  auto db_drift = Run("apex-databases", {"refresh", "--preview-only", "--expect-no-changes"});
  EXPECT_NE(db_drift.code, 0) << Describe(db_drift);
  EXPECT_THAT(db_drift.output, HasSubstr(redis[0].name));
  EXPECT_THAT(db_drift.output, HasSubstr("memorySizeGb"));
  auto net_drift = Run("apex-network", {"refresh", "--preview-only", "--expect-no-changes"});
  EXPECT_NE(net_drift.code, 0) << Describe(net_drift);
  EXPECT_THAT(net_drift.output, HasSubstr(firewall.name));

  for (auto const* p : {"apex-network", "apex-databases"}) {
    auto repair = Run(p, {"up", "--refresh", "--yes"});
    ASSERT_EQ(repair.code, 0) << p << ": " << Describe(repair);
  }
  EXPECT_EQ(Cloud(kRedis).at(0).inputs.at("memorySizeGb"), PropertyValue(1.0));
  EXPECT_EQ(Cloud(kFirewall).size(), firewalls.size());
  for (auto const* p : {"apex-network", "apex-databases"}) {
    auto clean = Run(p, {"refresh", "--preview-only", "--expect-no-changes"});
    EXPECT_EQ(clean.code, 0) << p << ": " << Describe(clean);
  }
}

TEST_F(ApexSimTest, AConfigChangeUpdatesInPlaceAndAForceNewChangeReplaces) {
  ASSERT_NO_FATAL_FAILURE(Start("dev"));
  ASSERT_NO_FATAL_FAILURE(Deploy("apex-network"));
  ASSERT_NO_FATAL_FAILURE(Deploy("apex-databases"));
  auto const redis_before = Cloud(kRedis).at(0);

  ASSERT_EQ(Run("apex-databases", {"config", "set", "apex:redisMemorySizeGb", "2"}).code, 0);
  auto update = Run("apex-databases", {"up", "--yes"});
  ASSERT_EQ(update.code, 0) << Describe(update);
  EXPECT_THAT(ResourceSummary(update.output), HasSubstr("1 updated"));
  auto redis_after = Cloud(kRedis).at(0);
  EXPECT_EQ(redis_after.id, redis_before.id);
  EXPECT_EQ(redis_after.inputs.at("memorySizeGb"), PropertyValue(2.0));
  EXPECT_EQ(redis_after.outputs.at("host"), redis_before.outputs.at("host"));

  // An operator rotates Redis's AUTH string (gcloud redis instances update --rotate-auth-string... here behind
  // Pulumi's back): the next `up --refresh` reads the new string, which Secret Manager only takes as a new
  // version of the AUTH secret: a replacement.
  auto versions_before = Cloud(kSecretVersion);
  auto rotated_auth = ws_->GcpSim({"set", redis_after.id, "authString=rotated-auth-0123456789"});
  ASSERT_EQ(rotated_auth.code, 0) << rotated_auth.output;
  auto rotate = Run("apex-databases", {"up", "--refresh", "--yes"});
  ASSERT_EQ(rotate.code, 0) << Describe(rotate);
  EXPECT_THAT(ResourceSummary(rotate.output), HasSubstr("replaced"));
  auto versions_after = Cloud(kSecretVersion);
  EXPECT_EQ(versions_after.size(), versions_before.size());
  bool rotated = false;
  for (auto const& v : versions_after) rotated = rotated || v.id.ends_with("/versions/2");
  EXPECT_TRUE(rotated) << "no secret got a second version";
  EXPECT_THAT(ws_->StateFile("apex-databases"), Not(HasSubstr("rotated-auth-0123456789")));
  auto again = Run("apex-databases", {"up", "--yes", "--expect-no-changes"});
  EXPECT_EQ(again.code, 0) << Describe(again);
}

TEST_F(ApexSimTest, TheNetworkStackRefusesAProjectThatHasTheDefaultNetwork) {
  ASSERT_NO_FATAL_FAILURE(Start("dev"));
  // What Google makes in a new project when Compute Engine is enabled (policy row 24).
  auto made = ws_->GcpSim({"create", "gcp:compute/network:Network", "default", "name=default",
                           "autoCreateSubnetworks=true", "--project", "apex-dev-123456"});
  ASSERT_EQ(made.code, 0) << made.output;
  auto refused = Run("apex-network", {"up", "--yes"});
  EXPECT_NE(refused.code, 0);
  EXPECT_THAT(refused.output, HasSubstr("project apex-dev-123456 still has the auto-created 'default' network"));
  EXPECT_THAT(refused.output, HasSubstr("gcloud compute networks delete default --project apex-dev-123456"));
  EXPECT_EQ(Cloud("gcp:compute/network:Network").size(), 1u) << "nothing but the APIs may be made beside it";
  ASSERT_EQ(ws_->GcpSim({"delete", "projects/apex-dev-123456/global/networks/default"}).code, 0);
  ASSERT_NO_FATAL_FAILURE(Deploy("apex-network"));
}

TEST_F(ApexSimTest, TheServicesDeployOnceTheDataVmsHaveWrittenTheirSecrets) {
  ASSERT_NO_FATAL_FAILURE(Start("dev"));
  ASSERT_NO_FATAL_FAILURE(Deploy("apex-network"));
  // VMs that take an hour to boot: their startup scripts have not written the secrets when the services come.
  ws_->SetEnv("GCPSIM_VM_BOOT_SECONDS", "3600");
  ASSERT_NO_FATAL_FAILURE(Deploy("apex-databases"));
  auto early = Run("apex-services", {"up", "--yes"});
  EXPECT_NE(early.code, 0);
  EXPECT_THAT(early.output, ::testing::ContainsRegex("secrets/apex-db-(neo4j-password|qdrant-api-key)/versions/latest "
                                                     "was not found"));
  auto boot = ws_->GcpSim({"boot"});  // the hour passes
  ASSERT_EQ(boot.code, 0) << boot.output;
  EXPECT_THAT(boot.output, HasSubstr("booted projects/apex-dev-123456/zones/us-central1-a/instances/apex-db-neo4j"));
  ASSERT_NO_FATAL_FAILURE(Deploy("apex-services"));
  // One IAM database user per workload that uses Postgres, the migration job's among them; no password anywhere.
  int iam_users = 0;
  for (auto const& user : Cloud("gcp:sql/user:User")) {
    EXPECT_EQ(user.inputs.at("type"), PropertyValue("CLOUD_IAM_SERVICE_ACCOUNT")) << user.name;
    EXPECT_FALSE(user.inputs.contains("password")) << user.name;
    ++iam_users;
  }
  EXPECT_EQ(iam_users, 4);
  EXPECT_EQ(Cloud("gcp:cloudrunv2/job:Job").size(), 1u);
}

TEST_F(ApexSimTest, AnInterruptedUpIsCompletedByARerun) {
  ASSERT_NO_FATAL_FAILURE(Start("dev", /*latency_ms=*/1500));
  ASSERT_NO_FATAL_FAILURE(Deploy("apex-network"));
  auto const network_resources = Cloud().size();

  std::string error, output;
  auto up = host::Subprocess::Start({.argv = ws_->PulumiArgv({"up", "--yes"}),
                                     .cwd = ws_->project_dir("apex-databases"),
                                     .env = ws_->Env(),
                                     .capture = true},
                                    &error);
  ASSERT_TRUE(up) << error;
  int code = -1;
  std::thread reader([&] { code = up->Wait([&](host::Stream, std::string_view d) { output.append(d); }); });
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
  while (Cloud().size() < network_resources + 3 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  ASSERT_GE(Cloud().size(), network_resources + 3) << "the deployment never got going:\n" << output;
  up->Signal(SIGINT);
  reader.join();
  EXPECT_NE(code, 0) << output;
  auto const partial = Cloud().size();
  RecordProperty("interrupted with", std::to_string(partial - network_resources) + " database resources created");

  auto rerun = Run("apex-databases", {"up", "--yes", "--skip-preview"});
  ASSERT_EQ(rerun.code, 0) << Describe(rerun);
  auto again = Run("apex-databases", {"up", "--yes", "--expect-no-changes"});
  EXPECT_EQ(again.code, 0) << Describe(again);
  auto refresh = Run("apex-databases", {"refresh", "--yes", "--expect-no-changes"});
  EXPECT_EQ(refresh.code, 0) << Describe(refresh);
  EXPECT_GT(Cloud().size(), partial);
}

}  // namespace
}  // namespace pulumi::gcpsim
