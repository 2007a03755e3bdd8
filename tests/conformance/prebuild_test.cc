// The Pulumi.yaml rewrite that hands a prebuilt conformance program to the language host.
#include "prebuild.h"

#include <gtest/gtest.h>

namespace {

using conformance::WithBinaryOption;

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

}  // namespace
