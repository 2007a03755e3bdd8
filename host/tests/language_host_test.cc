// The language host as the engine sees it: a process that prints its port, serves LanguageRuntime over
// gRPC, runs programs with the PULUMI_* environment and exits when the engine goes away.
#include "subprocess.h"

#include "pulumi/engine.grpc.pb.h"
#include "pulumi/language.grpc.pb.h"

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

namespace pulumi::host {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr int kCancelGraceSecondsForTest = 4;  // below the host's 5 s grace before SIGKILL

/// A stand-in engine the host can connect to (every RPC unimplemented).
struct FakeEngine {
  FakeEngine() {
    grpc::ServerBuilder b;
    b.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    b.RegisterService(&service);
    server = b.BuildAndStart();
  }
  std::string address() const { return "127.0.0.1:" + std::to_string(port); }
  int port = 0;
  pulumirpc::Engine::Service service;
  std::unique_ptr<grpc::Server> server;
};

class LanguageHostTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("pulumi-host-proc-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::string error;
    host_ = Subprocess::Start({.argv = {LANGUAGE_HOST, engine_.address()},
                               .env = {{"PULUMI_CPP_PROGRAM_BUILD_ROOT", (dir_ / "builds").string()}},
                               .capture = true},
                              &error);
    ASSERT_TRUE(host_) << error;
    // The first stdout line is the port.
    reader_ = std::thread([this] {
      host_exit_ = host_->Wait([this](Stream s, std::string_view d) {
        std::lock_guard lock(mu_);
        (s == Stream::kStdout ? out_ : err_).append(d);
        cv_.notify_all();
      });
      std::lock_guard lock(mu_);
      exited_ = true;
      cv_.notify_all();
    });
    std::unique_lock lock(mu_);
    ASSERT_TRUE(cv_.wait_for(lock, std::chrono::seconds(10), [&] { return out_.find('\n') != std::string::npos; }));
    auto channel =
        grpc::CreateChannel("127.0.0.1:" + out_.substr(0, out_.find('\n')), grpc::InsecureChannelCredentials());
    stub_ = pulumirpc::LanguageRuntime::NewStub(channel);
  }
  void TearDown() override {
    if (host_) host_->Signal(SIGKILL);
    if (reader_.joinable()) reader_.join();
    fs::remove_all(dir_);
  }

  /// InstallDependencies of a plugin directory: "" when it succeeds, else the error and the build's output.
  std::string InstallPlugin(fs::path const& plugin) {
    pulumirpc::InstallDependenciesRequest req;
    req.mutable_info()->set_root_directory(plugin.string());
    req.mutable_info()->set_program_directory(plugin.string());
    req.set_is_plugin(true);
    grpc::ClientContext ctx;
    auto reader = stub_->InstallDependencies(&ctx, req);
    pulumirpc::InstallDependenciesResponse chunk;
    std::string output;
    while (reader->Read(&chunk)) output += chunk.stdout() + chunk.stderr();
    auto status = reader->Finish();
    return status.ok() ? std::string() : status.error_message() + "\n" + output;
  }

  /// Whether the host's builds hold an executable of that name.
  bool Built(std::string const& executable) {
    for (auto const& e : fs::recursive_directory_iterator(dir_ / "builds")) {
      if (e.path().filename() == executable) return true;
    }
    return false;
  }

  pulumirpc::RunResponse RunScript(std::string const& script) {
    auto path = dir_ / "program.sh";
    std::ofstream(path) << "#!/bin/sh\n" << script;
    fs::permissions(path, fs::perms::owner_all);
    pulumirpc::RunRequest req;
    req.set_project("proj");
    req.set_stack("dev");
    req.set_pwd(dir_.string());
    req.set_monitor_address("127.0.0.1:1");
    req.set_dryrun(true);
    req.set_parallel(7);
    (*req.mutable_config())["proj:region"] = "eu";
    req.add_configsecretkeys("proj:token");
    req.mutable_info()->set_program_directory(dir_.string());
    (*req.mutable_info()->mutable_options()->mutable_fields())["binary"].set_string_value("./program.sh");
    grpc::ClientContext ctx;
    pulumirpc::RunResponse resp;
    auto status = stub_->Run(&ctx, req, &resp);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return resp;
  }

  FakeEngine engine_;
  fs::path dir_;
  std::unique_ptr<Subprocess> host_;
  std::thread reader_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::string out_, err_;
  bool exited_ = false;
  int host_exit_ = -1;
  std::unique_ptr<pulumirpc::LanguageRuntime::Stub> stub_;
};

