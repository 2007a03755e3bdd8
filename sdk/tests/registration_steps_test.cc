// Each step of a registration on its own (internal/registration_steps.h), without an engine: resources are
// states settled by hand, and outputs settle inline (there is no runtime).
#include "internal/registration_steps.h"

#include "pulumi/mocks/mocks.h"
#include "pulumi/pulumi.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

namespace pulumi::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;
using State = OutputStateBase::State;

std::string UrnOf(std::string const& type, std::string const& name) {
  return "urn:pulumi:stack::project::" + type + "::" + name;
}

/// A resource the engine has registered.
ResourceStatePtr Registered(std::string const& type, std::string const& name, std::string const& id = "") {
  auto s = std::make_shared<ResourceState>(nullptr, type, name, true);
  s->urn->Resolve(UrnOf(type, name), false, {});
  s->id->Resolve(id, false, {});
  s->outputs->Resolve({}, false, {});
  return s;
}

/// A resource handle over a state, as options hold them.
class Handle : public Resource {
 public:
  explicit Handle(ResourceStatePtr state) : Resource(std::move(state)) {}
};

/// Provider handles (packages "test" and "other"), from a run against the mocks.
struct Providers {
  std::optional<ProviderResource> eu;
  std::optional<ProviderResource> other;
};
Providers const& TestProviders() {
  static Providers const providers = [] {
    Providers p;
    mocks::MockDeployment d;
    EXPECT_EQ(d.Run([&](Context& ctx) {
      p.eu.emplace(ctx, "test", "eu", PropertyInputs{});
      p.other.emplace(ctx, "other", "o", PropertyInputs{});
    }),
              0);
    return p;
  }();
  return providers;
}

std::vector<std::string> Names(Dependencies const& deps) {
  std::vector<std::string> out;
  for (auto const& d : deps) out.push_back(d->name);
  return out;
}

Features AllFeatures() {
  return {
      .secrets = true, .resource_references = true, .output_values = true, .alias_specs = true, .deleted_with = true};
}

// Step 1: PlaceResource.

TEST(PlaceResourceTest, AResourceWithoutAParentSitsUnderTheStackAndTakesItsPackagesProvider) {
  auto stack = Registered(kStackType, "project-stack");
  auto gcp = Registered("pulumi:providers:gcp", "gcp");
  stack->providers["gcp"] = gcp;
  ResourceState res(nullptr, "gcp:sql/databaseInstance:DatabaseInstance", "db", true);
  auto p = PlaceResource(res, stack, {.version = "9.37.0", .plugin_download_url = "https://example.invalid"});
  EXPECT_EQ(p.parent, stack);
  EXPECT_EQ(p.provider, gcp);
  EXPECT_THAT(p.providers, IsEmpty());
  EXPECT_EQ(res.provider, gcp);
  EXPECT_THAT(res.providers, ElementsAre(Pair("gcp", gcp)));
  EXPECT_EQ(res.version, "9.37.0");
  EXPECT_EQ(res.plugin_download_url, "https://example.invalid");
}

TEST(PlaceResourceTest, TheStackHasNoParentAndAComponentNoProvider) {
  ResourceState stack(nullptr, kStackType, "project-stack", false);
  auto p = PlaceResource(stack, nullptr, {});
  EXPECT_EQ(p.parent, nullptr);
  EXPECT_EQ(p.provider, nullptr);
  EXPECT_EQ(stack.version, "");

  auto parent = Registered("apex:index:Component", "parent");
  parent->providers["test"] = Registered("pulumi:providers:test", "inherited");
  ResourceState component(nullptr, "test:index:Component", "c", false);
  p = PlaceResource(component, Registered(kStackType, "s"), {.parent = Handle(parent)});
  EXPECT_EQ(p.parent, parent);
  EXPECT_EQ(p.provider, nullptr);
  EXPECT_EQ(component.providers.at("test")->name, "inherited");
}

