// The in-process engine behind MockDeployment: a MonitorStub and EngineStub that call the user's Mocks,
// synthesize URNs as the engine does, and record every request for assertions.
#include "internal/program.h"
#include "internal/registration.h"
#include "internal/property_codec.h"
#include "internal/runtime.h"
#include "internal/stubs.h"
#include "pulumi/callback.grpc.pb.h"
#include "internal/urn.h"
#include "pulumi/internal/output_state.h"
#include "pulumi/mocks/mocks.h"

#include <algorithm>
#include <iostream>
#include <mutex>
#include <set>

namespace pulumi::mocks {
namespace {

using internal::DecodeMap;
using internal::DecodeValue;
using internal::EncodeMap;

constexpr char kStackType[] = "pulumi:pulumi:Stack";
constexpr char kStackReferenceType[] = "pulumi:pulumi:StackReference";

PropertyMap DecodeOrEmpty(google::protobuf::Struct const& s) {
  auto m = DecodeMap(s);
  return m.ok() ? *std::move(m) : PropertyMap{};
}

template <typename Repeated>
std::vector<std::string> ToVector(Repeated const& r) {
  return std::vector<std::string>(r.begin(), r.end());
}

}  // namespace

MockResourceResult Mocks::NewResource(MockResourceArgs const& args) {
  std::string id = args.id;
  if (id.empty() && !args.dry_run) id = args.name + "_id";
  return {id, args.inputs};
}

PropertyMap Mocks::Call(MockCallArgs const& args) {
  throw std::runtime_error("no mock for the invoke " + args.token + "; override pulumi::mocks::Mocks::Call");
}

namespace {

/// What the mocked engine holds and records; MockDeployment's private Impl is one, and the monitor and
/// engine stubs below write it.
struct MockEngineState {
  std::shared_ptr<Mocks> mocks;
  MockOptions options;
  mutable std::mutex mu;
  std::vector<RegisteredResource> resources;
  std::vector<LogEntry> logs;
  std::vector<InvokeRecord> invokes;
  std::map<std::string, std::set<std::string>> stack_reference_reads;
  bool shutdown_signalled = false;
  std::vector<std::string> state;  // URNs the stack holds, in registration order
  std::vector<std::string> deleted;
  std::map<std::string, pulumirpc::RegisterResourceHookRequest> resource_hooks;  // by name, for the run
  std::map<std::string, pulumirpc::RegisterErrorHookRequest> error_hooks;

  /// The engine's step after the program exited: deletes only after the shutdown signal.
  void SettleState() {
    std::lock_guard lock(mu);
    std::vector<std::string> registered;
    for (auto const& r : resources) {
      if (!r.read && std::find(registered.begin(), registered.end(), r.urn) == registered.end()) {
        registered.push_back(r.urn);
      }
    }
    auto was_registered = [&](std::string const& urn) {
      return std::find(registered.begin(), registered.end(), urn) != registered.end();
    };
    deleted.clear();
    std::vector<std::string> next = registered;
    for (auto const& urn : state) {
      if (was_registered(urn)) continue;
      if (shutdown_signalled) {
        deleted.push_back(urn);
      } else {
        next.push_back(urn);
      }
    }
    if (!options.dry_run) state = std::move(next);
  }

  std::string MakeUrn(std::string const& type, std::string const& name, std::string const& parent) const {
    return internal::MakeUrn(options.stack, options.project, parent, type, name);
  }

  void Record(RegisteredResource r) {
    std::lock_guard lock(mu);
    resources.push_back(std::move(r));
  }

  MockResourceResult CallNewResource(MockResourceArgs const& args) {
    return mocks->NewResource(args);  // user code: exceptions become RPC errors below
  }
};

class MockMonitor : public internal::MonitorStub {
 public:
  explicit MockMonitor(MockEngineState* impl) : impl_(impl) {}

