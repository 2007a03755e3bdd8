// The calls generated code makes (pulumi/gen/support.h).
#include "pulumi/gen/support.h"
#include "pulumi/mocks/gtest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pulumi::gen {
namespace {

using ::pulumi::mocks::AwaitForTest;
using ::pulumi::mocks::IsKnownWith;
using ::pulumi::mocks::IsSecret;

TEST(GenSupportTest, ASecretMemberHoldsNoSecretsInside) {
  // A secret object whose own members are secret is sent as one secret of plain members.
  ArgsBuilder inner;
  inner.Add("password", Input<std::string>("pw"), /*secret=*/true);
  inner.Add("user", Input<std::string>("admin"));
  auto object = std::move(inner).Object();
  ArgsBuilder outer;
  outer.Add("credentials", Input<PropertyValue>(object), /*secret=*/true);
  outer.Add("copy", Input<PropertyValue>(object));
  auto inputs = std::move(outer).Inputs();
  EXPECT_THAT(
      AwaitForTest(inputs.at("credentials").ToOutput()),
      ::testing::AllOf(IsSecret(), IsKnownWith(PropertyValue(PropertyMap{{"password", "pw"}, {"user", "admin"}}))));
  EXPECT_THAT(
      AwaitForTest(inputs.at("copy").ToOutput()),
      IsKnownWith(PropertyValue(PropertyMap{{"password", PropertyValue::MakeSecret("pw")}, {"user", "admin"}})));
}

TEST(GenSupportTest, ArgsBuilderAndMemberCodecs) {
  ArgsBuilder b;
  b.Add("tier", std::optional<Input<std::string>>("db-f1"));
  b.Add("absent", std::optional<Input<std::string>>());
  b.Add("password", Required<std::string>("pw"), /*secret=*/true);
  b.AddPlain("count", std::optional<int>(2));
  auto inputs = ArgsBuilder(b).Inputs();
  EXPECT_EQ(inputs.size(), 3u);
  EXPECT_FALSE(inputs.count("absent"));
  EXPECT_THAT(AwaitForTest(inputs.at("password").ToOutput()),
              ::testing::AllOf(IsSecret(), IsKnownWith(PropertyValue("pw"))));
  EXPECT_THAT(AwaitForTest(std::move(b).Object()),
              IsKnownWith(PropertyValue(
                  PropertyMap{{"count", 2}, {"password", PropertyValue::MakeSecret("pw")}, {"tier", "db-f1"}})));

  PropertyMap object{{"name", "x"}, {"size", nullptr}};
  std::optional<std::string> name;
  std::optional<int> size = 7;
  std::optional<bool> missing;
  DecodeMember(object, "name", name);
  DecodeMember(object, "size", size);
  DecodeMember(object, "missing", missing);
  EXPECT_EQ(name, "x");
  EXPECT_EQ(size, 7) << "null leaves the member as it was";
  EXPECT_FALSE(missing);
  PropertyMap encoded;
  EncodeMember(encoded, "name", name);
  EncodeMember(encoded, "missing", missing);
  EncodeMember(encoded, "required", RequiredValue<std::string>("r"));
  EXPECT_EQ(encoded, (PropertyMap{{"name", "x"}, {"required", "r"}}));
  EXPECT_THROW(ObjectOf(PropertyValue("not an object"), "an object (acme:x:X)"), PropertyTypeError);
}

TEST(GenSupportTest, PlainMembersAreValuesAndNestedContainersEncode) {
  EXPECT_THAT(AwaitForTest(PlainOutputValue(std::optional<int>(3)).value()), IsKnownWith(PropertyValue(3)));
  EXPECT_FALSE(PlainOutputValue(std::optional<int>()).has_value());
  // A vector of maps (gcp has `Array<Map<string>>` members): the map overload must be found from the vector's.
  std::optional<std::vector<std::map<std::string, std::string>>> rows =
      std::vector<std::map<std::string, std::string>>{{{"a", "1"}}, {}};
  PropertyMap object;
  EncodeMember(object, "rows", rows);
  EXPECT_EQ(object.at("rows"), ToPropertyValue(rows));
}

}  // namespace
}  // namespace pulumi::gen
