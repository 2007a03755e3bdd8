// The GitHub Actions workflows of .github/workflows (and the local actions they use) as CI will run them:
// actionlint accepts them; each `run:` step calls only ops/ and tools/ scripts that exist and are executable, and
// each ops script called has a test in tests/ops; every action is pinned to a full commit SHA with its version in a
// comment; Google credentials come only from workload identity federation; deploys of one stack never overlap and
// go dev -> staging -> prod through environments.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::IsSupersetOf;

fs::path const kRepo = REPO_DIR;

std::string ReadFile(fs::path const& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The workflow files and the local actions' action.yml files.
std::vector<fs::path> WorkflowFiles() {
  std::vector<fs::path> out;
  for (auto const& e : fs::directory_iterator(kRepo / ".github" / "workflows")) {
    if (e.path().extension() == ".yml" || e.path().extension() == ".yaml") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}
std::vector<fs::path> AllFiles() {
  auto out = WorkflowFiles();
  if (fs::exists(kRepo / ".github" / "actions")) {
    for (auto const& e : fs::recursive_directory_iterator(kRepo / ".github" / "actions")) {
      if (e.path().filename() == "action.yml") out.push_back(e.path());
    }
  }
  return out;
}

/// Every step of a workflow's jobs, or of a composite action.
std::vector<YAML::Node> Steps(YAML::Node const& doc) {
  std::vector<YAML::Node> out;
  auto add = [&](YAML::Node const& steps) {
    if (steps && steps.IsSequence()) {
      for (auto const& s : steps) out.push_back(s);
    }
  };
  if (doc["jobs"]) {
    for (auto const& job : doc["jobs"]) add(job.second["steps"]);
  }
  if (doc["runs"]) add(doc["runs"]["steps"]);
  return out;
}

/// The repository scripts a shell snippet calls: ops/<name> and tools/<name>, with or without a leading ./.
std::set<std::string> ScriptsCalled(std::string const& run) {
  static std::regex const kScript(R"((?:^|[\s;&|(`"'$])(?:\./)?((?:ops|tools)/[A-Za-z0-9_.-]+))");
  std::set<std::string> out;
  for (std::sregex_iterator it(run.begin(), run.end(), kScript), end; it != end; ++it) out.insert((*it)[1]);
  return out;
}

std::set<std::string> AllScriptsCalled() {
  std::set<std::string> out;
  for (auto const& file : AllFiles()) {
    for (auto const& step : Steps(YAML::LoadFile(file.string()))) {
      if (step["run"]) out.merge(ScriptsCalled(step["run"].as<std::string>()));
    }
  }
  return out;
}

TEST(WorkflowsTest, ThePullRequestDeployAndDriftWorkflowsExist) {
  for (auto const* name : {"pull-request.yml", "deploy.yml", "drift.yml"}) {
    EXPECT_TRUE(fs::exists(kRepo / ".github" / "workflows" / name)) << name;
  }
  auto drift = YAML::LoadFile((kRepo / ".github/workflows/drift.yml").string());
  EXPECT_TRUE(drift["on"]["schedule"].IsSequence());
  EXPECT_TRUE(drift["on"]["workflow_dispatch"]);
  auto deploy = YAML::LoadFile((kRepo / ".github/workflows/deploy.yml").string());
  EXPECT_EQ(deploy["on"]["push"]["branches"][0].as<std::string>(), "main");
}

TEST(WorkflowsTest, ActionlintAcceptsEveryWorkflow) {
  char const* actionlint = std::getenv("ACTIONLINT");
  ASSERT_TRUE(actionlint && *actionlint)
      << "ACTIONLINT is not set (the ctest command sets it from tools/build-actionlint)";
  std::string cmd = "cd '" + kRepo.string() + "' && '" + actionlint + "' -color=false";
  for (auto const& f : WorkflowFiles()) cmd += " '" + fs::relative(f, kRepo).string() + "'";
  cmd += " 2>&1";
  std::string output;
  FILE* p = ::popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::array<char, 4096> buf{};
  while (auto n = std::fread(buf.data(), 1, buf.size(), p)) output.append(buf.data(), n);
  int status = ::pclose(p);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << output;
  EXPECT_EQ(output, "");
}

TEST(WorkflowsTest, RunStepsCallOnlyScriptsThatExist) {
  auto called = AllScriptsCalled();
  // What the workflows are for: a failure here means a workflow stopped calling its script.
  EXPECT_THAT(called,
              IsSupersetOf({"ops/preview", "ops/deploy", "ops/drift", "tools/setup", "tools/test", "tools/run"}));
  for (auto const& script : called) {
    auto path = kRepo / script;
    EXPECT_TRUE(fs::is_regular_file(path)) << script << " is called by a workflow but does not exist";
    EXPECT_NE(fs::status(path).permissions() & fs::perms::owner_exec, fs::perms::none)
        << script << " is not executable";
  }
}

TEST(WorkflowsTest, EachOpsScriptCalledHasATest) {
  // The sources of tests/ops (but this one) that run a script name it: "ops/<name>", or "<name>" as an argument.
  std::string tests;
  for (auto const& e : fs::recursive_directory_iterator(kRepo / "tests" / "ops")) {
    if (e.is_regular_file() && e.path().extension() == ".cc" && e.path().parent_path().filename() != "workflows") {
      tests += ReadFile(e.path());
    }
  }
  for (auto const& script : AllScriptsCalled()) {
    if (script.rfind("ops/", 0) != 0) continue;
    auto name = script.substr(4);
    bool referenced = tests.find("\"" + name + "\"") != std::string::npos ||
                      tests.find("/" + name + "\"") != std::string::npos || tests.find(script) != std::string::npos;
    EXPECT_TRUE(referenced) << script << " is called by a workflow but no test in tests/ops runs it";
  }
}

TEST(WorkflowsTest, EveryActionIsPinnedToACommitWithItsVersion) {
  static std::regex const kUses(R"(^\s*(?:-\s+)?uses:\s*(\S+)(.*)$)");
  static std::regex const kPinned(R"(^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$)");
  static std::regex const kVersionComment(R"(#\s*v\d+(\.\d+)*)");
  int remote = 0;
  for (auto const& file : AllFiles()) {
    std::istringstream in(ReadFile(file));
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (!std::regex_match(line, m, kUses)) continue;
      std::string ref = m[1];
      if (ref.rfind("./", 0) == 0) {
        EXPECT_TRUE(fs::exists(kRepo / ref.substr(2))) << file.filename() << ": " << ref << " does not exist";
        continue;
      }
      ++remote;
      EXPECT_TRUE(std::regex_match(ref, kPinned)) << file.filename() << ": " << ref << " is not pinned to a commit SHA";
      std::string rest = m[2];
      EXPECT_TRUE(std::regex_search(rest, kVersionComment)) << file.filename() << ": " << ref << " has no # vX.Y.Z";
    }
  }
  EXPECT_GE(remote, 5);
}

TEST(WorkflowsTest, GoogleCredentialsOnlyThroughWorkloadIdentityWithMinimalPermissions) {
  for (auto const& file : WorkflowFiles()) {
    auto text = ReadFile(file);
    EXPECT_EQ(text.find("credentials_json"), std::string::npos) << file.filename() << ": a JSON key";
    EXPECT_EQ(text.find("write-all"), std::string::npos) << file.filename();
    auto doc = YAML::LoadFile(file.string());
    ASSERT_TRUE(doc["permissions"]) << file.filename() << " has no workflow-level permissions";
    EXPECT_EQ(doc["permissions"]["contents"].as<std::string>(), "read") << file.filename();
    EXPECT_FALSE(doc["permissions"]["id-token"]) << file.filename() << ": id-token only on the jobs that need it";
    for (auto const& job : doc["jobs"]) {
      // A job that calls a reusable workflow passes its id-token permission on to that workflow's jobs.
      bool auth =
          job.second["uses"] &&
          ReadFile(kRepo / job.second["uses"].as<std::string>().substr(2)).find("google-github-actions/auth@") !=
              std::string::npos;
      for (auto const& step : job.second["steps"]) {
        if (step["uses"] && step["uses"].as<std::string>().rfind("google-github-actions/auth@", 0) == 0) {
          auth = true;
          EXPECT_TRUE(step["with"]["workload_identity_provider"]) << file.filename();
          EXPECT_TRUE(step["with"]["service_account"]) << file.filename();
        }
      }
      bool id_token = job.second["permissions"] && job.second["permissions"]["id-token"] &&
                      job.second["permissions"]["id-token"].as<std::string>() == "write";
      EXPECT_EQ(auth, id_token) << file.filename() << " job " << job.first.as<std::string>()
                                << ": id-token: write exactly where Google credentials are used";
    }
  }
}

TEST(WorkflowsTest, DeploysGoDevStagingProdThroughEnvironmentsAndNeverOverlap) {
  auto deploy = YAML::LoadFile((kRepo / ".github/workflows/deploy.yml").string());
  std::vector<std::string> order;
  for (auto const& stack : {"dev", "staging", "prod"}) {
    auto job = deploy["jobs"][stack];
    ASSERT_TRUE(job) << stack;
    EXPECT_EQ(job["uses"].as<std::string>(), "./.github/workflows/deploy-stack.yml");
    EXPECT_EQ(job["with"]["stack"].as<std::string>(), stack);
    if (!order.empty()) {
      EXPECT_EQ(job["needs"].as<std::string>(), order.back()) << stack;
    }
    order.push_back(stack);
  }
  auto stack = YAML::LoadFile((kRepo / ".github/workflows/deploy-stack.yml").string());
  auto job = stack["jobs"]["deploy"];
  EXPECT_EQ(job["environment"]["name"].as<std::string>(), "${{ inputs.stack }}");
  EXPECT_EQ(job["concurrency"]["group"].as<std::string>(), "apex-deploy-${{ inputs.stack }}");
  EXPECT_FALSE(job["concurrency"]["cancel-in-progress"].as<bool>());
  std::set<std::string> runs;
  for (auto const& step : job["steps"]) {
    if (step["run"]) runs.merge(ScriptsCalled(step["run"].as<std::string>()));
  }
  EXPECT_THAT(runs, Contains("ops/deploy"));
}

}  // namespace