  grpc::Status GetDeploymentInfo(pulumirpc::DeploymentInfo* response) override {
    response->set_project(impl_->options.project);
    response->set_stack(impl_->options.stack);
    response->set_organization(impl_->options.organization);
    response->set_dryrun(impl_->options.dry_run);
    // Like Go's mocks: secrets, references, alias specs and deleted-with; no output values. And hooks.
    for (auto f : {pulumirpc::RESOURCE_MONITOR_FEATURE_SECRETS, pulumirpc::RESOURCE_MONITOR_FEATURE_RESOURCE_REFERENCES,
                   pulumirpc::RESOURCE_MONITOR_FEATURE_ALIAS_SPECS, pulumirpc::RESOURCE_MONITOR_FEATURE_DELETED_WITH,
                   pulumirpc::RESOURCE_MONITOR_FEATURE_RESOURCE_HOOKS, pulumirpc::RESOURCE_MONITOR_FEATURE_ERROR_HOOKS}) {
      response->add_supportedfeatures(f);
    }
    return grpc::Status::OK;
  }

  grpc::Status SupportsFeature(pulumirpc::SupportsFeatureRequest const& request,
                               pulumirpc::SupportsFeatureResponse* response) override {
    response->set_hassupport(request.id() != "outputValues");
    return grpc::Status::OK;
  }

  grpc::Status RegisterResource(pulumirpc::RegisterResourceRequest const& req,
                                pulumirpc::RegisterResourceResponse* resp) override {
    RegisteredResource r;
    r.type = req.type();
    r.name = req.name();
    r.parent = req.parent();
    r.custom = req.custom();
    r.urn = impl_->MakeUrn(req.type(), req.name(), req.parent());
    auto inputs = DecodeMap(req.object());
    if (!inputs.ok()) return {grpc::StatusCode::INVALID_ARGUMENT, std::string(inputs.status().message())};
    r.inputs = *inputs;
    r.dependencies = ToVector(req.dependencies());
    for (auto const& [k, v] : req.propertydependencies()) r.property_dependencies[k] = ToVector(v.urns());
    r.provider = req.provider();
    if (req.has_protect()) r.protect = req.protect();
    r.ignore_changes = ToVector(req.ignorechanges());
    r.replace_on_changes = ToVector(req.replaceonchanges());
    r.delete_before_replace = req.deletebeforereplace();
    if (req.has_retainondelete()) r.retain_on_delete = req.retainondelete();
    r.deleted_with = req.deletedwith();
    r.additional_secret_outputs = ToVector(req.additionalsecretoutputs());
    r.alias_urns = ToVector(req.aliasurns());
    for (auto const& a : req.aliases()) {
      if (a.has_spec()) r.alias_urns.push_back("spec:" + a.spec().name() + "/" + a.spec().type());
    }
    r.import_id = req.importid();
    r.version = req.version();
    r.plugin_download_url = req.plugindownloadurl();
    if (req.has_customtimeouts()) {
      r.custom_timeouts = {{"create", req.customtimeouts().create()},
                           {"update", req.customtimeouts().update()},
                           {"delete", req.customtimeouts().delete_()},
                         {"read", req.customtimeouts().read()}};
    }
    r.hide_diffs = ToVector(req.hidediffs());
    r.replace_with = ToVector(req.replace_with());
    if (req.has_replacement_trigger()) {
      auto trigger = DecodeValue(req.replacement_trigger());
      if (!trigger.ok()) return {grpc::StatusCode::INVALID_ARGUMENT, std::string(trigger.status().message())};
      r.replacement_trigger = *trigger;
    }
    r.env_var_mappings = {req.envvarmappings().begin(), req.envvarmappings().end()};
    if (req.has_hooks()) {
      auto const& h = req.hooks();
      for (auto const& [step, names] : {std::pair{"before_create", &h.before_create()},
                                        std::pair{"after_create", &h.after_create()},
                                        std::pair{"before_update", &h.before_update()},
                                        std::pair{"after_update", &h.after_update()},
                                        std::pair{"before_delete", &h.before_delete()},
                                        std::pair{"after_delete", &h.after_delete()},
                                        std::pair{"on_error", &h.on_error()}}) {
        if (!names->empty()) r.hooks[step] = ToVector(*names);
      }
    }
    resp->set_urn(r.urn);
    if (req.type() != kStackType) {
      MockResourceArgs args{.type = req.type(), .name = req.name(), .inputs = r.inputs, .provider = req.provider(),
                            .id = req.importid(), .custom = req.custom(), .read = false,
                            .dry_run = impl_->options.dry_run};
      if (auto s = RunHooks(req.hooks().before_create(), "before", r, nullptr); !s.ok()) return s;
      MockResourceResult result;
      try {
        result = impl_->CallNewResource(args);
      } catch (std::exception const& e) {
        return {grpc::StatusCode::UNKNOWN, std::string("mocks: NewResource failed: ") + e.what()};
      }
      r.id = req.custom() ? result.id : "";
      r.outputs = result.state;
      if (auto s = RunHooks(req.hooks().after_create(), "after", r, &result.state); !s.ok()) return s;
      resp->set_id(r.id);
      *resp->mutable_object() = EncodeMap(result.state);
    }
    impl_->Record(std::move(r));
    return grpc::Status::OK;
  }