TEST(PlaceResourceTest, AnExplicitProviderIsTheResourcesOwnAndItsChildrens) {
  auto const& providers = TestProviders();
  ResourceState res(nullptr, "test:index:Thing", "thing", true);
  auto p = PlaceResource(res, Registered(kStackType, "s"), {.provider = providers.eu});
  EXPECT_EQ(p.provider->name, "eu");
  EXPECT_THAT(p.providers, IsEmpty());
  EXPECT_EQ(res.providers.at("test")->name, "eu");
}

TEST(PlaceResourceTest, AComponentPassesItsProvidersOnAndARemoteOneUsesItsPackages) {
  auto const& providers = TestProviders();
  ResourceState component(nullptr, "apex:index:Component", "c", false);
  auto p = PlaceResource(component, Registered(kStackType, "s"),
                         {.provider = providers.eu, .providers = {*providers.other}});
  EXPECT_EQ(p.provider, nullptr);
  EXPECT_THAT(Names({p.providers.at("test"), p.providers.at("other")}), ElementsAre("eu", "o"));
  EXPECT_EQ(component.providers.at("test")->name, "eu");

  ResourceState remote(nullptr, "test:index:Remote", "r", false);
  remote.remote = true;
  p = PlaceResource(remote, Registered(kStackType, "s"), {.providers = {*providers.eu}});
  EXPECT_EQ(p.provider->name, "eu");
  EXPECT_EQ(p.providers.at("test")->name, "eu");
}

// Step 2: AwaitPrerequisites.

struct Awaited {
  bool called = false;
  std::optional<std::string> error;
  Prerequisites pre;
};

Awaited AwaitPrerequisitesNow(ResourceOptions const& opts, std::optional<Input<std::string>> read_id = std::nullopt) {
  Awaited a;
  AwaitPrerequisites(opts, std::move(read_id), [&a](std::optional<std::string> error, Prerequisites pre) {
    a = {.called = true, .error = std::move(error), .pre = std::move(pre)};
  });
  return a;
}

TEST(AwaitPrerequisitesTest, NothingToAwaitIsAnEmptyRegistration) {
  auto a = AwaitPrerequisitesNow({});
  ASSERT_TRUE(a.called);
  EXPECT_FALSE(a.error);
  EXPECT_FALSE(a.pre.trigger);
  EXPECT_FALSE(a.pre.id_to_read);
}

TEST(AwaitPrerequisitesTest, TheTriggerIsSentAsItSettled) {
  auto dep = Registered("test:index:Thing", "source");
  auto trigger = NewOutputState<PropertyValue>(nullptr);
  trigger->Resolve(PropertyValue(42), true, {dep});
  auto a = AwaitPrerequisitesNow({.replacement_trigger = internal::OutputOf(trigger)});
  ASSERT_TRUE(a.called);
  EXPECT_EQ(a.pre.trigger, PropertyValue::MakeSecret(42));
  EXPECT_THAT(a.pre.trigger_deps, ElementsAre(dep));

  auto unknown = NewOutputState<PropertyValue>(nullptr);
  unknown->SettleUnknown(false, {});
  EXPECT_EQ(AwaitPrerequisitesNow({.replacement_trigger = internal::OutputOf(unknown)}).pre.trigger,
            PropertyValue::MakeComputed());
}

TEST(AwaitPrerequisitesTest, TheIdToReadIsItsValueOrTheUnknownSentinel) {
  auto dep = Registered("test:index:Thing", "source");
  auto id = NewOutputState<std::string>(nullptr);
  id->Resolve("abc", false, {dep});
  auto a = AwaitPrerequisitesNow({}, Input<std::string>(internal::OutputOf(id)));
  EXPECT_EQ(a.pre.id_to_read, "abc");
  EXPECT_THAT(a.pre.id_deps, ElementsAre(dep));

  auto unknown = NewOutputState<std::string>(nullptr);
  unknown->SettleUnknown(false, {});
  EXPECT_EQ(AwaitPrerequisitesNow({}, Input<std::string>(internal::OutputOf(unknown))).pre.id_to_read,
            std::string(kUnknownStringValue));
}

