#include "pulumi/args.h"
#include "pulumi/mocks/gtest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <type_traits>

namespace pulumi {
namespace {

using ::pulumi::mocks::AwaitForTest;
using ::pulumi::mocks::IsKnownWith;
using ::pulumi::mocks::IsSecret;
using ::pulumi::mocks::IsUnknown;
// As generated code does: the SDK's overloads and the struct overloads of this namespace side by side.
using ::pulumi::ToOutputValue;

struct LabelArgs {
  Required<std::string> key;
  std::optional<Input<std::string>> value;
};

Output<PropertyValue> ToOutputValue(LabelArgs const& a) {
  return ObjectOutput({{"key", ToOutputValue(a.key)}, {"value", ToOutputValue(a.value)}});
}

struct SettingsArgs {
  Required<std::string> tier;
  std::optional<Input<int>> disk_size_gb;
  std::optional<std::vector<LabelArgs>> labels;
  std::optional<Input<std::map<std::string, std::string>>> user_labels;
};

Output<PropertyValue> ToOutputValue(SettingsArgs const& a) {
  return ObjectOutput({{"tier", ToOutputValue(a.tier)},
                       {"diskSizeGb", ToOutputValue(a.disk_size_gb)},
                       {"labels", ToOutputValue(a.labels)},
                       {"userLabels", ToOutputValue(a.user_labels)}});
}

// Leaving a Required member out of a designated initializer does not compile.
template <typename T>
concept BuildsWithoutTier = requires { T{.disk_size_gb = 10}; };
static_assert(!BuildsWithoutTier<SettingsArgs>);
static_assert(!std::is_default_constructible_v<Required<std::string>>);

TEST(ArgsTest, NestedStructsBecomeOneObject) {
  SettingsArgs settings{.tier = "db-f1-micro",
                        .disk_size_gb = Output<int>(20),
                        .labels = std::vector<LabelArgs>{{.key = "env", .value = "dev"}, {.key = "bare"}},
                        .user_labels = std::map<std::string, std::string>{{"team", "apex"}}};
  EXPECT_THAT(AwaitForTest(ToOutputValue(settings)),
              IsKnownWith(PropertyValue(PropertyMap{
                  {"tier", "db-f1-micro"},
                  {"diskSizeGb", 20},
                  {"labels", PropertyArray{PropertyMap{{"key", "env"}, {"value", "dev"}}, PropertyMap{{"key", "bare"}}}},
                  {"userLabels", PropertyMap{{"team", "apex"}}}})));
}

TEST(ArgsTest, AbsentOptionalsAreLeftOut) {
  EXPECT_THAT(AwaitForTest(ToOutputValue(SettingsArgs{.tier = "x"})), IsKnownWith(PropertyValue(PropertyMap{{"tier", "x"}})));
}

TEST(ArgsTest, SecretAndUnknownMembersCarryOver) {
  auto secret = AwaitForTest(ToOutputValue(SettingsArgs{.tier = MakeSecret(Output<std::string>("hidden"))}));
  EXPECT_THAT(secret, IsSecret());
  EXPECT_THAT(AwaitForTest(ToOutputValue(SettingsArgs{.tier = Output<std::string>::Unknown()})), IsUnknown());
}

}  // namespace
}  // namespace pulumi
