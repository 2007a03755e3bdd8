#include "pulumi/mocks/gtest.h"
#include "pulumi/mocks/mocks.h"
#include "pulumi/pulumi.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

namespace pulumi {
namespace {

using ::pulumi::mocks::AwaitForTest;
using ::pulumi::mocks::IsKnownWith;
using ::pulumi::mocks::IsSecret;
using ::pulumi::mocks::IsUnknown;
using ::pulumi::mocks::MockDeployment;
using ::pulumi::mocks::MockOptions;
using ::pulumi::mocks::MockResourceArgs;
using ::pulumi::mocks::MockResourceResult;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

constexpr char kStackUrn[] = "urn:pulumi:stack::project::pulumi:pulumi:Stack::project-stack";

class IpMocks : public mocks::Mocks {
 public:
  MockResourceResult NewResource(MockResourceArgs const& args) override {
    auto state = args.inputs;
    if (args.type == "test:index:Instance" && !args.dry_run) state["ip"] = "10.0.0.5";
    return {args.dry_run ? "" : args.name + "-id", state};
  }
};

TEST(ResourceTest, RegistersCustomResourceUnderTheStack) {
  MockDeployment d(std::make_shared<IpMocks>());
  Output<std::string> ip;
  Output<std::string> id;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    CustomResource vm(ctx, "test:index:Instance", "vm", {{"size", "small"}, {"count", 2}});
    ip = vm.GetOutput<std::string>("ip");
    id = vm.id();
  }),
            0);
  auto vm = d.Find("test:index:Instance", "vm");
  ASSERT_TRUE(vm);
  EXPECT_EQ(vm->urn, "urn:pulumi:stack::project::test:index:Instance::vm");
  EXPECT_EQ(vm->parent, kStackUrn);
  EXPECT_EQ(vm->inputs, (PropertyMap{{"size", "small"}, {"count", 2}}));
  EXPECT_THAT(AwaitForTest(ip), IsKnownWith(std::string("10.0.0.5")));
  auto awaited_id = AwaitForTest(id);
  EXPECT_THAT(awaited_id, IsKnownWith(std::string("vm-id")));
  EXPECT_THAT(awaited_id.dependencies, ElementsAre(vm->urn));
}

TEST(ResourceTest, DryRunLeavesUnreturnedOutputsUnknown) {
  MockDeployment d(std::make_shared<IpMocks>(), MockOptions{.dry_run = true});
  Output<std::string> ip;
  Output<std::string> id;
  Output<std::string> size;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    EXPECT_TRUE(ctx.dry_run());
    CustomResource vm(ctx, "test:index:Instance", "vm", {{"size", "small"}});
    ip = vm.GetOutput<std::string>("ip");
    id = vm.id();
    size = vm.GetOutput<std::string>("size");
  }),
            0);
  EXPECT_THAT(AwaitForTest(ip), IsUnknown());
  EXPECT_THAT(AwaitForTest(id), IsUnknown());
  EXPECT_THAT(AwaitForTest(size), IsKnownWith(std::string("small")));
}

TEST(ResourceTest, DryRunKeepsUnreturnedAdditionalSecretOutputsSecret) {
  // As a provider that leaves its unknown outputs out of a preview (l2-resource-schema-secret).
  MockDeployment d(std::make_shared<IpMocks>(), MockOptions{.dry_run = true});
  Output<std::string> ip;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    CustomResource vm(ctx, "test:index:Instance", "vm", {{"size", "small"}}, {.additional_secret_outputs = {"ip"}});
    ip = vm.GetOutput<std::string>("ip");
  }),
            0);
  EXPECT_THAT(AwaitForTest(ip), ::testing::AllOf(IsUnknown(), IsSecret()));
}

TEST(ResourceTest, OutputsFlowIntoInputsWithDependencies) {
  MockDeployment d(std::make_shared<IpMocks>());
  ASSERT_EQ(d.Run([&](Context& ctx) {
    CustomResource vm(ctx, "test:index:Instance", "vm", {});
    CustomResource dns(ctx, "test:index:Record", "dns", {{"target", vm.GetOutput("ip")}, {"name", "db.internal"}});
  }),
            0);
  auto dns = d.Find("test:index:Record", "dns");
  ASSERT_TRUE(dns);
  EXPECT_EQ(dns->inputs.at("target"), PropertyValue("10.0.0.5"));
  auto vm_urn = "urn:pulumi:stack::project::test:index:Instance::vm";
  EXPECT_THAT(dns->dependencies, ElementsAre(vm_urn));
  EXPECT_THAT(dns->property_dependencies.at("target"), ElementsAre(vm_urn));
  EXPECT_TRUE(dns->property_dependencies.at("name").empty());
}

