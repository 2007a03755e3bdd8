// The run loop under concurrency: many resources and callbacks at once, PULUMI_PARALLEL engine calls.
// Built and run under TSan too.
#include "pulumi/mocks/gtest.h"
#include "pulumi/mocks/mocks.h"
#include "pulumi/pulumi.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace pulumi {
namespace {

using ::pulumi::mocks::AwaitForTest;
using ::pulumi::mocks::IsKnownWith;
using ::pulumi::mocks::MockDeployment;
using ::pulumi::mocks::MockOptions;
using ::pulumi::mocks::MockResourceArgs;
using ::pulumi::mocks::MockResourceResult;

class SlowMocks : public mocks::Mocks {
 public:
  MockResourceResult NewResource(MockResourceArgs const& args) override {
    int now = ++in_flight;
    int seen = max_in_flight.load();
    while (now > seen && !max_in_flight.compare_exchange_weak(seen, now)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    --in_flight;
    return {args.name + "_id", args.inputs};
  }
  std::atomic<int> in_flight{0};
  std::atomic<int> max_in_flight{0};
};

TEST(RunLoopTest, ChainsAndFansOutWithoutLosingWork) {
  auto m = std::make_shared<SlowMocks>();
  MockDeployment d(m, MockOptions{.parallel = 4});
  Output<int> total;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    std::vector<Output<int>> sizes;
    Output<std::string> previous("root");
    for (int i = 0; i < 40; ++i) {
      // Each resource depends on the previous one (a chain) and on a fan-out sibling.
      CustomResource sibling(ctx, "test:index:Leaf", "leaf-" + std::to_string(i), {{"n", i}});
      CustomResource link(ctx, "test:index:Link", "link-" + std::to_string(i),
                          {{"prev", previous}, {"sibling", sibling.id()}});
      previous = link.id();
      sizes.push_back(sibling.GetOutput<int>("n").Apply([](int n) { return n + 1; }));
    }
    total = All(sizes).Apply([](std::vector<int> const& v) {
      int sum = 0;
      for (int x : v) sum += x;
      return sum;
    });
    ctx.Export("total", total);
    ctx.Export("last", previous);
  }),
            0);
  EXPECT_EQ(d.resources().size(), 81u);  // the stack, 40 leaves, 40 links
  EXPECT_THAT(AwaitForTest(total), IsKnownWith(820));
  EXPECT_EQ(d.stack_outputs().at("last"), PropertyValue("link-39_id"));
  EXPECT_EQ(d.Find("test:index:Link", "link-5")->inputs.at("prev"), PropertyValue("link-4_id"));
  EXPECT_LE(m->max_in_flight.load(), 4);
  EXPECT_GE(m->max_in_flight.load(), 2);
}

TEST(RunLoopTest, CallbacksRunOneAtATime) {
  MockDeployment d(nullptr, MockOptions{.parallel = 8});
  int unsynchronized_counter = 0;  // TSan flags this if callbacks ever run concurrently
  ASSERT_EQ(d.Run([&](Context& ctx) {
    for (int i = 0; i < 50; ++i) {
      CustomResource r(ctx, "test:index:Thing", "t" + std::to_string(i), {});
      r.id().Apply([&](std::string const& id) {
        ++unsynchronized_counter;
        return id;
      });
    }
  }),
            0);
  EXPECT_EQ(unsynchronized_counter, 50);
}

TEST(RunLoopTest, RunIsRepeatable) {
  MockDeployment d;
  for (int round = 0; round < 3; ++round) {
    ASSERT_EQ(d.Run([](Context& ctx) { CustomResource(ctx, "test:index:Thing", "t", {}); }), 0);
    EXPECT_EQ(d.resources().size(), 2u);
  }
}

}  // namespace
}  // namespace pulumi
