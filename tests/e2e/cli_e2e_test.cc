// End-to-end tests with the real `pulumi` CLI and engine (built by tools/build-engine), a file backend and
// the passphrase secrets provider: no network, no cloud.
#include "subprocess.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace pulumi::host {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kPassphrase[] = "e2e-passphrase";
constexpr char kSecretToken[] = "tok-5f3a9c-very-secret";

struct CliResult {
  int code = -1;
  std::string output;  // stdout and stderr combined
};

std::string EngineBinDir() {
  if (char const* d = std::getenv("PULUMI_CPP_ENGINE_BIN"); d && *d) return d;
  char const* cache = std::getenv("PULUMI_CPP_CACHE");
  std::string root = cache && *cache ? cache : std::string(std::getenv("HOME")) + "/.cache/pulumi-cpp";
  return root + "/engine/" PULUMI_ENGINE_VERSION "/bin";
}

class CliE2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_EQ(access((EngineBinDir() + "/pulumi").c_str(), X_OK), 0)
        << "the pulumi CLI is not built at " << EngineBinDir() << ": run tools/build-engine (tools/test does)";
  }

  void SetUp() override {
    auto const* info = ::testing::UnitTest::GetInstance()->current_test_info();
    work_ = fs::path(E2E_WORK_DIR) / info->name();
    fs::remove_all(work_ / "state");
    fs::remove_all(work_ / "home");
    fs::create_directories(work_ / "state");
    fs::create_directories(work_ / "home");
    ASSERT_EQ(Pulumi(work_, {"login", "file://" + (work_ / "state").string()}).code, 0);
  }

  /// Copies a test program into this test's work directory (stable path, so the build cache is reused); a
  /// shared program lives in one directory for all tests, so it is compiled once (its stack files are not
  /// kept from one test to the next).
  fs::path Program(std::string const& name, bool shared = false) {
    auto dir = shared ? fs::path(E2E_WORK_DIR) / "shared" / name : work_ / name;
    fs::create_directories(dir);
    for (auto const& f : {"Pulumi.yaml", "CMakeLists.txt", "main.cc"}) {
      if (!fs::exists(fs::path(E2E_PROGRAMS_DIR) / name / f)) continue;
      fs::copy_file(fs::path(E2E_PROGRAMS_DIR) / name / f, dir / f, fs::copy_options::overwrite_existing);
    }
    for (auto const& entry : fs::directory_iterator(dir)) {
      if (entry.path().filename().string().rfind("Pulumi.", 0) == 0 && entry.path().filename() != "Pulumi.yaml") {
        fs::remove(entry.path());
      }
    }
    return dir;
  }

  std::map<std::string, std::string> Env() const {
    char const* path = std::getenv("PATH");
    return {{"PATH",
             std::string(LANGUAGE_HOST_DIR) + ":" + E2E_PROVIDER_DIR + ":" + EngineBinDir() + ":" + (path ? path : "")},
            {"PULUMI_HOME", (work_ / "home").string()},
            {"PULUMI_CONFIG_PASSPHRASE", kPassphrase},
            {"PULUMI_SKIP_UPDATE_CHECK", "1"},
            {"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true"},
            {"PULUMI_CPP_PACKAGE_DIR", SDK_PACKAGE_DIR},
            {"PULUMI_CPP_PROGRAM_BUILD_ROOT", std::string(E2E_WORK_DIR) + "/program-builds"},
            {"NO_COLOR", "1"}};
  }

  CliResult Pulumi(fs::path const& dir, std::vector<std::string> args) {
    args.insert(args.begin(), EngineBinDir() + "/pulumi");
    args.push_back("--non-interactive");
    CliResult r;
    r.code = RunCapture({.argv = args, .cwd = dir.string(), .env = Env()}, &r.output);
    return r;
  }

  void InitAppStack(fs::path const& app, std::string const& stack) {
    ASSERT_EQ(Pulumi(app, {"stack", "init", stack}).code, 0);
    ASSERT_EQ(Pulumi(app, {"config", "set", "region", "europe-west1"}).code, 0);
    ASSERT_EQ(Pulumi(app, {"config", "set", "--secret", "token", kSecretToken}).code, 0);
  }

  nlohmann::json StackOutputs(fs::path const& dir, bool show_secrets = false) {
    std::vector<std::string> args{"stack", "output", "--json"};
    if (show_secrets) args.push_back("--show-secrets");
    auto r = Pulumi(dir, args);
    EXPECT_EQ(r.code, 0) << r.output;
    return nlohmann::json::parse(r.output.substr(r.output.find('{')), nullptr, false);
  }

  std::string StateFile(std::string const& project, std::string const& stack) {
    std::ifstream in(work_ / "state" / ".pulumi" / "stacks" / project / (stack + ".json"));
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  struct Interrupted : CliResult {
    std::chrono::steady_clock::duration after_signal{};  ///< how long the CLI took to end after SIGINT
  };

  /// Starts `pulumi up` in `dir` with the program in its slow mode, sends SIGINT (to the CLI's process group, as
  /// Ctrl-C does) once the program has written `marker`, and returns when the CLI has ended.
  Interrupted InterruptedUp(fs::path const& dir, fs::path const& marker) {
    fs::remove(marker);
    EXPECT_EQ(Pulumi(dir, {"config", "set", "mode", "slow"}).code, 0);
    EXPECT_EQ(Pulumi(dir, {"config", "set", "markerFile", marker.string()}).code, 0);
    Interrupted r;
    std::string error;
    auto args = std::vector<std::string>{EngineBinDir() + "/pulumi", "up", "--yes", "--non-interactive"};
    auto up = Subprocess::Start({.argv = args, .cwd = dir.string(), .env = Env(), .capture = true}, &error);
    if (!up) {
      ADD_FAILURE() << error;
      return r;
    }
    std::thread reader([&] { r.code = up->Wait([&](Stream, std::string_view d) { r.output.append(d); }); });
    auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
    while (!fs::exists(marker) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_TRUE(fs::exists(marker)) << "the program never reached its slow part";
    auto signalled = std::chrono::steady_clock::now();
    up->Signal(SIGINT);
    reader.join();
    r.after_signal = std::chrono::steady_clock::now() - signalled;
    return r;
  }

  /// The stack's resources from `pulumi stack export`: URN -> id ("" for components and the stack).
  std::map<std::string, std::string> ExportedResources(fs::path const& dir) {
    auto r = Pulumi(dir, {"stack", "export"});
    EXPECT_EQ(r.code, 0) << r.output;
    auto json = nlohmann::json::parse(r.output.substr(r.output.find('{')), nullptr, false);
    std::map<std::string, std::string> out;
    if (json.is_discarded()) return out;
    for (auto const& res : json["deployment"]["resources"]) {
      out[res.value("urn", "")] = res.value("id", "");
    }
    return out;
  }

  fs::path work_;
};

// --- a failing program never deletes or replaces what it did not get to register (issue #9) ----------------
// Each case deploys the fleet program (two groups of custom resources), then runs a variant that fails after
// the first group has registered. Had the program told the engine that it finished (SignalAndWaitForShutdown),
// the engine would delete the second group. The stack must come out exactly as it went in, and the next normal
// `up` must find nothing to do.

struct FailureCase {
  std::string name;
  std::vector<std::pair<std::string, std::string>> config;  // what makes the program fail
  std::string message;                                      // what the user is shown
  bool preview_fails = true;
};

std::ostream& operator<<(std::ostream& os, FailureCase const& c) { return os << c.name; }

class FailedRunE2eTest : public CliE2eTest, public ::testing::WithParamInterface<FailureCase> {};

TEST_P(FailedRunE2eTest, KeepsEveryResourceOfTheStack) {
  auto const& c = GetParam();
  auto fleet = Program("fleet", /*shared=*/true);
  ASSERT_EQ(Pulumi(fleet, {"stack", "init", "dev"}).code, 0);
  auto up = Pulumi(fleet, {"up", "--yes"});
  ASSERT_EQ(up.code, 0) << up.output;
  auto const before = ExportedResources(fleet);
  ASSERT_EQ(before.size(), 10u);  // stack, default provider, 2 groups of 3 items
  auto const outputs_before = StackOutputs(fleet);

  for (auto const& [k, v] : c.config) ASSERT_EQ(Pulumi(fleet, {"config", "set", k, v}).code, 0);

  auto preview = Pulumi(fleet, {"preview", "--diff"});
  EXPECT_EQ(preview.code != 0, c.preview_fails) << preview.output;
  EXPECT_THAT(preview.output, Not(HasSubstr("to delete"))) << preview.output;
  EXPECT_THAT(preview.output, Not(HasSubstr("to replace"))) << preview.output;
  EXPECT_THAT(preview.output, Not(::testing::ContainsRegex("- +e2e:index:Item"))) << preview.output;

  auto failed = Pulumi(fleet, {"up", "--yes"});
  EXPECT_NE(failed.code, 0) << failed.output;
  EXPECT_THAT(failed.output, HasSubstr(c.message));
  EXPECT_THAT(failed.output, Not(HasSubstr("deleted")));
  EXPECT_EQ(ExportedResources(fleet), before);
  EXPECT_EQ(StackOutputs(fleet), outputs_before);

  for (auto const& [k, v] : c.config) ASSERT_EQ(Pulumi(fleet, {"config", "rm", k}).code, 0);
  auto again = Pulumi(fleet, {"up", "--yes", "--expect-no-changes"});
  EXPECT_EQ(again.code, 0) << again.output;
  EXPECT_EQ(ExportedResources(fleet), before);
}

INSTANTIATE_TEST_SUITE_P(
    EveryExitPath, FailedRunE2eTest,
    ::testing::Values(
        FailureCase{"ExceptionInTheBody", {{"mode", "throw"}}, "e2e: the program failed on purpose"},
        FailureCase{"ConfigError", {{"fanout", "abc"}}, "e2e-fleet:fanout"},
        FailureCase{"ExceptionInAnApply", {{"mode", "apply"}}, "e2e: an apply callback failed on purpose"},
        FailureCase{"FailedInvoke", {{"mode", "invoke"}}, "e2e: the lookup failed on purpose"},
        FailureCase{"EngineRejectsARegistration", {{"mode", "duplicate"}}, "Duplicate resource URN"},
        FailureCase{"ProviderRejectsTheInputs", {{"mode", "check"}}, "is not a valid value"},
        FailureCase{"ProviderFailsACreate", {{"mode", "create"}}, "creating extra failed on purpose", false}),
    [](auto const& test) { return test.param.name; });

TEST_F(CliE2eTest, InterruptedUpOfADeployedStackKeepsEveryResource) {
  auto fleet = Program("fleet", /*shared=*/true);
  ASSERT_EQ(Pulumi(fleet, {"stack", "init", "dev"}).code, 0);
  ASSERT_EQ(Pulumi(fleet, {"up", "--yes"}).code, 0);
  auto const before = ExportedResources(fleet);
  ASSERT_EQ(before.size(), 10u);

  auto interrupted = InterruptedUp(fleet, work_ / "marker");
  EXPECT_NE(interrupted.code, 0) << interrupted.output;
  EXPECT_THAT(interrupted.output, Not(HasSubstr("deleted")));
  EXPECT_EQ(ExportedResources(fleet), before);

  ASSERT_EQ(Pulumi(fleet, {"config", "rm", "mode"}).code, 0);
  auto again = Pulumi(fleet, {"up", "--yes", "--expect-no-changes"});
  EXPECT_EQ(again.code, 0) << again.output;
}

TEST_F(CliE2eTest, PreviewUpNoChangesRefreshDestroy) {
  auto app = Program("app");
  InitAppStack(app, "dev");

  auto preview = Pulumi(app, {"preview"});
  ASSERT_EQ(preview.code, 0) << preview.output;
  EXPECT_THAT(preview.output, HasSubstr("e2e:index:Tier"));
  EXPECT_THAT(preview.output, HasSubstr("7 to create"));  // stack, 2 tiers, 4 shards

  auto up = Pulumi(app, {"up", "--yes"});
  ASSERT_EQ(up.code, 0) << up.output;
  EXPECT_THAT(up.output, HasSubstr("7 created"));
  EXPECT_THAT(up.output, Not(HasSubstr(kSecretToken)));

  auto outputs = StackOutputs(app);
  EXPECT_EQ(outputs["region"], "europe-west1");
  EXPECT_EQ(outputs["token"], "[secret]");
  EXPECT_EQ(outputs["tokenLength"], "[secret]");  // derived from a secret, so secret too
  EXPECT_EQ(outputs["greeting"], "hello from europe-west1");
  auto revealed = StackOutputs(app, true);
  EXPECT_EQ(revealed["token"], kSecretToken);
  EXPECT_EQ(revealed["tokenLength"], 22);

  auto again = Pulumi(app, {"up", "--yes", "--expect-no-changes"});
  EXPECT_EQ(again.code, 0) << again.output;

  auto refresh = Pulumi(app, {"refresh", "--yes"});
  EXPECT_EQ(refresh.code, 0) << refresh.output;

  auto state = StateFile("e2e-app", "dev");
  ASSERT_THAT(state, HasSubstr("e2e:index:Shard"));
  EXPECT_THAT(state, Not(HasSubstr(kSecretToken)));
  EXPECT_THAT(state, HasSubstr("ciphertext"));

  auto destroy = Pulumi(app, {"destroy", "--yes"});
  ASSERT_EQ(destroy.code, 0) << destroy.output;
  EXPECT_THAT(destroy.output, HasSubstr("7 deleted"));
}

TEST_F(CliE2eTest, NewFromTheTemplateThenUp) {
  auto dir = work_ / "from-template";
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto created = Pulumi(dir, {"new", TEMPLATE_DIR, "--yes", "--name", "fromtemplate", "--stack", "dev"});
  ASSERT_EQ(created.code, 0) << created.output;
  EXPECT_TRUE(fs::exists(dir / "main.cc"));
  auto up = Pulumi(dir, {"up", "--yes"});
  ASSERT_EQ(up.code, 0) << up.output;
  EXPECT_EQ(StackOutputs(dir)["greeting"], "hello");
}

TEST_F(CliE2eTest, StackReferenceReadsAnotherStack) {
  auto app = Program("app");
  InitAppStack(app, "prod");
  ASSERT_EQ(Pulumi(app, {"up", "--yes"}).code, 0);

  auto consumer = Program("consumer");
  ASSERT_EQ(Pulumi(consumer, {"stack", "init", "prod"}).code, 0);
  ASSERT_EQ(Pulumi(consumer, {"config", "set", "appStack", "organization/e2e-app/prod"}).code, 0);
  auto up = Pulumi(consumer, {"up", "--yes"});
  ASSERT_EQ(up.code, 0) << up.output;
  auto outputs = StackOutputs(consumer);
  EXPECT_EQ(outputs["upstreamRegion"], "europe-west1");
  EXPECT_EQ(outputs["upstreamToken"], "[secret]");
  EXPECT_EQ(outputs["upstreamGreeting"], "hello from europe-west1 (via reference)");
  EXPECT_EQ(StackOutputs(consumer, true)["upstreamToken"], kSecretToken);
  EXPECT_THAT(StateFile("e2e-consumer", "prod"), Not(HasSubstr(kSecretToken)));
}

TEST_F(CliE2eTest, ThrowingProgramShowsTheErrorAndFails) {
  auto app = Program("app");
  InitAppStack(app, "dev");
  ASSERT_EQ(Pulumi(app, {"config", "set", "mode", "throw"}).code, 0);
  auto up = Pulumi(app, {"up", "--yes"});
  EXPECT_NE(up.code, 0);
  EXPECT_THAT(up.output, HasSubstr("e2e: the program failed on purpose"));
}

TEST_F(CliE2eTest, MissingRequiredConfigNamesTheKey) {
  auto app = Program("app");
  ASSERT_EQ(Pulumi(app, {"stack", "init", "dev"}).code, 0);
  ASSERT_EQ(Pulumi(app, {"config", "set", "--secret", "token", kSecretToken}).code, 0);
  auto preview = Pulumi(app, {"preview"});
  EXPECT_NE(preview.code, 0);
  EXPECT_THAT(preview.output, HasSubstr("e2e-app:region"));
  EXPECT_THAT(preview.output, HasSubstr("Pulumi.dev.yaml"));
}

TEST_F(CliE2eTest, InterruptedUpCanBeCompletedByARerun) {
  auto app = Program("app");
  InitAppStack(app, "dev");
  auto interrupted = InterruptedUp(app, work_ / "marker");
  // Cancelled well before the program's 60 s wait would have ended on its own.
  EXPECT_LT(interrupted.after_signal, std::chrono::seconds(30));
  EXPECT_NE(interrupted.code, 0) << interrupted.output;

  ASSERT_EQ(Pulumi(app, {"config", "set", "mode", "normal"}).code, 0);
  auto rerun = Pulumi(app, {"up", "--yes"});
  ASSERT_EQ(rerun.code, 0) << rerun.output;
  EXPECT_EQ(StackOutputs(app)["greeting"], "hello from europe-west1");
  auto again = Pulumi(app, {"up", "--yes", "--expect-no-changes"});
  EXPECT_EQ(again.code, 0) << again.output;
}

}  // namespace
}  // namespace pulumi::host