TEST(ResourceTest, SecretInputsAreSentAsSecretsAndOutputsStaySecret) {
  MockDeployment d;
  Output<std::string> password_out;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    CustomResource user(ctx, "test:index:User", "app", {{"password", MakeSecret(Output<std::string>("s3cret"))}});
    password_out = user.GetOutput<std::string>("password");
  }),
            0);
  auto user = d.Find("test:index:User", "app");
  ASSERT_TRUE(user);
  EXPECT_TRUE(user->inputs.at("password").is_secret());
  EXPECT_EQ(user->inputs.at("password").SecretElement(), PropertyValue("s3cret"));
  auto awaited = AwaitForTest(password_out);
  EXPECT_THAT(awaited, IsSecret());
  EXPECT_THAT(awaited, IsKnownWith(std::string("s3cret")));
}

class Database : public ComponentResource {
 public:
  Database(Context& ctx, std::string const& name, ResourceOptions const& opts = {})
      : ComponentResource(ctx, "apex:database:Cluster", name, opts) {
    CustomResource instance(ctx, "test:index:Instance", name + "-sql", {{"tier", "db-f1-micro"}}, {.parent = *this});
    CustomResource db(ctx, "test:index:Database", name + "-vectors", {{"instance", instance.GetOutput("ip")}},
                      {.parent = *this});
    ip = instance.GetOutput<std::string>("ip");
    RegisterOutputs({{"ip", ip}});
  }
  Output<std::string> ip;
};

TEST(ResourceTest, ComponentChildrenTakeTheComponentAsParent) {
  MockDeployment d(std::make_shared<IpMocks>());
  ASSERT_EQ(d.Run([&](Context& ctx) {
    Database db(ctx, "main");
    ctx.Export("dbIp", db.ip);
  }),
            0);
  auto component = d.Find("apex:database:Cluster", "main");
  ASSERT_TRUE(component);
  EXPECT_FALSE(component->custom);
  EXPECT_EQ(component->urn, "urn:pulumi:stack::project::apex:database:Cluster::main");
  auto sql = d.Find("test:index:Instance", "main-sql");
  ASSERT_TRUE(sql);
  EXPECT_EQ(sql->parent, component->urn);
  EXPECT_EQ(sql->urn, "urn:pulumi:stack::project::apex:database:Cluster$test:index:Instance::main-sql");
  EXPECT_EQ(component->registered_outputs, (PropertyMap{{"ip", "10.0.0.5"}}));
  EXPECT_EQ(d.stack_outputs(), (PropertyMap{{"dbIp", "10.0.0.5"}}));
}

