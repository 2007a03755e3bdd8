// Golden tests: each schema in golden/schemas generates exactly the tree committed in golden/expected.
// PULUMI_ACCEPT=1 rewrites the expected trees from the generator's current output.
#include "pulumi/codegen/generator.h"
#include "pulumi/codegen/schema_loader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace pulumi::codegen {
namespace {

namespace fs = std::filesystem;

fs::path const kGolden = PULUMI_CODEGEN_GOLDEN_DIR;

std::string Read(fs::path const& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::map<std::string, std::string> ReadTree(fs::path const& dir) {
  std::map<std::string, std::string> files;
  if (!fs::exists(dir)) return files;
  for (auto const& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    auto rel = fs::relative(e.path(), dir).generic_string();
    if (rel == ".pulumi-gen-cpp-files") continue;
    files[rel] = Read(e.path());
  }
  return files;
}

// "line N: expected ... got ..." for the first line that differs.
std::string FirstDifference(std::string const& want, std::string const& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool ha = static_cast<bool>(std::getline(a, la));
    bool hb = static_cast<bool>(std::getline(b, lb));
    if (!ha && !hb) return "same lines, different bytes";
    if (la != lb || ha != hb) {
      return "line " + std::to_string(line) + ":\n  expected: " + (ha ? la : "<end>") +
             "\n  generated: " + (hb ? lb : "<end>");
    }
  }
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, GeneratesTheCommittedTree) {
  std::string const name = GetParam();
  auto loaded = Load(Read(kGolden / "schemas" / (name + ".json")), name + ".json");
  ASSERT_TRUE(loaded) << loaded.errors.front().ToString();
  auto generated = Generate(*loaded.package, {.schema_name = name});
  ASSERT_TRUE(generated) << generated.errors.front();
  fs::path expected_dir = kGolden / "expected" / name;

  char const* accept = std::getenv("PULUMI_ACCEPT");
  if (accept != nullptr && std::string(accept) == "1") {
    fs::remove_all(expected_dir);
    auto err = WriteTree(generated.files, expected_dir);
    ASSERT_FALSE(err) << *err;
    fs::remove(expected_dir / ".pulumi-gen-cpp-files");
    GTEST_SKIP() << "rewrote " << expected_dir;
  }

  auto expected = ReadTree(expected_dir);
  ASSERT_FALSE(expected.empty()) << "no expected tree at " << expected_dir << "; run with PULUMI_ACCEPT=1";
  for (auto const& [path, content] : generated.files) {
    auto it = expected.find(path);
    if (it == expected.end()) {
      ADD_FAILURE() << name << ": generated " << path << ", which is not in the expected tree";
      continue;
    }
    EXPECT_TRUE(it->second == content) << name << ": " << path << " differs at " << FirstDifference(it->second, content)
                                       << "\n(PULUMI_ACCEPT=1 accepts the new output)";
  }
  for (auto const& [path, _] : expected) {
    EXPECT_TRUE(generated.files.count(path)) << name << ": expected " << path << ", which was not generated";
  }
}

INSTANTIATE_TEST_SUITE_P(Schemas, GoldenTest, ::testing::Values("acme", "invokes"));

}  // namespace
}  // namespace pulumi::codegen
