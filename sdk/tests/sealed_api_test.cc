// The public types expose no internal handle (doc/adr/0013-sealed-public-api.md): what an Output, Input,
// Resource, hook, Context or MockDeployment holds is private, and the SDK reaches it only through the
// functions of pulumi/internal/access.h. The checks are at compile time; the tests below show that the
// way in reaches the same state.
#include "pulumi/internal/access.h"
#include "pulumi/mocks/mocks.h"
#include "pulumi/pulumi.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

namespace pulumi {
namespace {

using ::pulumi::mocks::AwaitForTest;
using ::pulumi::mocks::MockDeployment;

// Each concept asks whether code outside the SDK can name the handle; an inaccessible member fails the
// requirement as a missing one does.
template <typename T>
concept HasInternalState = requires(T const& t) {
  t.internal_state();
};
template <typename T>
concept HasStateMember = requires(T const& t) {
  t.state_;
};
template <typename T>
concept HasInternalEntries = requires(T const& t) {
  t.internal_entries();
};
template <typename T>
concept HasInternalRuntime = requires(T const& t) {
  t.internal_runtime();
};
template <typename T>
concept HasRuntimeMember = requires(T const& t) {
  t.runtime_;
};
template <typename T>
concept HasImpl = requires {
  typename T::Impl;
};

// Output: no state accessor, no constructor from a state.
static_assert(!HasInternalState<Output<int>>);
static_assert(!HasStateMember<Output<int>>);
static_assert(!std::is_constructible_v<Output<int>, std::shared_ptr<internal::OutputState<int>>>);
static_assert(!std::is_constructible_v<Output<std::string>, std::shared_ptr<internal::OutputState<std::string>>>);
static_assert(std::is_constructible_v<Output<int>, int>);  // the public constructors stay

// Input: no per-entry value.
static_assert(!HasInternalEntries<Input<int>>);
static_assert(!HasInternalEntries<Input<std::vector<std::string>>>);

// Resources: no state accessor, and no state to a subclass either (a program's components derive from them).
static_assert(!HasInternalState<Resource>);
static_assert(!HasInternalState<CustomResource>);
static_assert(!HasInternalState<ComponentResource>);
static_assert(!HasInternalState<ProviderResource>);
static_assert(!HasInternalState<StackReference>);
static_assert(!HasStateMember<Resource>);

class UserComponent : public ComponentResource {
 public:
  using ComponentResource::ComponentResource;
  // Asked from inside a subclass, where a protected member would be visible.
  template <typename Self>
  static constexpr bool SeesState() {
    return requires(Self const& c) { c.state_; };
  }
};
static_assert(!UserComponent::SeesState<UserComponent>());

// Hooks and the Context.
static_assert(!HasInternalState<ResourceHook>);
static_assert(!HasInternalState<ErrorHook>);
static_assert(!HasStateMember<ResourceHook>);
static_assert(!HasInternalRuntime<Context>);
static_assert(!HasRuntimeMember<Context>);

// MockDeployment: its Impl is private.
static_assert(!HasImpl<mocks::MockDeployment>);

// The SDK's way in.
static_assert(requires(Output<int> const& o) { internal::StateOf(o); });
static_assert(requires(std::shared_ptr<internal::OutputState<int>> s) { internal::OutputOf(s); });
static_assert(requires(Input<int> const& i) { internal::EntriesOf(i); });
static_assert(requires(CustomResource const& r) { internal::StateOf(r); });
static_assert(requires(ResourceHook const& h) { internal::StateOf(h); });
static_assert(requires(ErrorHook const& h) { internal::StateOf(h); });
static_assert(requires(Context const& c) { internal::RuntimeOf(c); });

TEST(SealedApiTest, AnOutputOverAStateSharesIt) {
  auto o = MakeOutput(7);
  auto const& state = internal::StateOf(o);
  auto again = internal::OutputOf(state);
  EXPECT_EQ(internal::StateOf(again), state);
  auto a = AwaitForTest(again);
  ASSERT_TRUE(a.known);
  EXPECT_EQ(*a.value, 7);
}

TEST(SealedApiTest, AnInputHasEntriesOnlyWhenItKeepsMoreThanItsOutput) {
  Input<int> plain(1);
  EXPECT_FALSE(internal::EntriesOf(plain).has_value());
  Input<std::map<std::string, std::string>> per_entry(
      std::map<std::string, Output<std::string>>{{"a", MakeOutput("x")}, {"b", MakeSecret(MakeOutput("y"))}});
  ASSERT_TRUE(internal::EntriesOf(per_entry).has_value());
  auto a = AwaitForTest(*internal::EntriesOf(per_entry));
  ASSERT_TRUE(a.known);
  EXPECT_FALSE(a.secret);  // the secret stays inside, on its entry
  EXPECT_TRUE(a.value->AsObject().at("b").is_secret());
}

TEST(SealedApiTest, ResourcesHooksAndTheContextReachTheirState) {
  MockDeployment d;
  ASSERT_EQ(d.Run([](Context& ctx) {
    EXPECT_NE(internal::RuntimeOf(ctx), nullptr);
    CustomResource a(ctx, "test:index:Thing", "a", {});
    CustomResource copy = a;
    EXPECT_NE(internal::StateOf(a), nullptr);
    EXPECT_EQ(internal::StateOf(copy), internal::StateOf(a));
    EXPECT_NE(internal::StateOf(ctx.stack_resource()), nullptr);
    ResourceHook hook(ctx, "hook", [](ResourceHookArgs const&) {});
    ErrorHook error_hook(ctx, "error-hook", [](ErrorHookArgs const&) { return false; });
    EXPECT_NE(internal::StateOf(hook), nullptr);
    EXPECT_NE(internal::StateOf(error_hook), nullptr);
  }),
            0);
}

}  // namespace
}  // namespace pulumi
