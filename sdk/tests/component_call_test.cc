// Remote components (ComponentResource::Remote), method calls (pulumi::Call), references received as
// outputs (ResourceInput, CustomResource::FromReference) and the id of reads.
#include "pulumi/args.h"
#include "pulumi/gen/support.h"
#include "pulumi/mocks/gtest.h"
#include "pulumi/mocks/mocks.h"
#include "pulumi/pulumi.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace pulumi {
namespace {

using ::pulumi::mocks::AwaitForTest;
using ::pulumi::mocks::IsKnownWith;
using ::pulumi::mocks::MockCallArgs;
using ::pulumi::mocks::MockDeployment;
using ::pulumi::mocks::MockResourceArgs;
using ::pulumi::mocks::MockResourceResult;

constexpr char kComponentUrn[] = "urn:pulumi:stack::project::test:index:Site::site";

class SiteMocks : public mocks::Mocks {
 public:
  MockResourceResult NewResource(MockResourceArgs const& args) override {
    if (args.type == "test:index:Site") return {"", {{"url", "https://" + args.inputs.at("host").AsString()}}};
    return {args.name + "-id", args.inputs};
  }
  PropertyMap Call(MockCallArgs const& args) override {
    if (args.token == "test:index:Site/purge") {
      self = args.args.at("__self__");
      return {{"purged", args.args.at("path")}};
    }
    if (args.token == "pulumi:pulumi:getResource") {
      return {{"urn", args.args.at("urn")}, {"id", "bucket-id"}, {"state", PropertyMap{{"name", "logs"}}}};
    }
    throw std::runtime_error("unexpected call " + args.token);
  }
  PropertyValue self;
};

TEST(ComponentCallTest, RemoteComponentOutputsAndMethods) {
  auto m = std::make_shared<SiteMocks>();
  MockDeployment d(m);
  Output<std::string> url;
  Output<PropertyMap> purged;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    auto site = ComponentResource::Remote(ctx, "test:index:Site", "site", {{"host", "example.com"}}, {});
    url = site.GetOutput<std::string>("url");
    purged = Call("test:index:Site/purge", {{"path", "/index.html"}}, site);
  }),
            0);
  auto site = d.Find("test:index:Site", "site");
  ASSERT_TRUE(site);
  EXPECT_FALSE(site->custom);
  EXPECT_THAT(AwaitForTest(url), IsKnownWith(std::string("https://example.com")));
  EXPECT_THAT(AwaitForTest(purged), IsKnownWith(PropertyMap{{"purged", "/index.html"}}));
  ASSERT_TRUE(m->self.is_resource_reference());
  EXPECT_EQ(m->self.AsResourceReference().urn, kComponentUrn);
}

TEST(ComponentCallTest, ReferencesReceivedAsOutputs) {
  MockDeployment d(std::make_shared<SiteMocks>());
  Output<std::string> name;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    auto ref = MakeOutput(ResourceReference{"urn:pulumi:stack::project::test:index:Bucket::logs", "bucket-id", ""});
    // As an input of a resource-typed property...
    CustomResource user(ctx, "test:index:User", "user",
                        {{"bucket", ToOutputValue(ResourceInput<CustomResource>(ref))}});
    // ... and hydrated into a handle whose outputs are the engine's state of that resource.
    name = ref.Apply([&ctx](ResourceReference const& r) {
      return CustomResource::FromReference(ctx, r).GetOutput<std::string>("name");
    });
  }),
            0);
  auto user = d.Find("test:index:User", "user");
  ASSERT_TRUE(user);
  ASSERT_TRUE(user->inputs.at("bucket").is_resource_reference());
  EXPECT_EQ(user->inputs.at("bucket").AsResourceReference().urn, "urn:pulumi:stack::project::test:index:Bucket::logs");
  EXPECT_THAT(AwaitForTest(name), IsKnownWith(std::string("logs")));
}

TEST(ComponentCallTest, HydratedReferenceAsAnInput) {
  MockDeployment d(std::make_shared<SiteMocks>());
  ASSERT_EQ(d.Run([&](Context& ctx) {
    auto ref = MakeOutput(ResourceReference{"urn:pulumi:stack::project::test:index:Bucket::logs", "bucket-id", ""});
    auto bucket = ref.Apply([&ctx](ResourceReference const& r) { return CustomResource::FromReference(ctx, r); });
    CustomResource user(ctx, "test:index:User", "user", {{"bucket", ToOutputValue(ResourceInput<Resource>(bucket))}});
  }),
            0);
  auto user = d.Find("test:index:User", "user");
  ASSERT_TRUE(user);
  ASSERT_TRUE(user->inputs.at("bucket").is_resource_reference());
  EXPECT_EQ(user->inputs.at("bucket").AsResourceReference().id, "bucket-id");
}

TEST(ComponentCallTest, ReadTakesTheIdTheEngineAnswers) {
  MockDeployment d(std::make_shared<SiteMocks>());
  Output<std::string> id;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    id = CustomResource::Get(ctx, "test:index:Bucket", "b", "existing", {{"lookup", "k"}}, {}).id();
  }),
            0);
  EXPECT_THAT(AwaitForTest(id), IsKnownWith(std::string("existing")));
}

TEST(ComponentCallTest, PlainMembersThatReferToResourcesAreSentOnceTheirResourcesAre) {
  // The schema can mark resource-typed inputs `plain` (a component's resource, list and map of resources);
  // the references are sent once the resources are registered.
  MockDeployment d(std::make_shared<SiteMocks>());
  ASSERT_EQ(d.Run([&](Context& ctx) {
    CustomResource a(ctx, "test:index:Bucket", "a", {});
    CustomResource b(ctx, "test:index:Bucket", "b", {});
    RequiredValue<ResourceInput<CustomResource>> one = ResourceInput<CustomResource>(a);
    std::vector<ResourceInput<CustomResource>> list{a, b};
    std::optional<std::map<std::string, ResourceInput<CustomResource>>> map{{{"k", b}}};
    gen::ArgsBuilder args;
    args.AddPlain("one", one);
    args.AddPlain("list", list);
    args.AddPlain("map", map);
    ComponentResource::Remote(ctx, "test:index:Refs", "refs", std::move(args).Inputs(), {});
  }),
            0);
  auto site = d.Find("test:index:Refs", "refs");
  ASSERT_TRUE(site);
  auto const a_urn = "urn:pulumi:stack::project::test:index:Bucket::a";
  auto const b_urn = "urn:pulumi:stack::project::test:index:Bucket::b";
  EXPECT_EQ(site->inputs.at("one").AsResourceReference().urn, a_urn);
  ASSERT_EQ(site->inputs.at("list").AsArray().size(), 2u);
  EXPECT_EQ(site->inputs.at("list").AsArray()[1].AsResourceReference().urn, b_urn);
  EXPECT_EQ(site->inputs.at("map").AsObject().at("k").AsResourceReference().urn, b_urn);
}

}  // namespace
}  // namespace pulumi