TEST_F(LanguageHostTest, ReportsItsVersionAndPackages) {
  grpc::ClientContext ctx;
  pulumirpc::PluginInfo info;
  ASSERT_TRUE(stub_->GetPluginInfo(&ctx, google::protobuf::Empty(), &info).ok());
  EXPECT_EQ(info.version(), PULUMI_CPP_VERSION);

  std::ofstream(dir_ / "pulumi-packages.json") << R"({"packages": [{"name": "gcp", "version": "9.35.0"}]})";
  pulumirpc::GetRequiredPackagesRequest req;
  req.mutable_info()->set_program_directory(dir_.string());
  pulumirpc::GetRequiredPackagesResponse resp;
  grpc::ClientContext ctx2;
  ASSERT_TRUE(stub_->GetRequiredPackages(&ctx2, req, &resp).ok());
  ASSERT_EQ(resp.packages_size(), 1);
  EXPECT_EQ(resp.packages(0).name(), "gcp");
  EXPECT_EQ(resp.packages(0).kind(), "resource");
  EXPECT_EQ(resp.packages(0).version(), "9.35.0");
}

TEST_F(LanguageHostTest, ReportsPulumiAddPackageCalls) {
  std::ofstream(dir_ / "CMakeLists.txt") << "pulumi_add_package(gcp SCHEMA ${s} VERSION 9.37.0 MODULES sql)\n";
  pulumirpc::GetRequiredPackagesRequest req;
  req.mutable_info()->set_program_directory(dir_.string());
  pulumirpc::GetRequiredPackagesResponse resp;
  grpc::ClientContext ctx;
  ASSERT_TRUE(stub_->GetRequiredPackages(&ctx, req, &resp).ok());
  ASSERT_EQ(resp.packages_size(), 1);
  EXPECT_EQ(resp.packages(0).name(), "gcp");
  EXPECT_EQ(resp.packages(0).version(), "9.37.0");
}

TEST_F(LanguageHostTest, GeneratePackageWritesTheBindingsOrNamesTheProblems) {
  std::ifstream in(GOLDEN_SCHEMA);
  std::string schema((std::istreambuf_iterator<char>(in)), {});
  pulumirpc::GeneratePackageRequest req;
  req.set_directory((dir_ / "acme").string());
  req.set_schema(schema);
  (*req.mutable_extra_files())["README.md"] = "extra\n";
  pulumirpc::GeneratePackageResponse resp;
  grpc::ClientContext ctx;
  auto status = stub_->GeneratePackage(&ctx, req, &resp);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(resp.diagnostics_size(), 0);
  EXPECT_TRUE(fs::exists(dir_ / "acme/include/pulumi/acme/sql/database_instance.h"));
  EXPECT_TRUE(fs::exists(dir_ / "acme/modules.cmake"));
  EXPECT_TRUE(fs::exists(dir_ / "acme/README.md"));

  req.set_directory((dir_ / "bad").string());
  req.set_schema(
      R"({"name": "acme", "resources": {"acme:x:X": {"inputProperties": {"a": {"$ref": "#/types/acme:x:Nope"}}}}})");
  grpc::ClientContext ctx2;
  pulumirpc::GeneratePackageResponse bad;
  ASSERT_TRUE(stub_->GeneratePackage(&ctx2, req, &bad).ok());
  ASSERT_EQ(bad.diagnostics_size(), 1);
  EXPECT_EQ(bad.diagnostics(0).severity(), pulumirpc::codegen::DIAG_ERROR);
  EXPECT_THAT(bad.diagnostics(0).summary(), HasSubstr("$.resources[\"acme:x:X\"].inputProperties.a.$ref"));
  EXPECT_FALSE(fs::exists(dir_ / "bad"));
}

/// Every file under `dir`, relative path -> content.
std::map<std::string, std::string> Tree(fs::path const& dir) {
  std::map<std::string, std::string> out;
  for (auto const& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path());
    out[fs::relative(e.path(), dir).string()] = std::string((std::istreambuf_iterator<char>(in)), {});
  }
  return out;
}

constexpr char kSimpleSchema[] = R"({"name": "simple", "version": "2.0.0",
  "resources": {"simple:index:Resource": {
    "properties": {"value": {"type": "boolean"}}, "required": ["value"],
    "inputProperties": {"value": {"type": "boolean"}}, "requiredInputs": ["value"]}}})";

