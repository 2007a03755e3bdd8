// The files GeneratePackage adds to a generated package, and what Pack makes of a generated package and of
// the core SDK's source.
#include "package_artifacts.h"

#include "local_dependencies.h"
#include "pulumi/codegen/generator.h"
#include "pulumi/codegen/schema_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace pulumi::host {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kSimpleSchema[] = R"({
  "name": "simple", "version": "2.0.0",
  "resources": {"simple:index:Resource": {
    "properties": {"value": {"type": "boolean"}}, "required": ["value"],
    "inputProperties": {"value": {"type": "boolean"}}, "requiredInputs": ["value"]}}})";

std::string Read(fs::path const& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), {}};
}

/// The generated tree of a schema with the package files, or the error.
std::map<std::string, std::string> Files(std::string const& schema, std::string* error) {
  auto loaded = codegen::Load(schema, "schema");
  EXPECT_TRUE(loaded) << (loaded.errors.empty() ? "" : loaded.errors[0].ToString());
  if (!loaded) return {};
  auto generated = codegen::Generate(*loaded.package, {.schema_name = loaded.package->name});
  EXPECT_TRUE(generated);
  *error = AddPackageFiles(schema, *loaded.package, &generated.files);
  return generated.files;
}

class PackageArtifactsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("pulumi-host-artifacts-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    unsetenv("PULUMI_CPP_PACKAGE_DIR");
    fs::remove_all(dir_);
  }
  fs::path dir_;
};

TEST_F(PackageArtifactsTest, AGeneratedPackageIsACMakePackageThatDependsOnlyOnTheSchema) {
  std::string error;
  auto files = Files(kSimpleSchema, &error);
  ASSERT_EQ(error, "");
  ASSERT_TRUE(files.count("pulumi-simpleConfig.cmake"));
  EXPECT_THAT(files["pulumi-simpleConfig.cmake"],
              AllOf(HasSubstr("find_dependency(PulumiCpp)"),
                    HasSubstr("pulumi_add_generated_package(simple DIR \"${CMAKE_CURRENT_LIST_DIR}\")"),
                    HasSubstr("add_library(pulumi::simple ALIAS pulumi_simple)")));
  EXPECT_THAT(files["pulumi-simpleConfigVersion.cmake"], HasSubstr("set(PACKAGE_VERSION \"2.0.0\")"));
  EXPECT_EQ(nlohmann::json::parse(files[kPackageFile]), (nlohmann::json{{"name", "simple"}, {"version", "2.0.0"}}));
  EXPECT_TRUE(files.count("modules.cmake"));
  // Deterministic, and free of the machine's paths.
  std::string again_error;
  EXPECT_EQ(Files(kSimpleSchema, &again_error), files);
  for (auto const& [path, content] : files) {
    EXPECT_THAT(content, AllOf(Not(HasSubstr(dir_.string())), Not(HasSubstr("/tmp/")), Not(HasSubstr("/work/"))))
        << path;
  }
}

TEST_F(PackageArtifactsTest, AParameterizedPackageRequiresItsBasePluginWithTheParameter) {
  std::string schema = R"({"name": "subpackage", "version": "2.0.0",
    "parameterization": {"baseProvider": {"name": "parameterized", "version": "1.2.3"}, "parameter": "cGFyYW0="}})";
  std::string error;
  auto files = Files(schema, &error);
  ASSERT_EQ(error, "");
  auto j = nlohmann::json::parse(files[kPackageFile]);
  EXPECT_EQ(j["name"], "parameterized");
  EXPECT_EQ(j["version"], "1.2.3");
  EXPECT_EQ(j["parameterization"],
            (nlohmann::json{{"name", "subpackage"}, {"version", "2.0.0"}, {"value", "cGFyYW0="}}));
}

TEST_F(PackageArtifactsTest, BadPackageMetadataNamesTheJsonPath) {
  std::string error;
  Files(R"({"name": "p", "version": "1.0.0", "parameterization": {"baseProvider": {"version": "1.0.0"}}})", &error);
  EXPECT_THAT(error, HasSubstr("$.parameterization.baseProvider.name"));
  Files(R"({"name": "p", "version": "1.0.0",
            "parameterization": {"baseProvider": {"name": "b", "version": "1.0.0"}, "parameter": "!!"}})",
        &error);
  EXPECT_THAT(error, HasSubstr("$.parameterization.parameter must be base64"));
  Files(R"({"name": "p"})", &error);
  EXPECT_THAT(error, HasSubstr("$.version"));
}