  grpc::Status RegisterResourceOutputs(pulumirpc::RegisterResourceOutputsRequest const& req) override {
    std::lock_guard lock(impl_->mu);
    for (auto& r : impl_->resources) {
      if (r.urn == req.urn()) r.registered_outputs = DecodeOrEmpty(req.outputs());
    }
    return grpc::Status::OK;
  }

  grpc::Status ReadResource(pulumirpc::ReadResourceRequest const& req, pulumirpc::ReadResourceResponse* resp) override {
    RegisteredResource r;
    r.type = req.type();
    r.name = req.name();
    r.parent = req.parent();
    r.read = true;
    r.urn = impl_->MakeUrn(req.type(), req.name(), req.parent());
    r.id = req.id();
    r.inputs = DecodeOrEmpty(req.properties());
    r.provider = req.provider();
    r.dependencies = ToVector(req.dependencies());
    PropertyMap state;
    auto const& refs = impl_->options.stack_references;
    if (auto it = refs.find(req.id()); req.type() == kStackReferenceType && it != refs.end()) {
      PropertyArray secret_names;
      for (auto const& [k, v] : it->second) {
        if (v.ContainsSecrets()) secret_names.emplace_back(k);
      }
      state = {{"name", req.id()}, {"outputs", it->second}, {"secretOutputNames", secret_names}};
    } else {
      MockResourceArgs args{.type = req.type(), .name = req.name(), .inputs = r.inputs, .provider = req.provider(),
                            .id = req.id(), .custom = true, .read = true, .dry_run = impl_->options.dry_run};
      try {
        state = impl_->CallNewResource(args).state;
      } catch (std::exception const& e) {
        return {grpc::StatusCode::UNKNOWN, std::string("mocks: NewResource failed: ") + e.what()};
      }
    }
    r.outputs = state;
    resp->set_urn(r.urn);
    resp->set_id(r.id);
    *resp->mutable_properties() = EncodeMap(state);
    impl_->Record(std::move(r));
    return grpc::Status::OK;
  }

  // Method calls go to Mocks::Call like invokes; their arguments include `__self__`.
  grpc::Status Call(pulumirpc::ResourceCallRequest const& req, pulumirpc::CallResponse* resp) override {
    InvokeRecord record{req.tok(), DecodeOrEmpty(req.args()), req.provider(), req.version(), req.plugindownloadurl()};
    {
      std::lock_guard lock(impl_->mu);
      impl_->invokes.push_back(record);
    }
    try {
      *resp->mutable_return_() = EncodeMap(impl_->mocks->Call(MockCallArgs{record.token, record.args, record.provider}));
    } catch (std::exception const& e) {
      resp->add_failures()->set_reason(e.what());
    }
    return grpc::Status::OK;
  }

  grpc::Status Invoke(pulumirpc::ResourceInvokeRequest const& req, pulumirpc::ResourceInvokeResponse* resp) override {
    InvokeRecord record{req.tok(), DecodeOrEmpty(req.args()), req.provider(), req.version(), req.plugindownloadurl()};
    {
      std::lock_guard lock(impl_->mu);
      impl_->invokes.push_back(record);
    }
    try {
      PropertyMap result = impl_->mocks->Call(MockCallArgs{record.token, record.args, record.provider});
      *resp->mutable_return_() = EncodeMap(result);
    } catch (std::exception const& e) {
      auto* failure = resp->add_failures();
      failure->set_reason(e.what());
    }
    return grpc::Status::OK;
  }

  grpc::Status RegisterResourceHook(pulumirpc::RegisterResourceHookRequest const& req) override {
    std::lock_guard lock(impl_->mu);
    if (impl_->resource_hooks.contains(req.name()) || impl_->error_hooks.contains(req.name())) {
      return {grpc::StatusCode::INVALID_ARGUMENT, "resource hook already registered for name \"" + req.name() + "\""};
    }
    impl_->resource_hooks[req.name()] = req;
    return grpc::Status::OK;
  }

