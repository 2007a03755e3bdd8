#include "recording_monitor.h"

#include "apex/gcp_mocks/gcp_mocks.h"
#include "test_engine/property_json.h"

#include <chrono>
#include <set>
#include <stdexcept>

namespace apex::peer {
namespace {

using nlohmann::json;
using pulumi::test_engine::ToJson;

/// The feature ids older SDKs probe with SupportsFeature; all answered true, like a current engine.
std::set<std::string> const kLegacyFeatures = {
    "secrets",    "resourceReferences", "outputValues",     "deletedWith",   "replaceWith", "aliasSpecs",
    "transforms", "invokeTransforms",   "parameterization", "resourceHooks", "errorHooks"};

/// The provider of the peer check: GcpMocks for custom resources, a component's inputs as its outputs.
class PeerMocks final : public pulumi::mocks::Mocks {
 public:
  explicit PeerMocks(MonitorOptions const& o)
      : project_(o.gcp_project), region_(o.region), unknowns_(o.preview_unknowns) {}

  pulumi::mocks::MockResourceResult NewResource(pulumi::mocks::MockResourceArgs const& args) override {
    if (args.type == pulumi::test_engine::kStackReferenceType) {
      throw std::runtime_error("unknown stack " + args.id + " (not in the stack references given)");
    }
    if (!args.custom) return {"", args.inputs};
    auto result = Fresh().NewResource(args);
    if (unknowns_ && !args.read) {
      for (auto& [k, v] : result.state) {
        auto in = args.inputs.find(k);
        if (in == args.inputs.end() || !(in->second == v)) v = pulumi::PropertyValue::MakeComputed();
      }
      result.id.clear();
    }
    return result;
  }

  pulumi::PropertyMap Call(pulumi::mocks::MockCallArgs const& args) override { return Fresh().Call(args); }

 private:
  /// A fresh GcpMocks for each resource: it numbers the IPs it hands out, and the two SDKs register in
  /// different orders, so one shared instance would give the same resource different values.
  apex::gcp_mocks::GcpMocks Fresh() const { return {project_, region_}; }

  std::string project_;
  std::string region_;
  bool unknowns_;
};

pulumi::test_engine::EngineOptions EngineOptionsOf(MonitorOptions const& o) {
  pulumi::test_engine::EngineOptions e{
      .project = o.project,
      .stack = o.stack,
      .organization = o.organization,
      .dry_run = o.dry_run,
      .parallel = 4,
      .config = o.config,
      .config_secret_keys = o.config_secret_keys,
      .supports_feature = [](std::string const& id) { return kLegacyFeatures.contains(id); },
      .stack_references = o.stack_references,
      .mocks = std::make_shared<PeerMocks>(o)};
  // Every feature of the protocol, as a current engine announces them: both SDKs see the same engine.
  for (int f = pulumirpc::ResourceMonitorFeature_MIN; f <= pulumirpc::ResourceMonitorFeature_MAX; ++f) {
    e.features.push_back(static_cast<pulumirpc::ResourceMonitorFeature>(f));
  }
  return e;
}

json List(auto const& repeated) { return pulumi::test_engine::Strings(repeated); }

json Registration(pulumi::test_engine::Resource const& r) {
  auto const& req = *r.registration;
  json deps = json::object();
  for (auto const& [k, v] : req.propertydependencies()) deps[k] = List(v.urns());
  json aliases = json::array();
  for (auto const& a : req.aliases()) aliases.push_back(a.has_spec() ? a.spec().name() : a.urn());
  auto const& timeouts = req.customtimeouts();
  return {{"urn", r.urn},
          {"type", req.type()},
          {"name", req.name()},
          {"parent", req.parent()},
          {"custom", req.custom()},
          {"id", r.id},
          {"inputs", ToJson(r.inputs)},
          {"outputs", ToJson(r.outputs)},
          {"dependencies", List(req.dependencies())},
          {"propertyDependencies", deps},
          {"provider", req.provider()},
          {"providers", json(std::map<std::string, std::string>(req.providers().begin(), req.providers().end()))},
          {"version", req.version()},
          {"pluginDownloadURL", req.plugindownloadurl()},
          {"packageRef", req.packageref()},
          {"protect", req.has_protect() ? json(req.protect()) : json(nullptr)},
          {"retainOnDelete", req.has_retainondelete() ? json(req.retainondelete()) : json(nullptr)},
          {"deleteBeforeReplace", req.deletebeforereplace()},
          {"ignoreChanges", List(req.ignorechanges())},
          {"replaceOnChanges", List(req.replaceonchanges())},
          {"hideDiffs", List(req.hidediffs())},
          {"additionalSecretOutputs", List(req.additionalsecretoutputs())},
          {"aliases", aliases},
          {"aliasURNs", List(req.aliasurns())},
          {"deletedWith", req.deletedwith()},
          {"importId", req.importid()},
          {"remote", req.remote()},
          {"customTimeouts",
           req.has_customtimeouts()
               ? json{{"create", timeouts.create()}, {"update", timeouts.update()}, {"delete", timeouts.delete_()}}
               : json(nullptr)},
          // How the SDK talks to the engine (not compared: they are the SDKs' own business).
          {"sdk",
           {{"acceptSecrets", req.acceptsecrets()},
            {"acceptResources", req.acceptresources()},
            {"supportsPartialValues", req.supportspartialvalues()},
            {"supportsResultReporting", req.supportsresultreporting()},
            {"aliasSpecs", req.aliasspecs()},
            {"usesOutputValues", req.uses_output_values()}}},
          {"read", false}};
}

json Reading(pulumi::test_engine::Resource const& r) {
  auto const& req = *r.reading;
  return {{"urn", r.urn},
          {"type", req.type()},
          {"name", req.name()},
          {"parent", req.parent()},
          {"custom", true},
          {"id", req.id()},
          {"inputs", ToJson(r.inputs)},
          {"outputs", ToJson(r.outputs)},
          {"dependencies", List(req.dependencies())},
          {"provider", req.provider()},
          {"version", req.version()},
          {"additionalSecretOutputs", List(req.additionalsecretoutputs())},
          {"read", true}};
}

}  // namespace

RecordingMonitor::RecordingMonitor(MonitorOptions options)
    : options_(std::move(options)),
      engine_(EngineOptionsOf(options_)),
      server_(std::make_unique<pulumi::test_engine::GrpcServer>(engine_)) {}

void RecordingMonitor::Shutdown() { server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2)); }

json RecordingMonitor::Recording() const {
  json resources = json::array();
  for (auto const& r : engine_.Resources()) {
    json entry = r.read ? Reading(r) : Registration(r);
    if (r.registered_outputs) entry["registeredOutputs"] = ToJson(*r.registered_outputs);
    resources.push_back(std::move(entry));
  }
  json logs = json::array();
  for (auto const& l : engine_.Logs())
    logs.push_back({{"severity", l.severity}, {"message", l.message}, {"urn", l.urn}});
  json invokes = json::array();
  for (auto const& i : engine_.Invocations()) {
    invokes.push_back({{"token", i.token},
                       {"args", ToJson(i.args)},
                       {"provider", i.provider},
                       {"version", i.version.value_or("")},
                       {"result", ToJson(i.result)}});
  }
  return {{"project", options_.project},
          {"stack", options_.stack},
          {"resources", resources},
          {"logs", logs},
          {"invokes", invokes}};
}

}  // namespace apex::peer
