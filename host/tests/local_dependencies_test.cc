// pulumi-local-dependencies.json: what Link records, what the build and the package queries read from it.
#include "local_dependencies.h"

#include "base64.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace pulumi::host {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::HasSubstr;

class LocalDependenciesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("pulumi-host-links-" + std::to_string(getpid()));
    fs::remove_all(root_);
    program_ = root_ / "projects/test";
    fs::create_directories(program_);
  }
  void TearDown() override { fs::remove_all(root_); }
  /// An artifact directory with a pulumi-package.json.
  fs::path Artifact(std::string const& name, std::string const& package_json) {
    auto dir = root_ / "artifacts" / name;
    fs::create_directories(dir);
    std::ofstream(dir / kPackageFile) << package_json;
    return dir;
  }
  fs::path root_;
  fs::path program_;
};

TEST(Base64Test, DecodesWithAndWithoutPadding) {
  EXPECT_EQ(DecodeBase64("e30="), "{}");
  EXPECT_EQ(DecodeBase64("e30"), "{}");
  EXPECT_EQ(DecodeBase64(""), "");
  EXPECT_EQ(DecodeBase64("cGFyYW0="), "param");
  EXPECT_EQ(DecodeBase64("AP8="), std::string("\0\xff", 2));
  EXPECT_EQ(DecodeBase64("!!"), std::nullopt);
  EXPECT_EQ(DecodeBase64("a"), std::nullopt);
}

TEST_F(LocalDependenciesTest, NoFileMeansNoDependencies) {
  std::string error;
  EXPECT_TRUE(ReadLocalDependencies(program_.string(), &error).empty());
  EXPECT_EQ(error, "");
  EXPECT_EQ(LinkedSdkVersion(program_.string(), &error), "");
}

TEST_F(LocalDependenciesTest, LinkMergesAndRelativePathsResolveFromTheProgram) {
  Artifact("simple-2.0.0", R"({"name": "simple", "version": "2.0.0"})");
  ASSERT_EQ(AddLocalDependencies(program_.string(), {{"simple", "../../artifacts/simple-2.0.0"}}), std::nullopt);
  ASSERT_EQ(AddLocalDependencies(program_.string(), {{"pulumi", (root_ / "artifacts").string()}}), std::nullopt);
  std::string error;
  auto deps = ReadLocalDependencies(program_.string(), &error);
  ASSERT_EQ(error, "");
  EXPECT_EQ(deps, (std::map<std::string, std::string>{{"pulumi", (root_ / "artifacts").string()},
                                                      {"simple", "../../artifacts/simple-2.0.0"}}));
  auto resolved = ResolvedLocalDependencies(program_.string(), &error);
  ASSERT_EQ(error, "");
  EXPECT_EQ(resolved["simple"], (root_ / "artifacts/simple-2.0.0").string());
}

TEST_F(LocalDependenciesTest, LinkedPackagesAreRequiredExactlyWithTheirParameterization) {
  Artifact("simple-2.0.0", R"({"name": "simple", "version": "2.0.0"})");
  Artifact("subpackage-2.0.0", R"({"name": "parameterized", "version": "1.2.3",
    "parameterization": {"name": "subpackage", "version": "2.0.0", "value": "cGFyYW0="}})");
  std::ofstream(program_ / kLocalDependenciesFile)
      << R"({"simple": "../../artifacts/simple-2.0.0", "subpackage": "../../artifacts/subpackage-2.0.0"})";
  std::string error;
  auto packages = RequiredPackages(program_.string(), &error);
  ASSERT_EQ(error, "");
  ASSERT_EQ(packages.size(), 2u);
  EXPECT_EQ(packages[0].name, "simple");
  EXPECT_EQ(packages[0].version, "2.0.0");
  EXPECT_EQ(packages[1].name, "parameterized");
  EXPECT_EQ(packages[1].version, "1.2.3");
  EXPECT_EQ(packages[1].parameterization_name, "subpackage");
  EXPECT_EQ(packages[1].parameterization_value, "param");  // bytes, as the engine wants them
  EXPECT_EQ(PackageName(packages[1]), "subpackage");
  EXPECT_EQ(PackageVersion(packages[1]), "2.0.0");
}

TEST_F(LocalDependenciesTest, TheLinkedSdkGivesItsVersion) {
  fs::create_directories(root_ / "artifacts/pulumi-cpp-0.1.0");
  std::ofstream(root_ / "artifacts/pulumi-cpp-0.1.0" / kSdkFile) << R"({"name": "pulumi-cpp", "version": "0.1.0"})";
  std::ofstream(program_ / kLocalDependenciesFile) << R"({"pulumi": "../../artifacts/pulumi-cpp-0.1.0"})";
  std::string error;
  EXPECT_EQ(LinkedSdkVersion(program_.string(), &error), "0.1.0");
  EXPECT_EQ(error, "");
  // The SDK is not a provider package.
  EXPECT_TRUE(RequiredPackages(program_.string(), &error).empty());
}

TEST_F(LocalDependenciesTest, ErrorsNameTheFileThePathAndTheMissingDirectory) {
  std::ofstream(program_ / kLocalDependenciesFile) << R"({"simple": "../../artifacts/simple-2.0.0"})";
  std::string error;
  RequiredPackages(program_.string(), &error);
  EXPECT_THAT(error, AllOf(HasSubstr("'simple'"), HasSubstr("is not a directory"),
                           HasSubstr((program_ / "../../artifacts/simple-2.0.0").string())));

  Artifact("simple-2.0.0", R"({"name": "simple", "version": 2})");
  error.clear();
  RequiredPackages(program_.string(), &error);
  EXPECT_THAT(error, AllOf(HasSubstr("simple-2.0.0/pulumi-package.json"), HasSubstr("$.version must be a string")));

  std::ofstream(program_ / kLocalDependenciesFile) << R"({"simple": 3})";
  error.clear();
  ReadLocalDependencies(program_.string(), &error);
  EXPECT_THAT(error, AllOf(HasSubstr(kLocalDependenciesFile), HasSubstr("$.simple must be a non-empty string")));

  std::ofstream(program_ / kLocalDependenciesFile) << "[";
  error.clear();
  ReadLocalDependencies(program_.string(), &error);
  EXPECT_THAT(error, HasSubstr("not a JSON object"));
}

}  // namespace
}  // namespace pulumi::host