TEST_F(PackageArtifactsTest, PackCopiesAGeneratedPackageUnderItsNameAndVersion) {
  std::string error;
  auto files = Files(kSimpleSchema, &error);
  ASSERT_EQ(codegen::WriteTree(files, dir_ / "sdk"), std::nullopt);
  auto count_files = [](fs::path const& d) {
    std::size_t n = 0;
    for (auto const& e : fs::recursive_directory_iterator(d)) n += e.is_regular_file();
    return n;
  };
  auto before = count_files(dir_ / "sdk");
  auto packed = Pack((dir_ / "sdk").string(), (dir_ / "artifacts").string());
  ASSERT_EQ(packed.error, "");
  EXPECT_EQ(packed.artifact, (dir_ / "artifacts/simple-2.0.0").string());
  for (auto const& [path, content] : files) EXPECT_EQ(Read(dir_ / "artifacts/simple-2.0.0" / path), content) << path;
  // Packing again replaces the artifact; the package itself is left as it was.
  EXPECT_EQ(Pack((dir_ / "sdk").string(), (dir_ / "artifacts").string()).error, "");
  EXPECT_EQ(count_files(dir_ / "sdk"), before);
  EXPECT_EQ(count_files(dir_ / "artifacts/simple-2.0.0"), before);
}

TEST_F(PackageArtifactsTest, PackOfTheCoreSdkPointsAtTheSdkBuiltFromThatSource) {
  fs::create_directories(dir_ / "src");
  std::ofstream(dir_ / "src/CMakeLists.txt") << "project(pulumi-cpp VERSION 0.4.2 LANGUAGES CXX)\n";
  fs::create_directories(dir_ / "build/package");
  std::ofstream(dir_ / "build/package/PulumiCppConfig.cmake")
      << "set(PULUMI_CPP_SOURCE_DIR \"" << (dir_ / "src").string() << "\")\n";
  setenv("PULUMI_CPP_PACKAGE_DIR", (dir_ / "build/package").c_str(), 1);
  auto packed = Pack((dir_ / "src").string(), (dir_ / "artifacts").string());
  ASSERT_EQ(packed.error, "");
  EXPECT_EQ(packed.artifact, (dir_ / "artifacts/pulumi-cpp-0.4.2").string());
  EXPECT_THAT(Read(dir_ / "artifacts/pulumi-cpp-0.4.2/PulumiCppConfig.cmake"),
              HasSubstr("include(\"" + (dir_ / "build/package/PulumiCppConfig.cmake").string() + "\")"));
  EXPECT_THAT(Read(dir_ / "artifacts/pulumi-cpp-0.4.2/PulumiCppConfigVersion.cmake"), HasSubstr("\"0.4.2\""));
  EXPECT_EQ(nlohmann::json::parse(Read(dir_ / "artifacts/pulumi-cpp-0.4.2" / kSdkFile))["version"], "0.4.2");

  // An SDK package built from another source is not this source's artifact.
  std::ofstream(dir_ / "build/package/PulumiCppConfig.cmake") << "set(PULUMI_CPP_SOURCE_DIR \"/elsewhere\")\n";
  EXPECT_THAT(Pack((dir_ / "src").string(), (dir_ / "artifacts").string()).error,
              AllOf(HasSubstr("was built from /elsewhere"), HasSubstr(dir_.string() + "/src")));
  setenv("PULUMI_CPP_PACKAGE_DIR", (dir_ / "nothing").c_str(), 1);
  EXPECT_THAT(Pack((dir_ / "src").string(), (dir_ / "artifacts").string()).error,
              HasSubstr((dir_ / "nothing/PulumiCppConfig.cmake").string() + " does not exist"));
}

TEST_F(PackageArtifactsTest, PackNamesAMissingOrUnknownDirectory) {
  EXPECT_THAT(Pack((dir_ / "missing").string(), (dir_ / "artifacts").string()).error,
              HasSubstr("the package directory " + (dir_ / "missing").string() + " does not exist"));
  fs::create_directories(dir_ / "other");
  EXPECT_THAT(Pack((dir_ / "other").string(), (dir_ / "artifacts").string()).error,
              AllOf(HasSubstr((dir_ / "other").string()), HasSubstr("is neither a package made by GeneratePackage")));
  EXPECT_THAT(Pack((dir_ / "other").string(), "").error, HasSubstr("needs a destination directory"));
  std::ofstream(dir_ / "other" / kPackageFile) << R"({"version": "1.0.0"})";
  EXPECT_THAT(Pack((dir_ / "other").string(), (dir_ / "artifacts").string()).error,
              AllOf(HasSubstr(kPackageFile), HasSubstr("$.name must be a string")));
}

}  // namespace
}  // namespace pulumi::host