TEST(ResourceTest, OptionsReachTheEngine) {
  MockDeployment d;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    CustomResource first(ctx, "test:index:Thing", "first", {});
    ProviderResource eu(ctx, "test", "eu", {{"region", "europe-west1"}});
    CustomResource second(ctx, "test:index:Thing", "second", {},
                          {.depends_on = {first},
                           .protect = true,
                           .provider = eu,
                           .ignore_changes = {"labels"},
                           .delete_before_replace = true,
                           .aliases = {Alias{.urn = std::string("urn:pulumi:stack::project::test:index:Thing::old")},
                                       Alias{.name = std::string("older")}},
                           .custom_timeouts = CustomTimeouts{.create = "30m", .update = "", .del = "1h"},
                           .retain_on_delete = true,
                           .replace_on_changes = {"size"},
                           .deleted_with = first,
                           .version = "1.2.3",
                           .plugin_download_url = "https://example.invalid/plugins",
                           .import_id = "existing-id",
                           .additional_secret_outputs = {"token"}});
  }),
            0);
  auto r = d.Find("test:index:Thing", "second");
  ASSERT_TRUE(r);
  auto first_urn = "urn:pulumi:stack::project::test:index:Thing::first";
  EXPECT_THAT(r->dependencies, ElementsAre(first_urn));
  EXPECT_EQ(r->protect, true);
  EXPECT_EQ(r->provider, "urn:pulumi:stack::project::pulumi:providers:test::eu::eu_id");
  EXPECT_THAT(r->ignore_changes, ElementsAre("labels"));
  EXPECT_EQ(r->delete_before_replace, true);
  EXPECT_THAT(r->alias_urns, ElementsAre("urn:pulumi:stack::project::test:index:Thing::old", "spec:older/"));
  EXPECT_EQ(r->custom_timeouts.at("create"), "30m");
  EXPECT_EQ(r->custom_timeouts.at("delete"), "1h");
  EXPECT_EQ(r->retain_on_delete, true);
  EXPECT_THAT(r->replace_on_changes, ElementsAre("size"));
  EXPECT_EQ(r->deleted_with, first_urn);
  EXPECT_EQ(r->version, "1.2.3");
  EXPECT_EQ(r->plugin_download_url, "https://example.invalid/plugins");
  EXPECT_EQ(r->import_id, "existing-id");
  EXPECT_THAT(r->additional_secret_outputs, ElementsAre("token"));
  auto provider = d.Find("pulumi:providers:test", "eu");
  ASSERT_TRUE(provider);
  EXPECT_EQ(provider->inputs, (PropertyMap{{"region", "europe-west1"}}));
}

TEST(ResourceTest, NewerOptionsReachTheEngine) {
  MockDeployment d;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    CustomResource first(ctx, "test:index:Thing", "first", {});
    CustomResource second(ctx, "test:index:Thing", "second", {},
                          {.custom_timeouts = CustomTimeouts{.read = "5m"},
                           .hide_diffs = {"value", "nested.field"},
                           .replace_with = {first},
                           .replacement_trigger = MakeSecret(MakeOutput(std::vector<int>{1, 2})),
                           .env_var_mappings = {{"MY_VAR", "PROVIDER_VAR"}}});
    CustomResource plain(ctx, "test:index:Thing", "plain", {});
  }),
            0);
  auto first_urn = "urn:pulumi:stack::project::test:index:Thing::first";
  auto r = d.Find("test:index:Thing", "second");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->custom_timeouts.at("read"), "5m");
  EXPECT_THAT(r->hide_diffs, ElementsAre("value", "nested.field"));
  EXPECT_THAT(r->replace_with, ElementsAre(first_urn));
  EXPECT_EQ(r->replacement_trigger, PropertyValue::MakeSecret(PropertyArray{1, 2}));
  EXPECT_EQ(r->env_var_mappings, (std::map<std::string, std::string>{{"MY_VAR", "PROVIDER_VAR"}}));
  auto plain = d.Find("test:index:Thing", "plain");
  ASSERT_TRUE(plain);
  EXPECT_TRUE(plain->replacement_trigger.is_null());
  EXPECT_TRUE(plain->hide_diffs.empty());
  EXPECT_TRUE(plain->replace_with.empty());
}

TEST(ResourceTest, AnOutputReplacementTriggerIsAwaitedAndADependency) {
  MockDeployment d(std::make_shared<IpMocks>(), MockOptions{.dry_run = true});
  ASSERT_EQ(d.Run([&](Context& ctx) {
    CustomResource vm(ctx, "test:index:Instance", "vm", {});
    CustomResource unknown(ctx, "test:index:Thing", "unknown", {}, {.replacement_trigger = vm.GetOutput("ip")});
  }),
            0);
  auto vm_urn = "urn:pulumi:stack::project::test:index:Instance::vm";
  auto unknown = d.Find("test:index:Thing", "unknown");
  ASSERT_TRUE(unknown);
  EXPECT_TRUE(unknown->replacement_trigger.is_computed());
  EXPECT_THAT(unknown->dependencies, ElementsAre(vm_urn));
}