TEST_F(LanguageHostTest, GeneratePackageIsDeterministicAndACMakePackage) {
  for (auto const* sub : {"a", "b"}) {
    pulumirpc::GeneratePackageRequest req;
    req.set_directory((dir_ / sub / "sdks/simple-2.0.0").string());
    req.set_schema(kSimpleSchema);
    (*req.mutable_local_dependencies())["pulumi"] = (dir_ / sub / "artifacts/pulumi-cpp-0.1.0").string();
    pulumirpc::GeneratePackageResponse resp;
    grpc::ClientContext ctx;
    ASSERT_TRUE(stub_->GeneratePackage(&ctx, req, &resp).ok());
    ASSERT_EQ(resp.diagnostics_size(), 0) << resp.diagnostics(0).summary();
  }
  auto a = Tree(dir_ / "a/sdks/simple-2.0.0");
  EXPECT_EQ(a, Tree(dir_ / "b/sdks/simple-2.0.0"));
  EXPECT_TRUE(a.count("pulumi-simpleConfig.cmake"));
  EXPECT_TRUE(a.count("pulumi-simpleConfigVersion.cmake"));
  EXPECT_TRUE(a.count("pulumi-package.json"));
  EXPECT_TRUE(a.count("include/pulumi/simple/resource.h"));
}

TEST_F(LanguageHostTest, PackedAndLinkedPackagesAreWhatTheProgramReports) {
  pulumirpc::GeneratePackageRequest gen;
  gen.set_directory((dir_ / "sdks/simple-2.0.0").string());
  gen.set_schema(kSimpleSchema);
  pulumirpc::GeneratePackageResponse generated;
  grpc::ClientContext ctx;
  ASSERT_TRUE(stub_->GeneratePackage(&ctx, gen, &generated).ok());

  pulumirpc::PackRequest pack;
  pack.set_package_directory((dir_ / "sdks/simple-2.0.0").string());
  pack.set_destination_directory((dir_ / "artifacts").string());
  pulumirpc::PackResponse packed;
  grpc::ClientContext ctx2;
  auto status = stub_->Pack(&ctx2, pack, &packed);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(packed.artifact_path(), (dir_ / "artifacts/simple-2.0.0").string());

  fs::create_directories(dir_ / "projects/test");
  pulumirpc::LinkRequest link;
  link.mutable_info()->set_root_directory((dir_ / "projects/test").string());
  link.mutable_info()->set_program_directory((dir_ / "projects/test").string());
  auto* dep = link.add_packages();
  dep->mutable_package()->set_name("simple");
  dep->mutable_package()->set_version("2.0.0");
  dep->set_path(packed.artifact_path());
  pulumirpc::LinkResponse linked;
  grpc::ClientContext ctx3;
  status = stub_->Link(&ctx3, link, &linked);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_THAT(linked.import_instructions(), HasSubstr("find_package(pulumi-simple REQUIRED)"));

  pulumirpc::GetRequiredPackagesRequest req;
  *req.mutable_info() = link.info();
  pulumirpc::GetRequiredPackagesResponse packages;
  grpc::ClientContext ctx4;
  ASSERT_TRUE(stub_->GetRequiredPackages(&ctx4, req, &packages).ok());
  ASSERT_EQ(packages.packages_size(), 1);
  EXPECT_EQ(packages.packages(0).name(), "simple");
  EXPECT_EQ(packages.packages(0).version(), "2.0.0");

  pulumirpc::GetProgramDependenciesRequest deps_req;
  *deps_req.mutable_info() = link.info();
  deps_req.set_transitivedependencies(true);
  pulumirpc::GetProgramDependenciesResponse deps;
  grpc::ClientContext ctx5;
  ASSERT_TRUE(stub_->GetProgramDependencies(&ctx5, deps_req, &deps).ok());
  ASSERT_EQ(deps.dependencies_size(), 2);
  EXPECT_EQ(deps.dependencies(0).name(), "pulumi-cpp");
  EXPECT_EQ(deps.dependencies(0).version(), PULUMI_CPP_VERSION);
  EXPECT_EQ(deps.dependencies(1).name(), "simple");
  EXPECT_EQ(deps.dependencies(1).version(), "2.0.0");
}

