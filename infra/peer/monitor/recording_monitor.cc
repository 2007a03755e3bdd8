#include "recording_monitor.h"

#include "wire.h"

#include "pulumi/engine.grpc.pb.h"
#include "pulumi/resource.grpc.pb.h"

#include <google/protobuf/empty.pb.h>

#include <chrono>
#include <memory>
#include <set>
#include <stdexcept>
#include <vector>

namespace apex::peer {
namespace {

using nlohmann::json;

constexpr char kStackType[] = "pulumi:pulumi:Stack";
constexpr char kStackReferenceType[] = "pulumi:pulumi:StackReference";

/// The feature ids older SDKs probe with SupportsFeature; all answered true, like a current engine.
std::set<std::string> const kLegacyFeatures = {"secrets",    "resourceReferences", "outputValues",  "deletedWith",
                                               "replaceWith", "aliasSpecs",        "transforms",    "invokeTransforms",
                                               "parameterization", "resourceHooks", "errorHooks"};

/// "<parentType$...$type>": the part of a URN between its second and third "::".
std::string QualifiedTypeOfUrn(std::string const& urn) {
  auto first = urn.find("::");
  auto second = first == std::string::npos ? first : urn.find("::", first + 2);
  auto third = second == std::string::npos ? second : urn.find("::", second + 2);
  return third == std::string::npos ? "" : urn.substr(second + 2, third - second - 2);
}

template <typename Repeated>
json List(Repeated const& r) {
  json a = json::array();
  for (auto const& e : r) a.push_back(e);
  return a;
}

/// `v` without output values (an unknown one becomes computed, a secret one secret), their dependencies
/// added to `deps`.
pulumi::PropertyValue StripOutputValues(pulumi::PropertyValue const& v, std::set<std::string>& deps) {
  using Kind = pulumi::PropertyValue::Kind;
  switch (v.kind()) {
    case Kind::kOutput: {
      auto const& o = v.AsOutput();
      deps.insert(o.dependencies.begin(), o.dependencies.end());
      auto inner = o.value ? StripOutputValues(*o.value, deps) : pulumi::PropertyValue::MakeComputed();
      return o.secret ? pulumi::PropertyValue::MakeSecret(inner) : inner;
    }
    case Kind::kSecret: return pulumi::PropertyValue::MakeSecret(StripOutputValues(v.SecretElement(), deps));
    case Kind::kArray: {
      pulumi::PropertyArray out;
      for (auto const& e : v.AsArray()) out.push_back(StripOutputValues(e, deps));
      return out;
    }
    case Kind::kObject: {
      pulumi::PropertyMap out;
      for (auto const& [k, e] : v.AsObject()) out.emplace(k, StripOutputValues(e, deps));
      return out;
    }
    default: return v;
  }
}

grpc::Status Invalid(std::exception const& e) { return {grpc::StatusCode::INVALID_ARGUMENT, e.what()}; }

}  // namespace

class RecordingMonitor::Monitor final : public pulumirpc::ResourceMonitor::Service {
 public:
  explicit Monitor(RecordingMonitor* m) : m_(m) {}

  grpc::Status GetDeploymentInfo(grpc::ServerContext*, google::protobuf::Empty const*,
                                 pulumirpc::DeploymentInfo* response) override {
    auto const& o = m_->options_;
    response->set_project(o.project);
    response->set_stack(o.stack);
    response->set_organization(o.organization);
    response->set_dryrun(o.dry_run);
    response->set_parallel(4);
    for (auto const& [k, v] : o.config) (*response->mutable_config())[k] = v;
    for (auto const& k : o.config_secret_keys) response->add_configsecretkeys(k);
    // Every feature of the protocol, as a current engine announces them: both SDKs see the same engine.
    for (int f = pulumirpc::ResourceMonitorFeature_MIN; f <= pulumirpc::ResourceMonitorFeature_MAX; ++f) {
      response->add_supportedfeatures(static_cast<pulumirpc::ResourceMonitorFeature>(f));
    }
    return grpc::Status::OK;
  }

  grpc::Status SupportsFeature(grpc::ServerContext*, pulumirpc::SupportsFeatureRequest const* request,
                               pulumirpc::SupportsFeatureResponse* response) override {
    response->set_hassupport(kLegacyFeatures.contains(request->id()));
    return grpc::Status::OK;
  }