TEST(ResourceTest, ChildrenInheritProvidersFromTheirParent) {
  MockDeployment d;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    ProviderResource eu(ctx, "test", "eu", {});
    ComponentResource group(ctx, "my:index:Group", "group", {.providers = {eu}});
    CustomResource child(ctx, "test:index:Thing", "child", {}, {.parent = group});
    CustomResource other(ctx, "other:index:Thing", "other", {}, {.parent = group});
  }),
            0);
  EXPECT_EQ(d.Find("test:index:Thing", "child")->provider,
            "urn:pulumi:stack::project::pulumi:providers:test::eu::eu_id");
  EXPECT_EQ(d.Find("other:index:Thing", "other")->provider, "");
}

TEST(ResourceTest, ChildrenInheritTheExplicitProviderOfACustomParent) {
  MockDeployment d;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    ProviderResource eu(ctx, "test", "eu", {});
    CustomResource parent(ctx, "test:index:Thing", "parent", {}, {.provider = eu});
    CustomResource child(ctx, "test:index:Thing", "child", {}, {.parent = parent});
    CustomResource grandchild(ctx, "test:index:Thing", "grandchild", {}, {.parent = child});
    CustomResource other(ctx, "other:index:Thing", "other", {}, {.parent = parent});
  }),
            0);
  auto const eu_ref = "urn:pulumi:stack::project::pulumi:providers:test::eu::eu_id";
  EXPECT_EQ(d.Find("test:index:Thing", "child")->provider, eu_ref);
  EXPECT_EQ(d.Find("test:index:Thing", "grandchild")->provider, eu_ref);
  EXPECT_EQ(d.Find("other:index:Thing", "other")->provider, "");
}

TEST(ResourceTest, ResourceReferencesGoBothWays) {
  MockDeployment d;
  Output<std::string> referenced_urn;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    CustomResource network(ctx, "test:index:Network", "net", {});
    CustomResource subnet(ctx, "test:index:Subnet", "sub", {{"network", ReferenceTo(network)}});
    referenced_urn = subnet.GetOutput("network").Apply(
        [&ctx](PropertyValue const& v) { return ResourceFromReference(ctx, v.AsResourceReference()).urn(); });
  }),
            0);
  auto subnet = d.Find("test:index:Subnet", "sub");
  ASSERT_TRUE(subnet);
  auto const& ref = subnet->inputs.at("network");
  ASSERT_TRUE(ref.is_resource_reference());
  EXPECT_EQ(ref.AsResourceReference().urn, "urn:pulumi:stack::project::test:index:Network::net");
  EXPECT_EQ(ref.AsResourceReference().id, std::optional<std::string>("net_id"));
  EXPECT_THAT(subnet->dependencies, ElementsAre("urn:pulumi:stack::project::test:index:Network::net"));
  EXPECT_THAT(AwaitForTest(referenced_urn),
              IsKnownWith(std::string("urn:pulumi:stack::project::test:index:Network::net")));
}

TEST(ResourceTest, GetReadsAnExistingResource) {
  MockDeployment d;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    auto bucket = CustomResource::Get(ctx, "test:index:Bucket", "existing", "bucket-123", {}, {});
    ctx.Export("id", bucket.id());
  }),
            0);
  auto r = d.Find("test:index:Bucket", "existing");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->read);
  EXPECT_EQ(r->id, "bucket-123");
  EXPECT_EQ(d.stack_outputs(), (PropertyMap{{"id", "bucket-123"}}));
}

TEST(ResourceTest, FailedNewResourceFailsTheRunWithALoggedError) {
  class Failing : public mocks::Mocks {
    MockResourceResult NewResource(MockResourceArgs const& args) override {
      if (args.name == "bad") throw std::runtime_error("quota exceeded");
      return {args.name + "_id", args.inputs};
    }
  };
  MockDeployment d(std::make_shared<Failing>());
  Output<std::string> dependent_id;
  EXPECT_EQ(d.Run([&](Context& ctx) {
    CustomResource bad(ctx, "test:index:Thing", "bad", {});
    CustomResource dependent(ctx, "test:index:Thing", "dependent", {{"x", bad.id()}});
    dependent_id = dependent.id();
  }),
            kExitStatusLoggedError);
  EXPECT_FALSE(d.Find("test:index:Thing", "dependent"));
  EXPECT_TRUE(AwaitForTest(dependent_id).failed);
  bool logged = false;
  for (auto const& l : d.logs())
    logged = logged || (l.severity == "error" && l.message.find("quota exceeded") != std::string::npos);
  EXPECT_TRUE(logged);
}