TEST(AwaitPrerequisitesTest, AFailedTriggerOrIdIsAnError) {
  auto failed_trigger = NewOutputState<PropertyValue>(nullptr);
  failed_trigger->Reject("trigger failed");
  auto a = AwaitPrerequisitesNow({.replacement_trigger = internal::OutputOf(failed_trigger)});
  EXPECT_EQ(a.error, "trigger failed");

  auto failed_id = NewOutputState<std::string>(nullptr);
  failed_id->Reject("id failed");
  EXPECT_EQ(AwaitPrerequisitesNow({}, Input<std::string>(internal::OutputOf(failed_id))).error, "id failed");
}

// Step 3: AwaitInputs.

TEST(AwaitInputsTest, ResolvesValuesSecretsUnknownsAndEachPropertysDependencies) {
  auto a = Registered("test:index:Thing", "a");
  auto b = Registered("test:index:Thing", "b");
  auto secret = NewOutputState<PropertyValue>(nullptr);
  secret->Resolve(PropertyValue("hunter2"), true, {a});
  auto unknown = NewOutputState<PropertyValue>(nullptr);
  unknown->SettleUnknown(false, {b, a});
  std::optional<ResolvedInputs> resolved;
  AwaitInputs({{"plain", 1}, {"password", internal::OutputOf(secret)}, {"later", internal::OutputOf(unknown)}},
              [&](std::optional<std::string> error, ResolvedInputs in) {
                EXPECT_FALSE(error);
                resolved = std::move(in);
              });
  ASSERT_TRUE(resolved);
  EXPECT_EQ(resolved->values, (PropertyMap{{"plain", 1},
                                           {"password", PropertyValue::MakeSecret("hunter2")},
                                           {"later", PropertyValue::MakeComputed()}}));
  EXPECT_TRUE(resolved->any_secret);
  EXPECT_TRUE(resolved->any_unknown);
  EXPECT_THAT(resolved->property_deps.at("password"), ElementsAre(a));
  EXPECT_THAT(resolved->property_deps.at("plain"), IsEmpty());
  EXPECT_THAT(Names(resolved->all_deps), ElementsAre("b", "a"));  // in key order: later, password, plain
}

TEST(AwaitInputsTest, AFailedInputIsAnError) {
  auto failed = NewOutputState<PropertyValue>(nullptr);
  failed->Reject("no such bucket");
  std::optional<std::string> error;
  AwaitInputs({{"bucket", internal::OutputOf(failed)}},
              [&](std::optional<std::string> e, ResolvedInputs) { error = std::move(e); });
  EXPECT_EQ(error, "no such bucket");
}

// Step 4: DependenciesOf.

TEST(DependenciesOfTest, AwaitsEveryResourceTheRegistrationNames) {
  auto input = Registered("test:index:Thing", "input");
  auto id_source = Registered("test:index:Thing", "id-source");
  auto trigger_source = Registered("test:index:Thing", "trigger-source");
  auto explicit_dep = Registered("test:index:Thing", "explicit");
  auto deleted_with = Registered("test:index:Thing", "deleted-with");
  auto replace_with = Registered("test:index:Thing", "replace-with");
  auto old_parent = Registered("test:index:Component", "old-parent");
  Placement placement{.parent = Registered("test:index:Component", "parent"),
                      .provider = Registered("pulumi:providers:test", "own"),
                      .providers = {{"other", Registered("pulumi:providers:other", "passed-on")}}};
  ResolvedInputs in;
  in.all_deps = {input};
  Prerequisites pre{
      .trigger = std::nullopt, .trigger_deps = {trigger_source}, .id_to_read = std::nullopt, .id_deps = {id_source}};
  ResourceOptions opts{.depends_on = {Handle(explicit_dep), Handle(input)},
                       .aliases = {Alias{.parent = Handle(old_parent)}},
                       .deleted_with = Handle(deleted_with),
                       .replace_with = {Handle(replace_with)}};
  ResourceState res(nullptr, "test:index:Thing", "thing", true);

  auto deps = DependenciesOf(res, in, pre, opts, placement, AllFeatures());
  EXPECT_THAT(Names(deps.urns), ElementsAre("input", "id-source", "trigger-source", "explicit", "parent", "own",
                                            "passed-on", "deleted-with", "replace-with", "old-parent"));
  EXPECT_THAT(Names(deps.ids), ElementsAre("own", "passed-on"));
  EXPECT_THAT(Names(deps.dependencies), ElementsAre("input", "id-source", "trigger-source", "explicit"));
}

