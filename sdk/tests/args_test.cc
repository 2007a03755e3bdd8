#include "pulumi/args.h"
#include "pulumi/mocks/gtest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <type_traits>

namespace pulumi {
namespace {

using ::pulumi::mocks::AwaitForTest;
using ::pulumi::mocks::FailedWith;
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
concept BuildsWithoutTier = requires {
  T{.disk_size_gb = 10};
};
static_assert(!BuildsWithoutTier<SettingsArgs>);
static_assert(!std::is_default_constructible_v<Required<std::string>>);

TEST(ArgsTest, NestedStructsBecomeOneObject) {
  SettingsArgs settings{.tier = "db-f1-micro",
                        .disk_size_gb = Output<int>(20),
                        .labels = std::vector<LabelArgs>{{.key = "env", .value = "dev"}, {.key = "bare"}},
                        .user_labels = std::map<std::string, std::string>{{"team", "apex"}}};
  EXPECT_THAT(
      AwaitForTest(ToOutputValue(settings)),
      IsKnownWith(PropertyValue(PropertyMap{
          {"tier", "db-f1-micro"},
          {"diskSizeGb", 20},
          {"labels", PropertyArray{PropertyMap{{"key", "env"}, {"value", "dev"}}, PropertyMap{{"key", "bare"}}}},
          {"userLabels", PropertyMap{{"team", "apex"}}}})));
}

TEST(ArgsTest, AbsentOptionalsAreLeftOut) {
  EXPECT_THAT(AwaitForTest(ToOutputValue(SettingsArgs{.tier = "x"})),
              IsKnownWith(PropertyValue(PropertyMap{{"tier", "x"}})));
}

TEST(ArgsTest, SecretAndUnknownMembersStayInsideTheObject) {
  // A preview must keep the known members of a nested object, as Pulumi's other SDKs do.
  auto secret =
      AwaitForTest(ToOutputValue(SettingsArgs{.tier = MakeSecret(Output<std::string>("hidden")), .disk_size_gb = 10}));
  EXPECT_THAT(
      secret,
      IsKnownWith(PropertyValue(PropertyMap{{"tier", PropertyValue::MakeSecret("hidden")}, {"diskSizeGb", 10}})));
  auto unknown = AwaitForTest(ToOutputValue(SettingsArgs{.tier = Output<std::string>::Unknown(), .disk_size_gb = 10}));
  EXPECT_THAT(unknown,
              IsKnownWith(PropertyValue(PropertyMap{{"tier", PropertyValue::MakeComputed()}, {"diskSizeGb", 10}})));
}

TEST(ArgsTest, AMapOfOutputsKeepsEachValuesSecrecy) {
  // As Go's StringMap{"key2": secret}: the engine gets the one secret value, not a secret map.
  std::map<std::string, Output<std::string>> labels{{"team", Output<std::string>("apex")},
                                                    {"token", MakeSecret(Output<std::string>("hidden"))}};
  SettingsArgs settings{.tier = "x", .user_labels = labels};
  EXPECT_THAT(AwaitForTest(ToOutputValue(settings)),
              IsKnownWith(PropertyValue(PropertyMap{
                  {"tier", "x"},
                  {"userLabels", PropertyMap{{"team", "apex"}, {"token", PropertyValue::MakeSecret("hidden")}}}})));
  // The map as a program sees it is secret as a whole.
  auto whole = AwaitForTest(settings.user_labels->ToOutput());
  EXPECT_THAT(whole, ::testing::AllOf(IsSecret(), IsKnownWith(std::map<std::string, std::string>{
                                                      {"team", "apex"}, {"token", "hidden"}})));
}

TEST(ArgsTest, AListOfOutputsKeepsEachElementsUnknownnessAndSecrecy) {
  // As Go's Float64Array{output}: a provider's Check sees an array with an unknown element in a preview.
  Input<std::vector<int>> list =
      std::vector<Output<int>>{Output<int>(1), Output<int>::Unknown(), MakeSecret(Output<int>(3))};
  EXPECT_THAT(
      AwaitForTest(ToOutputValue(list)),
      IsKnownWith(PropertyValue(PropertyArray{1, PropertyValue::MakeComputed(), PropertyValue::MakeSecret(3)})));
  // The list as a program sees it is unknown as a whole.
  EXPECT_THAT(AwaitForTest(list.ToOutput()), IsUnknown());
}

TEST(ArgsTest, AFailedMemberFailsTheObject) {
  auto failed = AwaitForTest(
      ToOutputValue(SettingsArgs{.tier = Output<std::string>("x").Apply(
                                     [](std::string const&) -> std::string { throw std::runtime_error("no tier"); })}));
  EXPECT_THAT(failed, FailedWith(::testing::HasSubstr("no tier")));
}

TEST(ArgsTest, RequiredValuesAndSecretValues) {
  static_assert(!std::is_default_constructible_v<RequiredValue<std::vector<LabelArgs>>>);
  RequiredValue<std::vector<LabelArgs>> labels = std::vector<LabelArgs>{{.key = "env"}};
  EXPECT_THAT(AwaitForTest(ToOutputValue(labels)),
              IsKnownWith(PropertyValue(PropertyArray{PropertyMap{{"key", "env"}}})));
  auto hidden = SecretValue(ToOutputValue(std::optional<Input<std::string>>("pw")));
  ASSERT_TRUE(hidden.has_value());
  EXPECT_THAT(AwaitForTest(*hidden), ::testing::AllOf(IsSecret(), IsKnownWith(PropertyValue("pw"))));
  EXPECT_FALSE(SecretValue(std::nullopt).has_value());
}

TEST(ArgsTest, AListOfObjectsFromAnOutput) {
  // As l3-for-resource: a list whose length is known only once another resource's output is.
  Output<std::vector<std::map<std::string, std::string>>> computed(
      std::vector<std::map<std::string, std::string>>{{{"key", "env"}}});
  RequiredValue<std::vector<LabelArgs>> labels = computed;
  EXPECT_THAT(AwaitForTest(ToOutputValue(labels)),
              IsKnownWith(PropertyValue(PropertyArray{PropertyMap{{"key", "env"}}})));
  EXPECT_THROW(labels.value(), std::logic_error);
  RequiredValue<std::vector<LabelArgs>> unknown = Output<PropertyValue>::Unknown(/*secret=*/true);
  EXPECT_THAT(AwaitForTest(ToOutputValue(unknown)), ::testing::AllOf(IsUnknown(), IsSecret()));
  // Plain values stay values.
  static_assert(!std::is_constructible_v<RequiredValue<std::vector<std::string>>, Output<std::vector<std::string>>>);
}

TEST(ArgsTest, AnOptionalOutputFillsAnOptionalMemberAndSendsNullWhenItHoldsNone) {
  // As l2-resource-optional: another resource's optional property passed on as is.
  SettingsArgs unset{.tier = "x", .disk_size_gb = Output<std::optional<int>>(std::nullopt)};
  EXPECT_THAT(AwaitForTest(ToOutputValue(unset)),
              IsKnownWith(PropertyValue(PropertyMap{{"tier", "x"}, {"diskSizeGb", nullptr}})));
  SettingsArgs set{.tier = "x", .disk_size_gb = MakeSecret(Output<std::optional<int>>(20))};
  EXPECT_THAT(AwaitForTest(ToOutputValue(set)),
              IsKnownWith(PropertyValue(PropertyMap{{"tier", "x"}, {"diskSizeGb", PropertyValue::MakeSecret(20)}})));
  // The value as a program sees it: T{} where the output holds none.
  EXPECT_THAT(AwaitForTest(unset.disk_size_gb->ToOutput()), IsKnownWith(0));
  // A convertible value type converts, as for Output<U>.
  Input<double> converted = Output<std::optional<int>>(3);
  EXPECT_THAT(AwaitForTest(ToOutputValue(converted)), IsKnownWith(PropertyValue(3.0)));
}

TEST(ArgsTest, NestedContainersConvertInAnyOrder) {
  // A vector of maps (gcp has `Array<Map<string>>` members): the map overload must be found from the vector's.
  std::optional<std::vector<std::map<std::string, std::string>>> rows =
      std::vector<std::map<std::string, std::string>>{{{"a", "1"}}, {}};
  EXPECT_EQ(ToPropertyValue(rows), PropertyValue(PropertyArray{PropertyMap{{"a", "1"}}, PropertyMap{}}));
  std::map<std::string, std::vector<std::optional<int>>> columns{{"x", {1, std::nullopt}}};
  EXPECT_EQ(ToPropertyValue(columns), PropertyValue(PropertyMap{{"x", PropertyArray{1, nullptr}}}));
}

}  // namespace
}  // namespace pulumi