  grpc::Status RegisterResource(grpc::ServerContext*, pulumirpc::RegisterResourceRequest const* req,
                                pulumirpc::RegisterResourceResponse* response) override {
    pulumi::PropertyMap inputs;
    try {
      inputs = FromWire(req->object());
    } catch (std::exception const& e) {
      return Invalid(e);
    }
    std::string urn = m_->MakeUrn(req->type(), req->name(), req->parent());
    pulumi::PropertyMap state;
    std::string id;
    if (req->type() != kStackType) {
      if (req->custom()) {
        auto result = m_->Mocks().NewResource({.type = req->type(), .name = req->name(), .inputs = inputs,
                                              .provider = req->provider(), .id = req->importid(), .custom = true,
                                              .dry_run = m_->options_.dry_run});
        state = std::move(result.state);
        id = result.id;
        if (m_->options_.preview_unknowns) {
          for (auto& [k, v] : state) {
            auto in = inputs.find(k);
            if (in == inputs.end() || !(in->second == v)) v = pulumi::PropertyValue::MakeComputed();
          }
          id.clear();
        }
      } else {
        state = inputs;
      }
    }
    json deps = json::object();
    for (auto const& [k, v] : req->propertydependencies()) deps[k] = List(v.urns());
    json aliases = json::array();
    for (auto const& a : req->aliases()) aliases.push_back(a.has_spec() ? a.spec().name() : a.urn());
    json entry{{"urn", urn},
               {"type", req->type()},
               {"name", req->name()},
               {"parent", req->parent()},
               {"custom", req->custom()},
               {"id", id},
               {"inputs", ToJson(inputs)},
               {"outputs", ToJson(state)},
               {"dependencies", List(req->dependencies())},
               {"propertyDependencies", deps},
               {"provider", req->provider()},
               {"providers", json(std::map<std::string, std::string>(req->providers().begin(),
                                                                     req->providers().end()))},
               {"version", req->version()},
               {"pluginDownloadURL", req->plugindownloadurl()},
               {"packageRef", req->packageref()},
               {"protect", req->has_protect() ? json(req->protect()) : json(nullptr)},
               {"retainOnDelete", req->has_retainondelete() ? json(req->retainondelete()) : json(nullptr)},
               {"deleteBeforeReplace", req->deletebeforereplace()},
               {"ignoreChanges", List(req->ignorechanges())},
               {"replaceOnChanges", List(req->replaceonchanges())},
               {"hideDiffs", List(req->hidediffs())},
               {"additionalSecretOutputs", List(req->additionalsecretoutputs())},
               {"aliases", aliases},
               {"aliasURNs", List(req->aliasurns())},
               {"deletedWith", req->deletedwith()},
               {"importId", req->importid()},
               {"remote", req->remote()},
               {"customTimeouts", req->has_customtimeouts()
                                      ? json{{"create", req->customtimeouts().create()},
                                             {"update", req->customtimeouts().update()},
                                             {"delete", req->customtimeouts().delete_()}}
                                      : json(nullptr)},
               // How the SDK talks to the engine (not compared: they are the SDKs' own business).
               {"sdk",
                {{"acceptSecrets", req->acceptsecrets()},
                 {"acceptResources", req->acceptresources()},
                 {"supportsPartialValues", req->supportspartialvalues()},
                 {"supportsResultReporting", req->supportsresultreporting()},
                 {"aliasSpecs", req->aliasspecs()},
                 {"usesOutputValues", req->uses_output_values()}}},
               {"read", false}};
    m_->Add("resources", std::move(entry));
    response->set_urn(urn);
    response->set_id(id);
    *response->mutable_object() = ToWire(state);
    response->set_result(pulumirpc::SUCCESS);
    return grpc::Status::OK;
  }

  grpc::Status RegisterResourceOutputs(grpc::ServerContext*, pulumirpc::RegisterResourceOutputsRequest const* req,
                                       google::protobuf::Empty*) override {
    json outputs;
    try {
      outputs = ToJson(FromWire(req->outputs()));
    } catch (std::exception const& e) {
      return Invalid(e);
    }
    std::lock_guard lock(m_->mu_);
    auto it = m_->resource_index_.find(req->urn());
    if (it == m_->resource_index_.end()) {
      return {grpc::StatusCode::NOT_FOUND, "RegisterResourceOutputs for an unregistered resource " + req->urn()};
    }
    m_->recording_["resources"][it->second]["registeredOutputs"] = std::move(outputs);
    return grpc::Status::OK;
  }

  grpc::Status ReadResource(grpc::ServerContext*, pulumirpc::ReadResourceRequest const* req,
                            pulumirpc::ReadResourceResponse* response) override {
    pulumi::PropertyMap props;
    try {
      props = FromWire(req->properties());
    } catch (std::exception const& e) {
      return Invalid(e);
    }
    std::string urn = m_->MakeUrn(req->type(), req->name(), req->parent());
    pulumi::PropertyMap state;
    if (req->type() == kStackReferenceType) {
      auto const& refs = m_->options_.stack_references;
      auto it = refs.find(req->id());
      if (it == refs.end()) {
        return {grpc::StatusCode::NOT_FOUND, "unknown stack " + req->id() + " (not in the stack references given)"};
      }
      pulumi::PropertyArray secret_names;
      for (auto const& [k, v] : it->second) {
        if (v.ContainsSecrets()) secret_names.emplace_back(k);
      }
      state = {{"name", req->id()}, {"outputs", it->second}, {"secretOutputNames", secret_names}};
    } else {
      state = m_->Mocks().NewResource({.type = req->type(), .name = req->name(), .inputs = props,
                                      .provider = req->provider(), .id = req->id(), .custom = true, .read = true,
                                      .dry_run = m_->options_.dry_run})
                  .state;
    }
    m_->Add("resources", {{"urn", urn},
                          {"type", req->type()},
                          {"name", req->name()},
                          {"parent", req->parent()},
                          {"custom", true},
                          {"id", req->id()},
                          {"inputs", ToJson(props)},
                          {"outputs", ToJson(state)},
                          {"dependencies", List(req->dependencies())},
                          {"provider", req->provider()},
                          {"version", req->version()},
                          {"additionalSecretOutputs", List(req->additionalsecretoutputs())},
                          {"read", true}});
    response->set_urn(urn);
    response->set_id(req->id());
    *response->mutable_properties() = ToWire(state);
    response->set_result(pulumirpc::SUCCESS);
    return grpc::Status::OK;
  }