TEST(DependenciesOfTest, ARemoteComponentNamesNoResourceItOnlyRefersTo) {
  auto referred = Registered("test:index:Thing", "referred");
  auto reference = std::make_shared<ResourceState>(referred);  // what ReferenceTo's output depends on
  ResolvedInputs in;
  in.all_deps = {reference};
  ResourceState remote(nullptr, "test:index:Remote", "r", false);
  remote.remote = true;

  auto deps = DependenciesOf(remote, in, {}, {}, {}, AllFeatures());
  EXPECT_THAT(deps.urns, ElementsAre(reference));  // still awaited
  EXPECT_THAT(deps.dependencies, IsEmpty());
  auto without_references = AllFeatures();
  without_references.resource_references = false;
  EXPECT_THAT(DependenciesOf(remote, in, {}, {}, {}, without_references).dependencies, ElementsAre(reference));
  ResourceState custom(nullptr, "test:index:Thing", "c", true);
  EXPECT_THAT(DependenciesOf(custom, in, {}, {}, {}, AllFeatures()).dependencies, ElementsAre(reference));
}

// Step 5: SetOptionFields, RegisterRequest, ReadRequest.

pulumirpc::RegisterResourceRequest OptionFields(ResourceOptions const& opts, Features const& features = AllFeatures()) {
  pulumirpc::RegisterResourceRequest req;
  SetOptionFields(req, opts, features);
  return req;
}

TEST(SetOptionFieldsTest, UnsetOptionsSendTheZeroValues) {
  auto req = OptionFields({});
  EXPECT_FALSE(req.has_protect());
  EXPECT_FALSE(req.has_retainondelete());
  EXPECT_FALSE(req.deletebeforereplace());
  EXPECT_FALSE(req.deletebeforereplacedefined());
  EXPECT_EQ(req.version(), "");
  EXPECT_EQ(req.plugindownloadurl(), "");
  EXPECT_EQ(req.importid(), "");
  EXPECT_FALSE(req.has_customtimeouts());
  EXPECT_EQ(req.deletedwith(), "");
  EXPECT_FALSE(req.has_hooks());
  EXPECT_EQ(req.ignorechanges_size() + req.additionalsecretoutputs_size() + req.aliases_size() + req.aliasurns_size() +
                req.replaceonchanges_size() + req.hidediffs_size() + req.replace_with_size(),
            0);
  EXPECT_THAT(req.envvarmappings(), IsEmpty());
}

TEST(SetOptionFieldsTest, DeleteBeforeReplaceIsDefinedWhenSet) {
  auto set = OptionFields({.delete_before_replace = true});
  EXPECT_TRUE(set.deletebeforereplace());
  EXPECT_TRUE(set.deletebeforereplacedefined());
  auto unset_explicitly = OptionFields({.delete_before_replace = false});
  EXPECT_FALSE(unset_explicitly.deletebeforereplace());
  EXPECT_TRUE(unset_explicitly.deletebeforereplacedefined());
}