TEST_F(LanguageHostTest, PackAndLinkNameAMissingDirectory) {
  pulumirpc::PackRequest pack;
  pack.set_package_directory((dir_ / "no-such-sdk").string());
  pack.set_destination_directory((dir_ / "artifacts").string());
  pulumirpc::PackResponse packed;
  grpc::ClientContext ctx;
  auto status = stub_->Pack(&ctx, pack, &packed);
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.error_message(), HasSubstr((dir_ / "no-such-sdk").string() + " does not exist"));

  pulumirpc::LinkRequest link;
  link.mutable_info()->set_program_directory(dir_.string());
  auto* dep = link.add_packages();
  dep->mutable_package()->set_name("pulumi");
  dep->set_path((dir_ / "no-such-artifact").string());
  pulumirpc::LinkResponse linked;
  grpc::ClientContext ctx2;
  status = stub_->Link(&ctx2, link, &linked);
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.error_message(), HasSubstr((dir_ / "no-such-artifact").string() + "' of package pulumi"));
}

TEST_F(LanguageHostTest, InstallDependenciesBuildsAPluginNamedByItsYaml) {
  auto plugin = dir_ / "policy_packs/my-pack";
  fs::create_directories(plugin);
  std::ofstream(plugin / "PulumiPolicy.yaml") << "runtime: cpp\nname: my-pack\n";
  std::ofstream(plugin / "CMakeLists.txt")
      << "cmake_minimum_required(VERSION 3.25)\nproject(my-pack LANGUAGES CXX)\nadd_executable(my-pack main.cc)\n";
  std::ofstream(plugin / "main.cc") << "int main() { return 0; }\n";
  ASSERT_EQ(InstallPlugin(plugin), "");
  EXPECT_TRUE(Built("my-pack"));

  pulumirpc::InstallDependenciesRequest missing;
  missing.mutable_info()->set_program_directory((dir_ / "nowhere").string());
  missing.set_is_plugin(true);
  grpc::ClientContext ctx2;
  auto reader2 = stub_->InstallDependencies(&ctx2, missing);
  pulumirpc::InstallDependenciesResponse chunk;
  while (reader2->Read(&chunk)) {
  }
  auto status = reader2->Finish();
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.error_message(), HasSubstr((dir_ / "nowhere").string() + " does not exist"));
}

TEST_F(LanguageHostTest, InstallDependenciesOfAPluginWithoutOptionsReadsThemFromItsYaml) {
  // The conformance suite sends a policy pack's directory without the runtime options of its PulumiPolicy.yaml.
  auto targeted = dir_ / "policy_packs/targeted";
  fs::create_directories(targeted);
  std::ofstream(targeted / "PulumiPolicy.yaml")
      << "runtime:\n  name: cpp\n  options:\n    target: policy-pack-targeted\nversion: 1.0.0\n";
  std::ofstream(targeted / "CMakeLists.txt") << "cmake_minimum_required(VERSION 3.25)\nproject(p LANGUAGES CXX)\n"
                                                "add_executable(policy-pack-targeted main.cc)\n";
  std::ofstream(targeted / "main.cc") << "int main() { return 0; }\n";
  EXPECT_EQ(InstallPlugin(targeted), "");
  EXPECT_TRUE(Built("policy-pack-targeted"));

  auto prebuilt = dir_ / "policy_packs/prebuilt";  // nothing to build
  fs::create_directories(prebuilt);
  std::ofstream(prebuilt / "PulumiPolicy.yaml")
      << "runtime:\n  name: cpp\n  options:\n    binary: \"/bin/true\"\n    target: t\nversion: 1.0.0\n";
  EXPECT_EQ(InstallPlugin(prebuilt), "");
}

TEST_F(LanguageHostTest, RunsThePrebuiltProgramWithThePulumiEnvironment) {
  auto resp = RunScript(
      "test \"$PULUMI_PROJECT\" = proj && test \"$PULUMI_STACK\" = dev && test \"$PULUMI_DRY_RUN\" = true &&"
      " test \"$PULUMI_PARALLEL\" = 7 && test \"$PULUMI_MONITOR\" = 127.0.0.1:1 &&"
      " test \"$PULUMI_ENGINE\" = " +
      engine_.address() +
      " &&"
      " test \"$PULUMI_CONFIG\" = '{\"proj:region\":\"eu\"}' && test \"$PULUMI_CONFIG_SECRET_KEYS\" = "
      "'[\"proj:token\"]'"
      " && test \"$(pwd)\" = " +
      dir_.string() + " || exit 9\n");
  EXPECT_EQ(resp.error(), "");
  EXPECT_FALSE(resp.bail());
}

TEST_F(LanguageHostTest, MapsExitCodes) {
  auto bail = RunScript("exit 32\n");
  EXPECT_TRUE(bail.bail());
  EXPECT_EQ(bail.error(), "");
  auto failed = RunScript("exit 3\n");
  EXPECT_FALSE(failed.bail());
  EXPECT_EQ(failed.error(), "program exited with non-zero exit code: 3");
}

