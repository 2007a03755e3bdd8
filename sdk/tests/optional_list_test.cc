// OptionalList<T> (pulumi/optional_list.h): an optional list in an output keeps "absent" apart from "empty",
// in its decoder, its encoders and when it is passed on to another resource's input.
#include "pulumi/optional_list.h"

#include "pulumi/gen/support.h"
#include "pulumi/mocks/gtest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace pulumi {
namespace {

using ::pulumi::mocks::AwaitForTest;
using ::pulumi::mocks::IsKnownWith;

TEST(OptionalListTest, ReadsAsAVectorAndAsAnOptional) {
  OptionalList<int> absent;
  EXPECT_FALSE(absent);
  EXPECT_FALSE(absent.has_value());
  EXPECT_THROW(absent.value(), std::bad_optional_access);
  EXPECT_EQ(absent.value_or({7}), std::vector<int>{7});
  EXPECT_FALSE(OptionalList<int>(std::nullopt));

  OptionalList<int> empty = std::vector<int>{};
  EXPECT_TRUE(empty) << "made present, even without elements";
  EXPECT_TRUE(empty.value().empty());

  OptionalList<int> two{1, 2};
  EXPECT_TRUE(two);
  EXPECT_EQ(two.size(), 2u);
  EXPECT_EQ(two->front(), 1);
  EXPECT_EQ(*two, (std::vector<int>{1, 2}));
  EXPECT_EQ(two, (std::vector<int>{1, 2}));

  absent.push_back(3);
  EXPECT_TRUE(absent) << "a list that holds elements is there";
}

TEST(OptionalListTest, DecodesNullAsAbsentAndAnArrayAsPresent) {
  EXPECT_FALSE(FromPropertyValue<OptionalList<std::string>>(PropertyValue(nullptr)));
  auto empty = FromPropertyValue<OptionalList<std::string>>(PropertyValue(PropertyArray{}));
  EXPECT_TRUE(empty);
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(FromPropertyValue<OptionalList<std::string>>(PropertyValue(PropertyArray{"a"})),
            (std::vector<std::string>{"a"}));
  EXPECT_THROW(FromPropertyValue<OptionalList<std::string>>(PropertyValue("a")), PropertyTypeError);

  PropertyMap object{{"empty", PropertyArray{}}, {"null", nullptr}};
  OptionalList<double> from_empty, from_null, missing;
  gen::DecodeMember(object, "empty", from_empty);
  gen::DecodeMember(object, "null", from_null);
  gen::DecodeMember(object, "missing", missing);
  EXPECT_TRUE(from_empty);
  EXPECT_FALSE(from_null);
  EXPECT_FALSE(missing);
}

TEST(OptionalListTest, EncodesAbsentAsNullOrLeftOutAndEmptyAsAnEmptyArray) {
  EXPECT_TRUE(ToPropertyValue(OptionalList<int>()).is_null());
  EXPECT_EQ(ToPropertyValue(OptionalList<int>(std::vector<int>{})), PropertyValue(PropertyArray{}));
  EXPECT_EQ(ToPropertyValue(OptionalList<int>{4}), PropertyValue(PropertyArray{4}));

  PropertyMap object;
  gen::EncodeMember(object, "absent", OptionalList<std::string>());
  gen::EncodeMember(object, "empty", OptionalList<std::string>(std::vector<std::string>{}));
  EXPECT_EQ(object, (PropertyMap{{"empty", PropertyArray{}}}));
}

// What the engine gets for a list input given an optional list: from another resource's output, or plain.
PropertyValue Sent(std::optional<Input<std::vector<double>>> const& member) {
  gen::ArgsBuilder b;
  b.Add("list", member);
  auto inputs = std::move(b).Inputs();
  return AwaitForTest(inputs.at("list").ToOutput()).value.value();
}

TEST(OptionalListTest, AnAbsentListPassedOnStaysAbsentAndAnEmptyOneStaysEmpty) {
  EXPECT_TRUE(Sent(MakeOutput(OptionalList<double>())).is_null());
  EXPECT_EQ(Sent(MakeOutput(OptionalList<double>(std::vector<double>{}))), PropertyValue(PropertyArray{}));
  EXPECT_EQ(Sent(MakeOutput(OptionalList<double>{1.5})), PropertyValue(PropertyArray{1.5}));
  EXPECT_TRUE(Sent(OptionalList<double>()).is_null());
  EXPECT_EQ(Sent(OptionalList<double>(std::vector<double>{})), PropertyValue(PropertyArray{}));

  // The typed side holds the list, empty where it is absent.
  Input<std::vector<double>> in(MakeOutput(OptionalList<double>()));
  EXPECT_THAT(AwaitForTest(in.ToOutput()), IsKnownWith(std::vector<double>{}));
  // An untyped input encodes it the same way.
  EXPECT_THAT(AwaitForTest(Input<PropertyValue>(MakeOutput(OptionalList<double>())).ToOutput()),
              IsKnownWith(PropertyValue(nullptr)));
}

}  // namespace
}  // namespace pulumi