TEST(SetOptionFieldsTest, SetOptionsReachTheirFields) {
  auto first = Registered("test:index:Thing", "first");
  auto req = OptionFields({.protect = false,
                           .ignore_changes = {"labels"},
                           .custom_timeouts = CustomTimeouts{.create = "30m", .del = "1h"},
                           .retain_on_delete = true,
                           .replace_on_changes = {"size"},
                           .deleted_with = Handle(first),
                           .version = "1.2.3",
                           .plugin_download_url = "https://example.invalid/plugins",
                           .import_id = "existing-id",
                           .additional_secret_outputs = {"token"},
                           .hide_diffs = {"nested.field"},
                           .replace_with = {Handle(first)},
                           .env_var_mappings = {{"MY_VAR", "PROVIDER_VAR"}}});
  ASSERT_TRUE(req.has_protect());
  EXPECT_FALSE(req.protect());
  EXPECT_THAT(req.ignorechanges(), ElementsAre("labels"));
  EXPECT_EQ(req.customtimeouts().create(), "30m");
  EXPECT_EQ(req.customtimeouts().update(), "");
  EXPECT_EQ(req.customtimeouts().delete_(), "1h");
  EXPECT_TRUE(req.retainondelete());
  EXPECT_THAT(req.replaceonchanges(), ElementsAre("size"));
  EXPECT_EQ(req.deletedwith(), UrnOf("test:index:Thing", "first"));
  EXPECT_EQ(req.version(), "1.2.3");
  EXPECT_EQ(req.plugindownloadurl(), "https://example.invalid/plugins");
  EXPECT_EQ(req.importid(), "existing-id");
  EXPECT_THAT(req.additionalsecretoutputs(), ElementsAre("token"));
  EXPECT_THAT(req.hidediffs(), ElementsAre("nested.field"));
  EXPECT_THAT(req.replace_with(), ElementsAre(UrnOf("test:index:Thing", "first")));
  EXPECT_THAT(req.envvarmappings(), UnorderedElementsAre(Pair("MY_VAR", "PROVIDER_VAR")));

  auto old_engine = AllFeatures();
  old_engine.deleted_with = false;
  EXPECT_EQ(OptionFields({.deleted_with = Handle(first)}, old_engine).deletedwith(), "");
}

TEST(SetOptionFieldsTest, AliasesAreSpecsWhereTheEngineTakesThem) {
  auto old_parent = Registered("test:index:Component", "old-parent");
  ResourceOptions opts{.aliases = {Alias{.urn = std::string("urn:old")}, Alias{.name = std::string("older")},
                                   Alias{.parent = Handle(old_parent)}, Alias{.no_parent = true}}};
  auto req = OptionFields(opts);
  EXPECT_THAT(req.aliasurns(), ElementsAre("urn:old"));
  ASSERT_EQ(req.aliases_size(), 4);
  EXPECT_EQ(req.aliases(0).urn(), "urn:old");
  EXPECT_EQ(req.aliases(1).spec().name(), "older");
  EXPECT_EQ(req.aliases(2).spec().parenturn(), UrnOf("test:index:Component", "old-parent"));
  EXPECT_TRUE(req.aliases(3).spec().noparent());

  auto old_engine = AllFeatures();
  old_engine.alias_specs = false;
  auto urns_only = OptionFields(opts, old_engine);
  EXPECT_THAT(urns_only.aliasurns(), ElementsAre("urn:old"));
  EXPECT_EQ(urns_only.aliases_size(), 0);
}

TEST(RegisterRequestTest, CarriesTheResourceItsInputsDependenciesAndProviders) {
  auto input = Registered("test:index:Thing", "input");
  auto explicit_dep = Registered("test:index:Thing", "explicit");
  Placement placement{.parent = Registered("test:index:Component", "parent"),
                      .provider = Registered("pulumi:providers:test", "own", "own-id"),
                      .providers = {{"other", Registered("pulumi:providers:other", "passed-on")}}};
  ResolvedInputs in;
  in.values = {{"size", 2}, {"password", PropertyValue::MakeSecret("hunter2")}};
  in.property_deps = {{"size", {input}}, {"password", {}}};
  Prerequisites pre;
  pre.trigger = PropertyValue::MakeSecret(1);
  ResourceState res(nullptr, "test:index:Thing", "thing", true);
  res.package_ref = "ref-1";

  auto req = RegisterRequest(res, placement, {.version = "1.2.3"}, in, pre, {input, explicit_dep}, AllFeatures());
  EXPECT_EQ(req.type(), "test:index:Thing");
  EXPECT_EQ(req.name(), "thing");
  EXPECT_EQ(req.parent(), UrnOf("test:index:Component", "parent"));
  EXPECT_TRUE(req.custom());
  EXPECT_FALSE(req.remote());
  EXPECT_EQ(req.object().fields().at("size").number_value(), 2);
  EXPECT_TRUE(req.object().fields().at("password").has_struct_value()) << "a secret object";
  EXPECT_THAT(req.dependencies(),
              ElementsAre(UrnOf("test:index:Thing", "input"), UrnOf("test:index:Thing", "explicit")));
  EXPECT_EQ(req.provider(), UrnOf("pulumi:providers:test", "own") + "::own-id");
  EXPECT_THAT(req.propertydependencies().at("size").urns(), ElementsAre(UrnOf("test:index:Thing", "input")));
  EXPECT_THAT(req.propertydependencies().at("password").urns(), IsEmpty());
  EXPECT_EQ(req.providers().at("other"),
            UrnOf("pulumi:providers:other", "passed-on") + "::" + std::string(kUnknownStringValue));
  EXPECT_EQ(req.packageref(), "ref-1");
  EXPECT_EQ(req.version(), "1.2.3");
  EXPECT_TRUE(req.replacement_trigger().has_struct_value()) << "a secret object";
  EXPECT_TRUE(req.acceptsecrets());
  EXPECT_TRUE(req.acceptresources());
  EXPECT_TRUE(req.accepts_byte_string());
  EXPECT_TRUE(req.aliasspecs());
  EXPECT_TRUE(req.supportspartialvalues());
  EXPECT_TRUE(req.supportsresultreporting());
}