  grpc::Status RegisterErrorHook(pulumirpc::RegisterErrorHookRequest const& req) override {
    std::lock_guard lock(impl_->mu);
    if (impl_->resource_hooks.contains(req.name()) || impl_->error_hooks.contains(req.name())) {
      return {grpc::StatusCode::INVALID_ARGUMENT, "resource hook already registered for name \"" + req.name() + "\""};
    }
    impl_->error_hooks[req.name()] = req;
    return grpc::Status::OK;
  }

  void NoteStackReferenceRead(std::string const& stack, std::string const& output) override {
    std::lock_guard lock(impl_->mu);
    impl_->stack_reference_reads[stack].insert(output);
  }

  grpc::Status SignalAndWaitForShutdown() override {
    std::lock_guard lock(impl_->mu);
    impl_->shutdown_signalled = true;
    return grpc::Status::OK;
  }

  /// Calls the program's hooks through its callback server, as the engine does: a failing hook fails the
  /// registration, or is a warning if it ignores errors.
  grpc::Status RunHooks(google::protobuf::RepeatedPtrField<std::string> const& names, std::string const& when,
                        RegisteredResource const& r, PropertyMap const* outputs) {
    for (auto const& name : names) {
      pulumirpc::RegisterResourceHookRequest hook;
      {
        std::lock_guard lock(impl_->mu);
        auto it = impl_->resource_hooks.find(name);
        if (it == impl_->resource_hooks.end()) {
          return {grpc::StatusCode::INVALID_ARGUMENT, "hook \"" + name + "\" was not registered"};
        }
        hook = it->second;
      }
      if (impl_->options.dry_run && !hook.on_dry_run()) continue;
      pulumirpc::ResourceHookRequest request;
      request.set_urn(r.urn);
      request.set_id(r.id);
      request.set_name(r.name);
      request.set_type(r.type);
      *request.mutable_new_inputs() = EncodeMap(r.inputs);
      if (outputs) *request.mutable_new_outputs() = EncodeMap(*outputs);
      pulumirpc::CallbackInvokeRequest invoke;
      invoke.set_token(hook.callback().token());
      invoke.set_request(request.SerializeAsString());
      pulumirpc::CallbackInvokeResponse invoked;
      auto stub = pulumirpc::Callbacks::NewStub(grpc::CreateChannel(hook.callback().target(),
                                                                    grpc::InsecureChannelCredentials()));
      grpc::ClientContext ctx;
      auto status = stub->Invoke(&ctx, invoke, &invoked);
      pulumirpc::ResourceHookResponse response;
      std::string error;
      if (!status.ok()) {
        error = status.error_message();
      } else if (!response.ParseFromString(invoked.response())) {
        error = "malformed ResourceHookResponse";
      } else {
        error = response.error();
      }
      if (error.empty()) continue;
      if (hook.ignore_errors()) {
        std::lock_guard lock(impl_->mu);
        impl_->logs.push_back({"warning", when + " hook \"" + name + "\" failed: " + error, r.urn});
        continue;
      }
      return {grpc::StatusCode::UNKNOWN, when + " hook \"" + name + "\" failed: " + error};
    }
    return grpc::Status::OK;
  }

 private:
  MockEngineState* impl_;
};

class MockEngine : public internal::EngineStub {
 public:
  explicit MockEngine(MockEngineState* impl) : impl_(impl) {}

  grpc::Status Log(pulumirpc::LogRequest const& req) override {
    static constexpr char const* kNames[] = {"debug", "info", "warning", "error"};
    auto severity = static_cast<std::size_t>(req.severity());
    LogEntry e{severity < 4 ? kNames[severity] : "unknown", req.message(), req.urn()};
    if (req.severity() >= pulumirpc::WARNING) std::cerr << "[mock engine] " << e.severity << ": " << e.message << "\n";
    std::lock_guard lock(impl_->mu);
    impl_->logs.push_back(std::move(e));
    return grpc::Status::OK;
  }
  grpc::Status SetRootResource(pulumirpc::SetRootResourceRequest const&) override { return grpc::Status::OK; }
  // As Go's mocks: every version range is satisfied.
  grpc::Status RequirePulumiVersion(pulumirpc::RequirePulumiVersionRequest const&) override {
    return grpc::Status::OK;
  }