TEST(ResourceTest, ExceptionInApplyExitsWith32) {
  MockDeployment d;
  EXPECT_EQ(d.Run([&](Context& ctx) {
    Output<int>(1).Apply([](int) -> int { throw std::runtime_error("callback exploded"); });
    (void)ctx;
  }),
            kExitStatusLoggedError);
  ASSERT_FALSE(d.logs().empty());
  EXPECT_THAT(d.logs().back().message, HasSubstr("callback exploded"));
  EXPECT_EQ(d.logs().back().severity, "error");
}

TEST(ResourceTest, ExceptionInBodyExitsWith32) {
  MockDeployment d;
  EXPECT_EQ(d.Run([](Context&) { throw std::runtime_error("body exploded"); }), kExitStatusLoggedError);
  ASSERT_FALSE(d.logs().empty());
  EXPECT_THAT(d.logs().back().message, HasSubstr("body exploded"));
}

TEST(ResourceTest, LogsReachTheEngineWithTheirResource) {
  MockDeployment d;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    CustomResource r(ctx, "test:index:Thing", "t", {});
    ctx.log().Info("hello");
    ctx.log().Warn("careful", r);
    ctx.log().Debug("details");
  }),
            0);
  std::vector<std::string> seen;
  for (auto const& l : d.logs()) seen.push_back(l.severity + ":" + l.message + ":" + l.urn);
  EXPECT_THAT(seen,
              UnorderedElementsAre("info:hello:", "warning:careful:urn:pulumi:stack::project::test:index:Thing::t",
                                   "debug:details:"));
}

TEST(ResourceTest, LogErrorFailsTheRun) {
  MockDeployment d;
  EXPECT_EQ(d.Run([&](Context& ctx) { ctx.log().Error("bad thing"); }), kExitStatusLoggedError);
}

TEST(InvokeTest, ReturnsTheProviderResult) {
  class InvokeMocks : public mocks::Mocks {
    PropertyMap Call(mocks::MockCallArgs const& args) override {
      if (args.token == "test:index:getProject") return {{"number", "1234"}, {"echo", args.args.at("id")}};
      throw std::runtime_error("unexpected " + args.token);
    }
  };
  MockDeployment d(std::make_shared<InvokeMocks>());
  Output<PropertyMap> result;
  Output<PropertyMap> secret_result;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    result = Invoke(ctx, "test:index:getProject", {{"id", "apex"}});
    secret_result = Invoke(ctx, "test:index:getProject", {{"id", MakeSecret(Output<std::string>("hidden"))}});
  }),
            0);
  auto awaited = AwaitForTest(result);
  ASSERT_TRUE(awaited.known);
  EXPECT_EQ(awaited.value->at("number"), PropertyValue("1234"));
  EXPECT_THAT(AwaitForTest(secret_result), IsSecret());
  ASSERT_EQ(d.invokes().size(), 2u);
  // Invoke arguments go plain: the SDK keeps track of secrecy itself. (The two invokes run concurrently, so
  // their order in the record is not fixed.)
  std::vector<PropertyValue> ids;
  for (auto const& i : d.invokes()) ids.push_back(i.args.at("id"));
  EXPECT_THAT(ids, ::testing::UnorderedElementsAre(PropertyValue("apex"), PropertyValue("hidden")));
}

TEST(InvokeTest, FailuresFailTheRun) {
  MockDeployment d;
  Output<PropertyMap> result;
  EXPECT_EQ(d.Run([&](Context& ctx) { result = Invoke(ctx, "test:index:missing", {}); }), kExitStatusLoggedError);
  EXPECT_THAT(AwaitForTest(result), mocks::FailedWith(HasSubstr("no mock for the invoke test:index:missing")));
}

TEST(InvokeTest, UnknownArgumentsMakeAnUnknownResultInPreview) {
  MockDeployment d(nullptr, MockOptions{.dry_run = true});
  Output<PropertyMap> result;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    CustomResource r(ctx, "test:index:Thing", "t", {});
    result = Invoke(ctx, "test:index:get", {{"id", r.id()}});
  }),
            0);
  EXPECT_THAT(AwaitForTest(result), IsUnknown());
  EXPECT_TRUE(d.invokes().empty());
}

}  // namespace
}  // namespace pulumi