  grpc::Status Invoke(grpc::ServerContext*, pulumirpc::ResourceInvokeRequest const* req,
                      pulumirpc::ResourceInvokeResponse* response) override {
    pulumi::PropertyMap args;
    try {
      args = FromWire(req->args());
    } catch (std::exception const& e) {
      return Invalid(e);
    }
    // As the engine does for a provider that takes no output values: the provider (the mocks) gets plain
    // arguments, and each returned value depends on everything the arguments and dependsOn depended on.
    std::set<std::string> deps(req->dependson().begin(), req->dependson().end());
    for (auto& [k, v] : args) v = StripOutputValues(v, deps);
    pulumi::PropertyMap result = m_->Mocks().Call({.token = req->tok(), .args = args, .provider = req->provider()});
    m_->Add("invokes", {{"token", req->tok()}, {"args", ToJson(args)}, {"provider", req->provider()},
                        {"version", req->version()}, {"result", ToJson(result)}});
    if (req->accept_output_values() && !deps.empty()) {
      for (auto& [k, v] : result) {
        v = pulumi::OutputValue{.value = std::make_shared<pulumi::PropertyValue const>(v),
                                .dependencies = std::vector<std::string>(deps.begin(), deps.end())};
      }
    }
    *response->mutable_return_() = ToWire(result);
    return grpc::Status::OK;
  }

  grpc::Status SignalAndWaitForShutdown(grpc::ServerContext*, google::protobuf::Empty const*,
                                        google::protobuf::Empty*) override {
    return grpc::Status::OK;
  }

 private:
  RecordingMonitor* m_;
};

class RecordingMonitor::Engine final : public pulumirpc::Engine::Service {
 public:
  explicit Engine(RecordingMonitor* m) : m_(m) {}

  grpc::Status Log(grpc::ServerContext*, pulumirpc::LogRequest const* req, google::protobuf::Empty*) override {
    static char const* const kSeverity[] = {"debug", "info", "warning", "error"};
    int s = req->severity();
    m_->Add("logs", {{"severity", s >= 0 && s < 4 ? kSeverity[s] : "unknown"},
                     {"message", req->message()},
                     {"urn", req->urn()}});
    return grpc::Status::OK;
  }

  grpc::Status GetRootResource(grpc::ServerContext*, pulumirpc::GetRootResourceRequest const*,
                               pulumirpc::GetRootResourceResponse* response) override {
    std::lock_guard lock(m_->mu_);
    response->set_urn(m_->root_urn_);
    return grpc::Status::OK;
  }

  grpc::Status SetRootResource(grpc::ServerContext*, pulumirpc::SetRootResourceRequest const* req,
                               pulumirpc::SetRootResourceResponse*) override {
    std::lock_guard lock(m_->mu_);
    m_->root_urn_ = req->urn();
    return grpc::Status::OK;
  }

 private:
  RecordingMonitor* m_;
};

RecordingMonitor::RecordingMonitor(MonitorOptions options)
    : options_(std::move(options)),
      monitor_(std::make_unique<Monitor>(this)),
      engine_(std::make_unique<Engine>(this)),
      recording_{{"project", options_.project},
                 {"stack", options_.stack},
                 {"resources", json::array()},
                 {"logs", json::array()},
                 {"invokes", json::array()}} {
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
  builder.RegisterService(monitor_.get());
  builder.RegisterService(engine_.get());
  server_ = builder.BuildAndStart();
  if (!server_ || port_ == 0) throw std::runtime_error("could not start a gRPC server on 127.0.0.1");
}

RecordingMonitor::~RecordingMonitor() { Shutdown(); }

void RecordingMonitor::Shutdown() {
  if (server_) {
    server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
    server_->Wait();
    server_.reset();
  }
}

json RecordingMonitor::Recording() const {
  std::lock_guard lock(mu_);
  return recording_;
}

std::string RecordingMonitor::MakeUrn(std::string const& type, std::string const& name,
                                      std::string const& parent) const {
  std::string qualified = type;
  if (auto parent_type = QualifiedTypeOfUrn(parent); !parent_type.empty() && parent_type != kStackType) {
    qualified = parent_type + "$" + type;
  }
  return "urn:pulumi:" + options_.stack + "::" + options_.project + "::" + qualified + "::" + name;
}

void RecordingMonitor::Add(std::string const& list, json entry) {
  std::lock_guard lock(mu_);
  if (list == "resources") resource_index_[entry["urn"].get<std::string>()] = recording_[list].size();
  recording_[list].push_back(std::move(entry));
}

}  // namespace apex::peer