 private:
  MockEngineState* impl_;
};

}  // namespace

struct MockDeployment::Impl : MockEngineState {};

MockDeployment::MockDeployment(std::shared_ptr<Mocks> mocks, MockOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->mocks = mocks ? std::move(mocks) : std::make_shared<Mocks>();
  impl_->options = std::move(options);
}

MockDeployment::~MockDeployment() = default;

int MockDeployment::Run(std::function<void(Context&)> const& body) {
  {
    std::lock_guard lock(impl_->mu);
    impl_->resources.clear();
    impl_->logs.clear();
    impl_->invokes.clear();
    impl_->stack_reference_reads.clear();
    impl_->shutdown_signalled = false;
    impl_->resource_hooks.clear();
    impl_->error_hooks.clear();
  }
  auto const& o = impl_->options;
  internal::RunInfo info;
  info.project = o.project;
  info.stack = o.stack;
  info.organization = o.organization;
  info.dry_run = o.dry_run;
  info.parallel = o.parallel;
  auto full = [&](std::string const& k) { return k.find(':') == std::string::npos ? o.project + ":" + k : k; };
  for (auto const& [k, v] : o.config) info.config[full(k)] = v;
  for (auto const& [k, v] : o.secret_config) {
    info.config[full(k)] = v;
    info.config_secret_keys.insert(full(k));
  }
  int code = internal::RunProgram(std::move(info), std::make_unique<MockMonitor>(impl_.get()),
                                  std::make_unique<MockEngine>(impl_.get()), body);
  impl_->SettleState();
  return code;
}

bool MockDeployment::shutdown_signalled() const {
  std::lock_guard lock(impl_->mu);
  return impl_->shutdown_signalled;
}

std::vector<std::string> MockDeployment::deleted() const {
  std::lock_guard lock(impl_->mu);
  return impl_->deleted;
}

std::vector<std::string> MockDeployment::state() const {
  std::lock_guard lock(impl_->mu);
  return impl_->state;
}

std::vector<RegisteredResource> MockDeployment::resources() const {
  std::lock_guard lock(impl_->mu);
  return impl_->resources;
}

std::optional<RegisteredResource> MockDeployment::Find(std::string const& type, std::string const& name) const {
  std::lock_guard lock(impl_->mu);
  for (auto const& r : impl_->resources) {
    if (r.type == type && r.name == name) return r;
  }
  return std::nullopt;
}

std::vector<RegisteredResource> MockDeployment::OfType(std::string const& type) const {
  std::lock_guard lock(impl_->mu);
  std::vector<RegisteredResource> out;
  for (auto const& r : impl_->resources) {
    if (r.type == type) out.push_back(r);
  }
  return out;
}

PropertyMap MockDeployment::stack_outputs() const {
  std::lock_guard lock(impl_->mu);
  for (auto const& r : impl_->resources) {
    if (r.type == kStackType) return r.registered_outputs;
  }
  return {};
}

std::vector<LogEntry> MockDeployment::logs() const {
  std::lock_guard lock(impl_->mu);
  return impl_->logs;
}

std::vector<InvokeRecord> MockDeployment::invokes() const {
  std::lock_guard lock(impl_->mu);
  return impl_->invokes;
}

namespace internal_wait {

bool WaitSettled(pulumi::internal::OutputStateBase const& state) {
  using S = pulumi::internal::OutputStateBase::State;
  if (state.state() != S::kPending) return true;
  auto const& rt = state.runtime();
  if (!rt) return false;
  if (rt->OnExecutorThread()) {
    throw std::logic_error("AwaitForTest was called inside the program body; await outputs after Run returns");
  }
  rt->WaitIdle();
  return state.state() != S::kPending;
}

std::vector<std::string> DependencyUrns(pulumi::internal::Dependencies const& deps) {
  return pulumi::internal::KnownUrns(deps);
}

}  // namespace internal_wait

std::map<std::string, std::vector<std::string>> MockDeployment::stack_reference_reads() const {
  std::lock_guard lock(impl_->mu);
  std::map<std::string, std::vector<std::string>> reads;
  for (auto const& [stack, outputs] : impl_->stack_reference_reads) reads[stack].assign(outputs.begin(), outputs.end());
  return reads;
}

}  // namespace pulumi::mocks
