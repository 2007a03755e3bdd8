#include "program.h"
#include "subprocess.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

namespace pulumi::host {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::HasSubstr;

class ProgramTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("pulumi-host-test-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void WriteManifest(std::string const& text) { std::ofstream(dir_ / "pulumi-packages.json") << text; }
  fs::path dir_;
};

TEST_F(ProgramTest, NoManifestMeansNoPackages) {
  std::string error;
  EXPECT_TRUE(ReadPackageManifest(dir_.string(), &error).empty());
  EXPECT_EQ(error, "");
}

TEST_F(ProgramTest, ReadsPackagesWithParameterization) {
  WriteManifest(R"({"packages": [{"name": "gcp", "version": "9.35.0", "server": "https://example.invalid"},
                                 {"name": "terraform-provider", "version": "0.8.0",
                                  "parameterization": {"name": "netbox", "version": "1.0.0", "value": "e30="}}]})");
  std::string error;
  auto packages = ReadPackageManifest(dir_.string(), &error);
  ASSERT_EQ(error, "");
  ASSERT_EQ(packages.size(), 2u);
  EXPECT_EQ(packages[0].name, "gcp");
  EXPECT_EQ(packages[0].version, "9.35.0");
  EXPECT_EQ(packages[0].server, "https://example.invalid");
  EXPECT_EQ(packages[1].parameterization_name, "netbox");
  EXPECT_EQ(packages[1].parameterization_value, "{}");  // the bytes of "e30="
}

TEST_F(ProgramTest, MalformedManifestNamesTheFileAndThePath) {
  WriteManifest(R"({"packages": [{"name": "gcp"}, {"version": "1.0.0"}]})");
  std::string error;
  EXPECT_TRUE(ReadPackageManifest(dir_.string(), &error).empty());
  EXPECT_THAT(error, AllOf(HasSubstr("pulumi-packages.json"), HasSubstr("$.packages[1].name")));

  WriteManifest(R"({"packages": [{"name": "gcp", "version": 9}]})");
  error.clear();
  ReadPackageManifest(dir_.string(), &error);
  EXPECT_THAT(error, HasSubstr("$.packages[0].version must be a string"));

  WriteManifest("{not json");
  error.clear();
  ReadPackageManifest(dir_.string(), &error);
  EXPECT_THAT(error, HasSubstr("not a JSON object"));
}

TEST_F(ProgramTest, PackagesFromPulumiAddPackageCalls) {
  std::ofstream(dir_ / "CMakeLists.txt") << R"(
project(apex-databases CXX)
find_package(PulumiCpp REQUIRED)
pulumi_add_package(gcp SCHEMA ${gcp_schema} VERSION 9.37.0
                   PLUGIN_DOWNLOAD_URL "https://example.invalid/gcp" MODULES sql redis)  # the bindings
# pulumi_add_package(commented VERSION 1.0.0)
my_pulumi_add_package(other VERSION 2.0.0)
pulumi_add_package(random SCHEMA ${s} VERSION ${random_version} MODULES index)
pulumi_add_package(tls SCHEMA ${s} VERSION 5.0.1 MODULES index)
)";
  auto packages = ReadCMakePackages(dir_.string());
  ASSERT_EQ(packages.size(), 2u);
  EXPECT_EQ(packages[0].name, "gcp");
  EXPECT_EQ(packages[0].version, "9.37.0");
  EXPECT_EQ(packages[0].server, "https://example.invalid/gcp");
  EXPECT_EQ(packages[1].name, "tls");

  // pulumi-packages.json names packages explicitly and wins over the CMake calls.
  WriteManifest(R"({"packages": [{"name": "tls", "version": "5.1.0"}]})");
  std::string error;
  auto all = RequiredPackages(dir_.string(), &error);
  ASSERT_EQ(error, "");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "tls");
  EXPECT_EQ(all[0].version, "5.1.0");
  EXPECT_EQ(all[1].name, "gcp");
}

TEST_F(ProgramTest, BuildDirectoryIsStablePerProgram) {
  auto a = BuildDirectory(dir_.string());
  EXPECT_EQ(a, BuildDirectory(dir_.string()));
  EXPECT_NE(a, BuildDirectory((dir_ / "other").string()));
  EXPECT_THAT(a, HasSubstr("/programs/" + dir_.filename().string() + "-"));
}

TEST_F(ProgramTest, BuildRootCanBeMovedByTheEnvironment) {
  setenv("PULUMI_CPP_PROGRAM_BUILD_ROOT", "/tmp/builds-here", 1);
  EXPECT_THAT(BuildDirectory(dir_.string()),
              ::testing::StartsWith("/tmp/builds-here/" + dir_.filename().string() + "-"));
  unsetenv("PULUMI_CPP_PROGRAM_BUILD_ROOT");
}