TEST_F(LanguageHostTest, CancelInterruptsTheProgram) {
  std::thread cancel([this] {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    grpc::ClientContext ctx;
    google::protobuf::Empty empty;
    stub_->Cancel(&ctx, google::protobuf::Empty(), &empty);
  });
  auto start = std::chrono::steady_clock::now();
  auto resp = RunScript("trap 'exit 5' INT\nsleep 30 &\nwait\n");
  cancel.join();
  // SIGINT reached the program: it exited by itself, well before the kill after the grace period.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(kCancelGraceSecondsForTest));
  EXPECT_EQ(resp.error(), "program exited with non-zero exit code: 5");
}

TEST_F(LanguageHostTest, RunPluginStreamsThePluginsOutputAndExitCode) {
  auto path = dir_ / "plugin.sh";
  std::ofstream(path) << "#!/bin/sh\necho 4242\necho \"args=$* mode=$PLUGIN_MODE\" >&2\nexit 3\n";
  fs::permissions(path, fs::perms::owner_all);
  pulumirpc::RunPluginRequest req;
  req.set_pwd(dir_.string());
  req.set_kind("analyzer");
  req.add_args("127.0.0.1:9");
  req.add_env("PLUGIN_MODE=policy");
  req.mutable_info()->set_program_directory(dir_.string());
  (*req.mutable_info()->mutable_options()->mutable_fields())["binary"].set_string_value("./plugin.sh");
  grpc::ClientContext ctx;
  auto reader = stub_->RunPlugin(&ctx, req);
  std::string out, err;
  int code = -1;
  pulumirpc::RunPluginResponse chunk;
  while (reader->Read(&chunk)) {
    if (chunk.has_stdout()) out += chunk.stdout();
    if (chunk.has_stderr()) err += chunk.stderr();
    if (chunk.output_case() == pulumirpc::RunPluginResponse::kExitcode) code = chunk.exitcode();
  }
  ASSERT_TRUE(reader->Finish().ok());
  EXPECT_EQ(out, "4242\n");
  EXPECT_EQ(err, "args=127.0.0.1:9 mode=policy\n");
  EXPECT_EQ(code, 3);
}

TEST_F(LanguageHostTest, RunPluginEndsThePluginWhenTheEngineHangsUp) {
  auto path = dir_ / "plugin.sh";
  auto marker = dir_ / "terminated";
  std::ofstream(path) << "#!/bin/sh\ntrap 'touch " << marker.string()
                      << "; exit 0' TERM\necho 4242\nsleep 30 &\nwait\n";
  fs::permissions(path, fs::perms::owner_all);
  pulumirpc::RunPluginRequest req;
  req.set_pwd(dir_.string());
  req.mutable_info()->set_program_directory(dir_.string());
  (*req.mutable_info()->mutable_options()->mutable_fields())["binary"].set_string_value("./plugin.sh");
  {
    grpc::ClientContext ctx;
    auto reader = stub_->RunPlugin(&ctx, req);
    pulumirpc::RunPluginResponse chunk;
    ASSERT_TRUE(reader->Read(&chunk));
    EXPECT_EQ(chunk.stdout(), "4242\n");
    ctx.TryCancel();
    while (reader->Read(&chunk)) {
    }
  }
  // The plugin got SIGTERM (its trap ran) well before its 30 s sleep would have ended.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kCancelGraceSecondsForTest);
  while (!fs::exists(marker) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(fs::exists(marker));
}

TEST_F(LanguageHostTest, SigintIsForwardedToTheProgramAndTheHostStays) {
  std::thread interrupt([this] {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    host_->Signal(SIGINT);
  });
  auto resp = RunScript("trap 'exit 7' INT\nsleep 30 &\nwait\n");
  interrupt.join();
  EXPECT_EQ(resp.error(), "program exited with non-zero exit code: 7");
  // The host is still serving.
  grpc::ClientContext ctx;
  pulumirpc::PluginInfo info;
  EXPECT_TRUE(stub_->GetPluginInfo(&ctx, google::protobuf::Empty(), &info).ok());
}

TEST_F(LanguageHostTest, ExitsWhenTheEngineGoesAway) {
  engine_.server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
  std::unique_lock lock(mu_);
  EXPECT_TRUE(cv_.wait_for(lock, std::chrono::seconds(30), [&] { return exited_; }));
  EXPECT_THAT(err_, HasSubstr("went away"));
}

}  // namespace
}  // namespace pulumi::host
