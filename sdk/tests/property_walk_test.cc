#include "internal/property_walk.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace pulumi::internal {
namespace {

using ::testing::ElementsAre;

OutputValue OutputOf(std::optional<PropertyValue> value, bool secret = false) {
  OutputValue o;
  if (value) o.value = std::make_shared<PropertyValue const>(std::move(*value));
  o.secret = secret;
  return o;
}

// {"a": [1, secret("s")], "b": output(ref), "c": archive of {"x": secret}}
PropertyValue Tree() {
  return PropertyMap{{"a", PropertyArray{1, PropertyValue::MakeSecret("s")}},
                     {"b", OutputOf(PropertyValue(ResourceReference{"urn:r", std::nullopt, ""}))},
                     {"c", AssetArchive({{"x", PropertyValue::MakeSecret("hidden")}})}};
}

TEST(PropertyWalkTest, WalksParentsFirstThroughArraysObjectsSecretsAndOutputs) {
  std::vector<std::string> seen;
  Walk(Tree(), [&](PropertyValue const& v) {
    seen.push_back(v.ToString());
    return true;
  });
  // The archive is a leaf: the secret among its assets is not visited.
  EXPECT_THAT(seen, ElementsAre(Tree().ToString(), "[1,[secret]]", "1", "[secret]", "\"s\"", "[resource urn:r]",
                                "[resource urn:r]", "[archive]"));
}

TEST(PropertyWalkTest, WalkSkipsWhatIsInsideWhenTheVisitorSaysSo) {
  int visited = 0;
  Walk(Tree(), [&](PropertyValue const& v) {
    ++visited;
    return !v.is_array();
  });
  EXPECT_EQ(visited, 5);  // the root, the array (not its elements), b and its value, c
}

TEST(PropertyWalkTest, AnyValueStopsAtTheFirstMatch) {
  int visited = 0;
  EXPECT_TRUE(AnyValue(Tree(), [&](PropertyValue const& v) {
    ++visited;
    return v.is_secret();
  }));
  EXPECT_EQ(visited, 4);
  EXPECT_FALSE(AnyValue(Tree(), [](PropertyValue const& v) { return v.is_computed(); }));
  EXPECT_FALSE(AnyValue(PropertyValue(), [](PropertyValue const& v) { return v.is_string(); }));
}

TEST(PropertyWalkTest, ForEachInsideListsTheDirectValuesOnly) {
  std::vector<std::string> inside;
  auto note = [&](PropertyValue const& v) { inside.push_back(v.ToString()); };
  ForEachInside(Tree(), note);
  ForEachInside(PropertyValue(OutputOf(std::nullopt)), note);  // an unknown output value has nothing inside
  ForEachInside(PropertyValue(OutputOf(PropertyValue("v"), true)), note);
  EXPECT_THAT(inside, ElementsAre("[1,[secret]]", "[resource urn:r]", "[archive]", "\"v\""));
}

TEST(PropertyWalkTest, TransformRewritesBottomUp) {
  std::vector<std::string> order;
  auto doubled = Transform(PropertyMap{{"n", PropertyArray{1, PropertyValue::MakeSecret(2)}}}, [&](PropertyValue v) {
    order.push_back(v.ToString());
    return v.is_number() ? PropertyValue(v.AsNumber() * 2) : v;
  });
  EXPECT_EQ(doubled, (PropertyMap{{"n", PropertyArray{2, PropertyValue::MakeSecret(4)}}}));
  // Each value is seen with what is inside it already rewritten.
  EXPECT_THAT(order, ElementsAre("1", "2", "[secret]", "[2,[secret]]", "{\"n\":[2,[secret]]}"));
}

TEST(PropertyWalkTest, TransformRebuildsSecretsAndOutputValues) {
  auto upper = [](PropertyValue v) { return v.is_string() ? PropertyValue(v.AsString() + "!") : v; };
  EXPECT_EQ(Transform(PropertyValue::MakeSecret("a"), upper), PropertyValue::MakeSecret("a!"));
  EXPECT_EQ(Transform(PropertyValue(OutputOf(PropertyValue("b"), true)), upper),
            PropertyValue(OutputOf(PropertyValue("b!"), true)));
  EXPECT_EQ(Transform(PropertyValue(OutputOf(std::nullopt)), upper), PropertyValue(OutputOf(std::nullopt)));
  // A secret whose element becomes a secret stays one secret.
  auto hide = [](PropertyValue v) { return v.is_string() ? PropertyValue::MakeSecret(v) : v; };
  EXPECT_EQ(Transform(PropertyValue::MakeSecret("c"), hide), PropertyValue::MakeSecret("c"));
}

TEST(PropertyWalkTest, TransformGivesThePathToARewriteThatAsksForIt) {
  std::vector<std::string> paths;
  Transform(PropertyMap{{"a", PropertyArray{PropertyValue::MakeSecret(PropertyMap{{"b", 1}})}}},
            [&](PropertyValue v, ValuePath const& at) {
              std::string path;
              for (auto const& step : at) path += step.key ? "." + *step.key : "[" + std::to_string(step.index) + "]";
              paths.push_back(path);
              return v;
            });
  // The secret and its element share a path: wrappers add no step.
  EXPECT_THAT(paths, ElementsAre(".a[0].b", ".a[0]", ".a[0]", ".a", ""));
}

}  // namespace
}  // namespace pulumi::internal