TEST_F(ProgramTest, BuildsWithTheLinkedPackagesAndReconfiguresWhenTheyChange) {
  setenv("PULUMI_CPP_PROGRAM_BUILD_ROOT", (dir_ / "builds").c_str(), 1);
  auto program = dir_ / "program";
  fs::create_directories(program);
  std::ofstream(program / "CMakeLists.txt") << "cmake_minimum_required(VERSION 3.25)\nproject(p LANGUAGES CXX)\n"
                                               "message(STATUS \"simple at ${pulumi-simple_DIR}\")\n"
                                               "add_executable(p main.cc)\n";
  std::ofstream(program / "main.cc") << "int main() { return 0; }\n";
  auto first = BuildProgram(program.string(), "p", {}, nullptr);
  ASSERT_TRUE(first.ok) << first.error;

  fs::create_directories(dir_ / "artifacts/simple-2.0.0");
  std::ofstream(program / "pulumi-local-dependencies.json") << R"({"simple": "../artifacts/simple-2.0.0"})";
  std::string output;
  auto second = BuildProgram(program.string(), "p", {}, [&](Stream, std::string_view d) { output.append(d); });
  ASSERT_TRUE(second.ok) << second.error;
  EXPECT_THAT(output, HasSubstr("simple at " + (dir_ / "artifacts/simple-2.0.0").string()));

  // A link to a directory that is not there fails the build with its name.
  std::ofstream(program / "pulumi-local-dependencies.json") << R"({"pulumi": "../nowhere"})";
  auto third = BuildProgram(program.string(), "p", {}, nullptr);
  EXPECT_FALSE(third.ok);
  EXPECT_THAT(third.error, HasSubstr((program / "../nowhere").string()));
  unsetenv("PULUMI_CPP_PROGRAM_BUILD_ROOT");
}

TEST_F(ProgramTest, FindsPrebuiltBinariesBesideTheProgramOrInPath) {
  auto bin = dir_ / "prebuilt";
  std::ofstream(bin) << "#!/bin/sh\n";
  fs::permissions(bin, fs::perms::owner_all);
  EXPECT_EQ(FindBinary(dir_.string(), "prebuilt"), bin.string());
  EXPECT_EQ(FindBinary(dir_.string(), "./prebuilt"), (dir_ / "./prebuilt").string());
  EXPECT_TRUE(FindBinary(dir_.string(), "sh").has_value());
  EXPECT_FALSE(FindBinary(dir_.string(), "no-such-program-here").has_value());
}

TEST(RuntimeOptionsTest, ReadsTheOptionsBlockOfAProjectOrPluginYaml) {
  auto o = ParseRuntimeOptions(
      "runtime:\n  name: cpp\n  options:\n    binary: \"/b/policy-pack-x\"\n    target: policy-pack-x\n"
      "    buildType: 'Debug'\nversion: 1.0.0\n");
  EXPECT_EQ(o.binary, "/b/policy-pack-x");
  EXPECT_EQ(o.target, "policy-pack-x");
  EXPECT_EQ(o.build_type, "Debug");
}

TEST(RuntimeOptionsTest, OnlyKeysUnderRuntimeOptionsCount) {
  auto o = ParseRuntimeOptions(
      "name: p\ntarget: no\nruntime:\n  name: cpp\n  target: no\n  options:\n    # a comment\n\n    target: t\n"
      "  other:\n    binary: no\noptions:\n  binary: no\n");
  EXPECT_EQ(o.binary, "");
  EXPECT_EQ(o.target, "t");
  EXPECT_EQ(o.build_type, "RelWithDebInfo");
  EXPECT_EQ(ParseRuntimeOptions("runtime: cpp\n").target, "");
}

TEST(SubprocessTest, CapturesOutputAndExitCodes) {
  std::string out;
  EXPECT_EQ(RunCapture({.argv = {"sh", "-c", "echo out; echo err >&2; exit 3"}}, &out), 3);
  EXPECT_THAT(out, AllOf(HasSubstr("out"), HasSubstr("err")));
  out.clear();
  EXPECT_EQ(RunCapture({.argv = {"sh", "-c", "kill -INT $$"}}, &out), 128 + 2);
  out.clear();
  EXPECT_EQ(RunCapture({.argv = {"/no/such/binary"}}, &out), 127);
  EXPECT_THAT(out, HasSubstr("cannot run /no/such/binary"));
}

TEST(SubprocessTest, PassesEnvironmentAndWorkingDirectory) {
  std::string out;
  EXPECT_EQ(
      RunCapture({.argv = {"sh", "-c", "echo $PULUMI_PROJECT; pwd"}, .cwd = "/", .env = {{"PULUMI_PROJECT", "apex"}}},
                 &out),
      0);
  EXPECT_EQ(out, "apex\n/\n");
}

// A plugin started for the engine ends with the thread that started it, even when that thread cannot stop it
// (the engine killed the host first): nothing is left behind.
TEST(SubprocessTest, AChildThatMustEndWithItsStarterDoes) {
  std::unique_ptr<Subprocess> child;
  std::string error;
  std::thread starter([&] {
    child = Subprocess::Start({.argv = {"sleep", "60"}, .capture = true, .terminate_with_starter = true}, &error);
  });
  starter.join();
  ASSERT_TRUE(child) << error;
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(child->Wait(), 128 + SIGTERM);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
}

TEST(SubprocessTest, AnOrdinaryChildOutlivesItsStarterThread) {
  std::unique_ptr<Subprocess> child;
  std::string error;
  std::thread starter([&] { child = Subprocess::Start({.argv = {"sh", "-c", "sleep 1; exit 7"}}, &error); });
  starter.join();
  ASSERT_TRUE(child) << error;
  EXPECT_EQ(child->Wait(), 7);
}

}  // namespace
}  // namespace pulumi::host
