// The Pulumi.yaml rewrite that hands a prebuilt conformance program to the language host, and the staging of
// policy packs.
#include "prebuild.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using conformance::WithBinaryOption;

std::string Read(fs::path const& file) {
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void Write(fs::path const& file, std::string const& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

TEST(WithBinaryOption, ShortRuntimeBecomesABlock) {
  EXPECT_EQ(WithBinaryOption("name: t\nruntime: cpp\n", "/b/t"),
            "name: t\nruntime:\n  name: cpp\n  options:\n    binary: \"/b/t\"\n");
}

TEST(WithBinaryOption, ExistingOptionsKeepTheirEntries) {
  EXPECT_EQ(WithBinaryOption("name: t\nruntime:\n  name: cpp\n  options:\n    target: t-0\n", "/b/t-0"),
            "name: t\nruntime:\n  name: cpp\n  options:\n    binary: \"/b/t-0\"\n    target: t-0\n");
}

TEST(WithBinaryOption, BlockWithoutOptionsGetsThem) {
  EXPECT_EQ(WithBinaryOption("name: t\nruntime:\n  name: cpp\nmain: src\n", "/b/t"),
            "name: t\nruntime:\n  name: cpp\n  options:\n    binary: \"/b/t\"\nmain: src\n");
}

TEST(WithBinaryOption, NoRuntimeIsRefused) { EXPECT_EQ(WithBinaryOption("name: t\n", "/b/t"), ""); }

TEST(StagePolicyPacks, PrebuiltPacksNameTheirBinaryOthersAreCopiedAsTheyAre) {
  fs::path root = fs::temp_directory_path() / ("stage-policy-packs-" + std::to_string(getpid()));
  fs::remove_all(root);
  std::string const yaml = "runtime:\n  name: cpp\n  options:\n    target: policy-pack-a\nversion: 1.0.0\n";
  for (auto pack : {"a", "b", "c"}) {
    Write(root / "src" / pack / "PulumiPolicy.yaml", yaml);
    Write(root / "src" / pack / "main.cc", "int main() {}\n");
  }
  Write(root / "src" / "notes" / "README", "not a pack\n");
  Write(root / "staged" / "stale" / "PulumiPolicy.yaml", yaml);
  conformance::Prebuilt prebuilt;
  prebuilt.binaries["policies/a"] = "/b/policy-pack-a";
  prebuilt.binaries["policies/b"] = "/b/policy-pack-b";
  prebuilt.binaries["a"] = "/b/a";  // a program, not a pack

  std::string error;
  auto packs = conformance::StagePolicyPacks(
      root / "src", root / "staged", prebuilt, [](std::string const& pack) { return pack == "b"; }, &error);

  EXPECT_EQ(error, "");
  EXPECT_EQ(packs, (std::map<std::string, std::string>{{"a", "/b/policy-pack-a"}, {"b", ""}, {"c", ""}}));
  EXPECT_EQ(Read(root / "staged" / "a" / "PulumiPolicy.yaml"),
            "runtime:\n  name: cpp\n  options:\n    binary: \"/b/policy-pack-a\"\n    target: policy-pack-a\n"
            "version: 1.0.0\n");
  EXPECT_EQ(Read(root / "staged" / "b" / "PulumiPolicy.yaml"), yaml);  // host-built
  EXPECT_EQ(Read(root / "staged" / "c" / "PulumiPolicy.yaml"), yaml);  // not prebuilt
  EXPECT_EQ(Read(root / "staged" / "c" / "main.cc"), "int main() {}\n");
  EXPECT_FALSE(fs::exists(root / "staged" / "notes"));
  EXPECT_FALSE(fs::exists(root / "staged" / "stale"));
  EXPECT_EQ(Read(root / "src" / "a" / "PulumiPolicy.yaml"), yaml);  // the source is left alone
  fs::remove_all(root);
}

}  // namespace
