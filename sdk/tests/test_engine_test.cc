// The test engine on its own: what it answers without mocks and with them, and the JSON of its recordings.
#include "test_engine/engine.h"
#include "test_engine/property_json.h"

#include "internal/property_codec.h"

#include <gtest/gtest.h>

namespace pulumi::test_engine {
namespace {

pulumirpc::RegisterResourceRequest Registration(std::string type, std::string name, std::string parent, bool custom) {
  pulumirpc::RegisterResourceRequest r;
  r.set_type(type);
  r.set_name(name);
  r.set_parent(parent);
  r.set_custom(custom);
  *r.mutable_object() = internal::EncodeMap({{"size", 3.0}});
  return r;
}

TEST(TestEngineTest, EchoesWithoutMocks) {
  Engine engine({.project = "proj", .stack = "dev"});
  pulumirpc::RegisterResourceResponse stack, component, bucket;
  ASSERT_TRUE(engine.RegisterResource(Registration(kStackType, "proj-dev", "", false), &stack).ok());
  ASSERT_TRUE(engine.RegisterResource(Registration("my:index:Component", "c", stack.urn(), false), &component).ok());
  ASSERT_TRUE(
      engine.RegisterResource(Registration("gcp:storage/bucket:Bucket", "b", component.urn(), true), &bucket).ok());
  EXPECT_EQ(engine.RootResource(), "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev");
  EXPECT_EQ(component.urn(), "urn:pulumi:dev::proj::my:index:Component::c");
  EXPECT_EQ(bucket.urn(), "urn:pulumi:dev::proj::my:index:Component$gcp:storage/bucket:Bucket::b");
  EXPECT_EQ(component.id(), "");
  EXPECT_EQ(bucket.id(), "b-id");
  EXPECT_EQ(bucket.object().SerializeAsString(), internal::EncodeMap({{"size", 3.0}}).SerializeAsString());
  auto kept = engine.Resources();
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_EQ(kept[2].parent, component.urn());
  EXPECT_TRUE(kept[2].inputs.empty());  // nothing is decoded without mocks
}

TEST(TestEngineTest, AnswersWithMocksAndStackReferences) {
  PropertyMap refs{{"url", PropertyValue::MakeSecret("https://db")}};
  Engine engine({.stack_references = {{"org/db/dev", refs}}, .mocks = std::make_shared<mocks::Mocks>()});
  pulumirpc::RegisterResourceResponse bucket;
  ASSERT_TRUE(engine.RegisterResource(Registration("gcp:storage/bucket:Bucket", "b", "", true), &bucket).ok());
  EXPECT_EQ(bucket.id(), "b_id");  // Mocks::NewResource's default
  pulumirpc::ReadResourceRequest read;
  read.set_type(kStackReferenceType);
  read.set_name("db");
  read.set_id("org/db/dev");
  pulumirpc::ReadResourceResponse answer;
  ASSERT_TRUE(engine.ReadResource(read, &answer).ok());
  auto state = internal::DecodeMap(answer.properties());
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->at("outputs"), PropertyValue(refs));
  EXPECT_EQ(state->at("secretOutputNames"), PropertyValue(PropertyArray{"url"}));
  ASSERT_EQ(engine.Resources().size(), 2u);
  EXPECT_EQ(engine.Resources()[0].outputs, (PropertyMap{{"size", 3.0}}));
}

TEST(TestEngineTest, PropertyJsonRoundTrips) {
  PropertyMap m{{"n", 2.0},
                {"x", 2.5},
                {"s", PropertyValue::MakeSecret("p")},
                {"u", PropertyValue::MakeComputed()},
                {"list", PropertyArray{true, nullptr}}};
  auto j = ToJson(m);
  EXPECT_EQ(j.dump(), R"({"list":[true,null],"n":2,"s":{"$secret":"p"},"u":{"$unknown":true},"x":2.5})");
  EXPECT_EQ(FromJson(j), PropertyValue(m));
  EXPECT_THROW(FromJson(nlohmann::json{{"$asset", {{"text", "t"}}}}), std::runtime_error);
}

}  // namespace
}  // namespace pulumi::test_engine
