// MockDeployment sees a failed program as the engine does: no shutdown signal, nothing deleted, the stack's
// state kept; and a program that succeeds without a resource has it deleted.
#include "pulumi/mocks/mocks.h"
#include "pulumi/pulumi.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace pulumi {
namespace {

using ::pulumi::mocks::MockDeployment;
using ::pulumi::mocks::MockOptions;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

constexpr char kStack[] = "urn:pulumi:stack::project::pulumi:pulumi:Stack::project-stack";
constexpr char kA[] = "urn:pulumi:stack::project::test:index:Thing::a";
constexpr char kB[] = "urn:pulumi:stack::project::test:index:Thing::b";

/// Registers `a`, then fails as `mode` says before registering `b`.
void Program(Context& ctx, std::string const& mode) {
  CustomResource a(ctx, "test:index:Thing", "a", {});
  if (mode == "throw") throw std::runtime_error("failed on purpose");
  if (mode == "config") Config(ctx).RequireInt("fanout");
  Output<std::string> input = a.id();
  if (mode == "apply") input = a.id().Apply([](std::string const&) -> std::string { throw std::runtime_error("x"); });
  if (mode == "drop") return;
  CustomResource b(ctx, "test:index:Thing", "b", {{"input", input}});
}

class MocksFailedRunTest : public ::testing::TestWithParam<std::string> {};

TEST_P(MocksFailedRunTest, AFailedRunDeletesNothingAndKeepsTheState) {
  MockDeployment d(nullptr, MockOptions{.config = {{"fanout", "many"}}});
  ASSERT_EQ(d.Run([](Context& ctx) { Program(ctx, "normal"); }), 0);
  EXPECT_TRUE(d.shutdown_signalled());
  ASSERT_THAT(d.state(), UnorderedElementsAre(kStack, kA, kB));

  ASSERT_EQ(d.Run([](Context& ctx) { Program(ctx, GetParam()); }), 32);
  EXPECT_FALSE(d.shutdown_signalled());
  EXPECT_THAT(d.deleted(), IsEmpty());
  EXPECT_THAT(d.state(), UnorderedElementsAre(kStack, kA, kB));
}

INSTANTIATE_TEST_SUITE_P(EveryFailure, MocksFailedRunTest, ::testing::Values("throw", "config", "apply"));

TEST(MocksFailedRunTest, ASuccessfulRunWithoutAResourceDeletesIt) {
  MockDeployment d;
  ASSERT_EQ(d.Run([](Context& ctx) { Program(ctx, "normal"); }), 0);
  ASSERT_EQ(d.Run([](Context& ctx) { Program(ctx, "drop"); }), 0);
  EXPECT_TRUE(d.shutdown_signalled());
  EXPECT_THAT(d.deleted(), ElementsAre(kB));
  EXPECT_THAT(d.state(), UnorderedElementsAre(kStack, kA));
}

TEST(MocksFailedRunTest, APreviewLeavesTheStateAsItWas) {
  MockDeployment d(nullptr, MockOptions{.dry_run = true});
  ASSERT_EQ(d.Run([](Context& ctx) { Program(ctx, "normal"); }), 0);
  EXPECT_TRUE(d.shutdown_signalled());
  EXPECT_THAT(d.state(), IsEmpty());
}

}  // namespace
}  // namespace pulumi
