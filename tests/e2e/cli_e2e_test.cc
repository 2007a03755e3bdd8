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
        << "the pulumi CLI is not built at " << EngineBinDir() << ": run tools/build-engine (tools/setup does)";
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

  /// Copies a test program into this test's work directory (stable path, so the build cache is reused).
  fs::path Program(std::string const& name) {
    auto dir = work_ / name;
    fs::create_directories(dir);
    for (auto const& f : {"Pulumi.yaml", "CMakeLists.txt", "main.cc"}) {
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
    return {{"PATH", std::string(LANGUAGE_HOST_DIR) + ":" + EngineBinDir() + ":" + (path ? path : "")},
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

  fs::path work_;
};

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
  auto marker = work_ / "marker";
  fs::remove(marker);
  ASSERT_EQ(Pulumi(app, {"config", "set", "mode", "slow"}).code, 0);
  ASSERT_EQ(Pulumi(app, {"config", "set", "markerFile", marker.string()}).code, 0);

  std::string error;
  std::string output;
  auto args = std::vector<std::string>{EngineBinDir() + "/pulumi", "up", "--yes", "--non-interactive"};
  auto up = Subprocess::Start({.argv = args, .cwd = app.string(), .env = Env(), .capture = true}, &error);
  ASSERT_TRUE(up) << error;
  std::thread reader([&] { output = std::to_string(up->Wait([&](Stream, std::string_view d) { output.append(d); })); });
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
  while (!fs::exists(marker) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(fs::exists(marker)) << "the program never reached its slow part";
  auto interrupted_at = std::chrono::steady_clock::now();
  up->Signal(SIGINT);
  reader.join();
  // Cancelled well before the program's 60 s wait would have ended on its own.
  EXPECT_LT(std::chrono::steady_clock::now() - interrupted_at, std::chrono::seconds(30));

  ASSERT_EQ(Pulumi(app, {"config", "set", "mode", "normal"}).code, 0);
  auto rerun = Pulumi(app, {"up", "--yes"});
  ASSERT_EQ(rerun.code, 0) << rerun.output;
  EXPECT_EQ(StackOutputs(app)["greeting"], "hello from europe-west1");
  auto again = Pulumi(app, {"up", "--yes", "--expect-no-changes"});
  EXPECT_EQ(again.code, 0) << again.output;
}

}  // namespace
}  // namespace pulumi::host
