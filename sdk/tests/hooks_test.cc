// Resource hooks through the mocks, which call them back through the program's callback server as the
// engine does for a create.
#include "pulumi/mocks/mocks.h"
#include "pulumi/pulumi.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace pulumi {
namespace {

using ::pulumi::mocks::MockDeployment;
using ::pulumi::mocks::MockOptions;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct Calls {
  std::mutex mu;
  std::vector<std::string> seen;
  void Add(std::string s) {
    std::lock_guard lock(mu);
    seen.push_back(std::move(s));
  }
};

TEST(HooksTest, BeforeAndAfterCreateHooksRunWithTheResource) {
  MockDeployment d;
  auto calls = std::make_shared<Calls>();
  ASSERT_EQ(d.Run([&](Context& ctx) {
    ResourceHook before(ctx, "before", [calls](ResourceHookArgs const& a) {
      calls->Add("before " + a.name + " " + a.type + " value=" + a.new_inputs.at("value").ToString());
    });
    ResourceHook after(ctx, "after", [calls](ResourceHookArgs const& a) {
      calls->Add("after " + a.urn + " id=" + a.id + " out=" + a.new_outputs.at("value").ToString());
    });
    ErrorHook on_error(ctx, "onError", [](ErrorHookArgs const&) { return true; });
    CustomResource res(ctx, "test:index:Thing", "res", {{"value", "v"}},
                       {.hooks = {.before_create = {before}, .after_create = {after}, .on_error = {on_error}}});
  }),
            0);
  EXPECT_THAT(calls->seen, ElementsAre("before res test:index:Thing value=\"v\"",
                                       "after urn:pulumi:stack::project::test:index:Thing::res id=res_id out=\"v\""));
  auto r = d.Find("test:index:Thing", "res");
  ASSERT_TRUE(r);
  EXPECT_THAT(r->hooks.at("before_create"), ElementsAre("before"));
  EXPECT_THAT(r->hooks.at("after_create"), ElementsAre("after"));
  EXPECT_THAT(r->hooks.at("on_error"), ElementsAre("onError"));
}

TEST(HooksTest, OnlyDryRunHooksRunInAPreview) {
  MockDeployment d(nullptr, MockOptions{.dry_run = true});
  auto calls = std::make_shared<Calls>();
  ASSERT_EQ(d.Run([&](Context& ctx) {
    ResourceHook plain(ctx, "plain", [calls](ResourceHookArgs const&) { calls->Add("plain"); });
    ResourceHook preview(ctx, "preview", [calls](ResourceHookArgs const& a) { calls->Add("preview " + a.name); },
                         {.on_dry_run = true});
    CustomResource res(ctx, "test:index:Thing", "res", {}, {.hooks = {.before_create = {plain, preview}}});
  }),
            0);
  EXPECT_THAT(calls->seen, ElementsAre("preview res"));
}

TEST(HooksTest, AFailingHookFailsTheResourceAndTheRun) {
  MockDeployment d;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    ResourceHook failing(ctx, "failing", [](ResourceHookArgs const&) { throw std::runtime_error("exit status 1"); });
    CustomResource res(ctx, "test:index:Thing", "res", {}, {.hooks = {.after_create = {failing}}});
  }),
            32);
  bool logged = false;
  for (auto const& l : d.logs()) {
    if (l.severity == "error" && l.message.find("after hook \"failing\" failed: exit status 1") != std::string::npos) {
      logged = true;
    }
  }
  EXPECT_TRUE(logged);
}

TEST(HooksTest, AHookThatIgnoresErrorsOnlyWarns) {
  MockDeployment d;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    ResourceHook failing(ctx, "failing", [](ResourceHookArgs const&) { throw std::runtime_error("boom"); },
                         {.ignore_errors = true});
    CustomResource res(ctx, "test:index:Thing", "res", {}, {.hooks = {.after_create = {failing}}});
  }),
            0);
  ASSERT_FALSE(d.logs().empty());
  EXPECT_EQ(d.logs().back().severity, "warning");
  EXPECT_THAT(d.logs().back().message, HasSubstr("after hook \"failing\" failed: boom"));
}

TEST(HooksTest, ANameRegisteredTwiceFailsTheRun) {
  MockDeployment d;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    ResourceHook a(ctx, "same", [](ResourceHookArgs const&) {});
    ErrorHook b(ctx, "same", [](ErrorHookArgs const&) { return false; });
  }),
            32);
  // Either registration may reach the engine first; the other fails.
  bool logged = false;
  for (auto const& l : d.logs()) {
    if (l.severity == "error" && l.message.find("already registered for name \"same\"") != std::string::npos) {
      logged = true;
    }
  }
  EXPECT_TRUE(logged);
}

}  // namespace
}  // namespace pulumi