TEST(RegisterRequestTest, ARemoteComponentsPropertyDependenciesLeaveReferencesOut) {
  auto referred = Registered("test:index:Thing", "referred");
  auto reference = std::make_shared<ResourceState>(referred);
  ResolvedInputs in;
  in.property_deps = {{"thing", {reference}}};
  ResourceState remote(nullptr, "test:index:Remote", "r", false);
  remote.remote = true;
  EXPECT_THAT(RegisterRequest(remote, {}, {}, in, {}, {}, AllFeatures()).propertydependencies().at("thing").urns(),
              IsEmpty());
  ResourceState custom(nullptr, "test:index:Thing", "c", true);
  EXPECT_THAT(RegisterRequest(custom, {}, {}, in, {}, {}, AllFeatures()).propertydependencies().at("thing").urns(),
              ElementsAre(UrnOf("test:index:Thing", "referred")));
}

TEST(ReadRequestTest, CarriesTheIdTheStateAndTheOptionsAReadTakes) {
  auto input = Registered("test:index:Thing", "input");
  Placement placement{.parent = Registered("test:index:Component", "parent"),
                      .provider = Registered("pulumi:providers:test", "own", "own-id"),
                      .providers = {}};
  ResolvedInputs in;
  in.values = {{"name", "existing"}};
  ResourceState res(nullptr, "test:index:Thing", "thing", true);

  auto req = ReadRequest(
      res, placement,
      {.version = "1.2.3", .plugin_download_url = "https://example.invalid", .additional_secret_outputs = {"token"}},
      in, "thing-id", {input}, AllFeatures());
  EXPECT_EQ(req.id(), "thing-id");
  EXPECT_EQ(req.type(), "test:index:Thing");
  EXPECT_EQ(req.name(), "thing");
  EXPECT_EQ(req.parent(), UrnOf("test:index:Component", "parent"));
  EXPECT_EQ(req.properties().fields().at("name").string_value(), "existing");
  EXPECT_THAT(req.dependencies(), ElementsAre(UrnOf("test:index:Thing", "input")));
  EXPECT_EQ(req.provider(), UrnOf("pulumi:providers:test", "own") + "::own-id");
  EXPECT_EQ(req.version(), "1.2.3");
  EXPECT_EQ(req.plugindownloadurl(), "https://example.invalid");
  EXPECT_THAT(req.additionalsecretoutputs(), ElementsAre("token"));
  EXPECT_TRUE(req.acceptsecrets());
  EXPECT_TRUE(req.acceptresources());
}

// Step 6: OutputsFrom, OutputDependencies, DependenciesOn, SettleResource.

google::protobuf::RepeatedPtrField<std::string> Strings(std::vector<std::string> const& v) {
  return {v.begin(), v.end()};
}

TEST(OutputsFromTest, AnUpdateKeepsTheInputsTheEngineDidNotReturn) {
  OutputValue secret_output;
  secret_output.value = std::make_shared<PropertyValue const>("v");
  secret_output.secret = true;
  auto outputs = OutputsFrom(
      EncodeMap({{"ip", "10.0.0.5"}, {"token", PropertyValue(secret_output)}}, {.keep_output_values = true}),
      {{"size", 2}, {"ip", "ignored"}}, false, Strings({"missing"}));
  ASSERT_TRUE(outputs.ok()) << outputs.status();
  EXPECT_EQ(*outputs, (PropertyMap{{"ip", "10.0.0.5"}, {"token", PropertyValue::MakeSecret("v")}, {"size", 2}}));
}

