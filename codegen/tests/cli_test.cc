// pulumi-gen-cpp as a program: bad schemas name their JSON path, exit non-zero and write nothing;
// regenerating keeps unchanged files untouched and removes files no longer generated.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

fs::path const kSchemas = PULUMI_CODEGEN_TEST_SCHEMAS;
fs::path const kGolden = PULUMI_CODEGEN_GOLDEN_DIR;

struct Result {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

Result Gen(std::string const& args) {
  std::string cmd = std::string(PULUMI_GEN_CPP) + " " + args + " 2>&1";
  Result r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), p) != nullptr) r.output += buf.data();
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("pulumi-gen-cpp-test-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(CliTest, BadSchemasNameTheJsonPathAndWriteNothing) {
  struct Case {
    char const* file;
    char const* path;
  } const cases[] = {
      {"malformed.json", "malformed.json: $: malformed JSON: parse error at line 4"},
      {"dangling_ref.json",
       "$.resources[\"acme:sql/databaseInstance:DatabaseInstance\"].inputProperties.settings.$ref: dangling $ref"},
      {"unknown_type.json", "$.types[\"acme:sql/Settings:Settings\"].properties.tier.type: unknown type \"strng\""},
  };
  for (auto const& c : cases) {
    fs::path out = dir_ / c.file;
    auto r = Gen("--schema " + (kSchemas / c.file).string() + " --out " + out.string());
    EXPECT_EQ(r.exit_code, 1) << c.file << "\n" << r.output;
    EXPECT_THAT(r.output, HasSubstr(c.path)) << c.file;
    EXPECT_THAT(r.output, HasSubstr("nothing was written"));
    EXPECT_FALSE(fs::exists(out)) << c.file << " left output behind";
  }
}

TEST_F(CliTest, ABadSchemaLeavesAnEarlierTreeAsItWas) {
  fs::path out = dir_ / "acme";
  ASSERT_EQ(Gen("--schema " + (kGolden / "schemas/acme.json").string() + " --out " + out.string()).exit_code, 0);
  auto before = fs::last_write_time(out / "modules.cmake");
  std::size_t files = 0;
  for (auto const& e : fs::recursive_directory_iterator(out)) files += e.is_regular_file() ? 1 : 0;
  auto r = Gen("--schema " + (kSchemas / "dangling_ref.json").string() + " --out " + out.string());
  EXPECT_EQ(r.exit_code, 1);
  std::size_t after = 0;
  for (auto const& e : fs::recursive_directory_iterator(out)) after += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(after, files);
  EXPECT_EQ(fs::last_write_time(out / "modules.cmake"), before);
}

TEST_F(CliTest, RegeneratingTouchesOnlyWhatChanged) {
  fs::path out = dir_ / "acme";
  std::string schema = (kGolden / "schemas/acme.json").string();
  ASSERT_EQ(Gen("--schema " + schema + " --out " + out.string()).exit_code, 0);
  fs::path header = out / "include/pulumi/acme/sql/database_instance.h";
  ASSERT_TRUE(fs::exists(header));
  auto before = fs::last_write_time(header);
  std::ofstream(out / "src/sql/stale.cc") << "left from an earlier schema\n";
  {
    std::ofstream manifest(out / ".pulumi-gen-cpp-files", std::ios::app);
    manifest << "src/sql/stale.cc\n";
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_EQ(Gen("--schema " + schema + " --out " + out.string()).exit_code, 0);
  EXPECT_EQ(fs::last_write_time(header), before) << "an unchanged file was rewritten";
  EXPECT_FALSE(fs::exists(out / "src/sql/stale.cc")) << "a file no longer generated was kept";
}

TEST_F(CliTest, OnlyTheRequestedModulesAndTheirDependencies) {
  fs::path out = dir_ / "acme";
  auto r =
      Gen("--schema " + (kGolden / "schemas/acme.json").string() + " --out " + out.string() + " --modules storage");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(fs::exists(out / "src/storage/part_0.cc"));
  EXPECT_TRUE(fs::exists(out / "src/compute/part_0.cc")) << "storage uses compute's Priority enum";
  EXPECT_FALSE(fs::exists(out / "src/sql")) << "sql was not asked for and storage does not need it";
}

TEST_F(CliTest, ManifestOnlyWritesModulesCmake) {
  fs::path out = dir_ / "acme";
  auto r = Gen("--schema " + (kGolden / "schemas/acme.json").string() + " --out " + out.string() +
               " --modules sql --manifest-only");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(fs::exists(out / "modules.cmake"));
  EXPECT_FALSE(fs::exists(out / "include"));
}

TEST_F(CliTest, UsageErrors) {
  EXPECT_EQ(Gen("--out x").exit_code, 2);
  EXPECT_EQ(Gen("--schema " + (kGolden / "schemas/acme.json").string() + " --out x --bogus").exit_code, 2);
  auto missing = Gen("--schema /nonexistent/schema.json --out " + (dir_ / "x").string());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.output, HasSubstr("cannot read the schema /nonexistent/schema.json"));
  auto module = Gen("--schema " + (kGolden / "schemas/acme.json").string() + " --out " + (dir_ / "m").string() +
                    " --modules nosuch");
  EXPECT_EQ(module.exit_code, 1);
  EXPECT_THAT(module.output, HasSubstr("module 'nosuch' is not in package acme"));
  EXPECT_FALSE(fs::exists(dir_ / "m"));
}

}  // namespace