TEST(OutputsFromTest, APreviewLeavesWhatTheEngineDidNotReturnUnknown) {
  auto outputs = OutputsFrom(EncodeMap({{"ip", "10.0.0.5"}}), {{"size", 2}}, true, Strings({"token", "ip"}));
  ASSERT_TRUE(outputs.ok()) << outputs.status();
  EXPECT_EQ(*outputs, (PropertyMap{{"ip", "10.0.0.5"},
                                   {"size", PropertyValue::MakeComputed()},
                                   {"token", PropertyValue::MakeSecret(PropertyValue::MakeComputed())}}));
}

TEST(OutputsFromTest, MalformedOutputsAreAnError) {
  google::protobuf::Struct returned;
  (*(*returned.mutable_fields())["bad"].mutable_struct_value()->mutable_fields())[std::string(kSigKey)]
      .set_string_value(std::string(kSecretSig));
  EXPECT_FALSE(OutputsFrom(returned, {}, false, {}).ok());
}

TEST(DependenciesOnTest, NamesEachUrnButTheOneLeftOut) {
  auto deps = DependenciesOn(nullptr, Strings({UrnOf("test:index:Thing", "a"), UrnOf("test:index:Self", "self")}),
                             UrnOf("test:index:Self", "self"));
  ASSERT_EQ(deps.size(), 1u);
  EXPECT_EQ(deps[0]->type, "test:index:Thing");
  EXPECT_EQ(deps[0]->name, "a");
  EXPECT_EQ(KnownUrn(deps[0]), UrnOf("test:index:Thing", "a"));
  EXPECT_EQ(DependenciesOn(nullptr, Strings({"urn:x", "urn:x"})).size(), 2u);
}

TEST(OutputDependenciesTest, AreTheResourcesTheProviderNamedForEachOutput) {
  pulumirpc::RegisterResourceResponse resp;
  resp.set_urn(UrnOf("test:index:Remote", "r"));
  auto& url = (*resp.mutable_propertydependencies())["url"];
  url.add_urns(UrnOf("test:index:Thing", "child"));
  url.add_urns(UrnOf("test:index:Remote", "r"));
  (*resp.mutable_propertydependencies())["plain"];
  auto deps = OutputDependencies(nullptr, resp);
  EXPECT_THAT(Names(deps.at("url")), ElementsAre("child"));
  EXPECT_THAT(deps.at("plain"), IsEmpty());
}

TEST(SettleResourceTest, SettlesTheUrnIdAndOutputs) {
  ResourceState res(nullptr, "test:index:Thing", "thing", true);
  SettleResource(res, "urn:thing", "thing-id", {{"size", 2}}, false, false);
  EXPECT_EQ(res.urn->value(), "urn:thing");
  EXPECT_EQ(res.id->value(), "thing-id");
  EXPECT_EQ(res.outputs->value(), (PropertyMap{{"size", 2}}));
  EXPECT_FALSE(res.missing_outputs_unknown);
}

TEST(SettleResourceTest, ACustomResourceWithoutAnIdInAPreviewHasAnUnknownId) {
  ResourceState custom(nullptr, "test:index:Thing", "thing", true);
  SettleResource(custom, "urn:thing", "", {}, true, true);
  EXPECT_EQ(custom.id->state(), State::kUnknown);
  EXPECT_TRUE(custom.missing_outputs_unknown);
  ResourceState component(nullptr, "test:index:Component", "c", false);
  SettleResource(component, "urn:c", "", {}, true, false);
  EXPECT_EQ(component.id->state(), State::kKnown);
  ResourceState updated(nullptr, "test:index:Thing", "u", true);
  SettleResource(updated, "urn:u", "", {}, false, false);
  EXPECT_EQ(updated.id->state(), State::kKnown);
}

}  // namespace
}  // namespace pulumi::internal
