// MockDeployment: runs a program against the test engine (test_engine/engine.h) in process, with the user's
// Mocks answering its resources and invokes, and reports what the engine kept.
#include "internal/program.h"
#include "internal/registration.h"
#include "internal/runtime.h"
#include "mocks/registered_resource.h"
#include "pulumi/internal/output_state.h"
#include "pulumi/mocks/mocks.h"
#include "test_engine/in_process.h"

#include <algorithm>
#include <mutex>

namespace pulumi::mocks {

MockResourceResult Mocks::NewResource(MockResourceArgs const& args) {
  std::string id = args.id;
  if (id.empty() && !args.dry_run) id = args.name + "_id";
  return {id, args.inputs};
}

PropertyMap Mocks::Call(MockCallArgs const& args) {
  throw std::runtime_error("no mock for the invoke " + args.token + "; override pulumi::mocks::Mocks::Call");
}

struct MockDeployment::Impl {
  MockOptions options;
  std::unique_ptr<test_engine::Engine> engine;
  mutable std::mutex mu;
  std::vector<std::string> state;  // URNs the stack holds, in registration order
  std::vector<std::string> deleted;

  /// The engine's step after the program exited: deletes only after the shutdown signal.
  void SettleState() {
    std::vector<std::string> registered;
    for (auto const& r : engine->Resources()) {
      if (!r.read && std::find(registered.begin(), registered.end(), r.urn) == registered.end()) {
        registered.push_back(r.urn);
      }
    }
    auto was_registered = [&](std::string const& urn) {
      return std::find(registered.begin(), registered.end(), urn) != registered.end();
    };
    bool shutdown_signalled = engine->ShutdownSignalled();
    std::lock_guard lock(mu);
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
};

MockDeployment::MockDeployment(std::shared_ptr<Mocks> mocks, MockOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  auto const& o = impl_->options;
  // Like Go's mocks: secrets, references, alias specs and deleted-with; no output values. And hooks.
  impl_->engine = std::make_unique<test_engine::Engine>(test_engine::EngineOptions{
      .project = o.project,
      .stack = o.stack,
      .organization = o.organization,
      .dry_run = o.dry_run,
      .features = {pulumirpc::RESOURCE_MONITOR_FEATURE_SECRETS, pulumirpc::RESOURCE_MONITOR_FEATURE_RESOURCE_REFERENCES,
                   pulumirpc::RESOURCE_MONITOR_FEATURE_ALIAS_SPECS, pulumirpc::RESOURCE_MONITOR_FEATURE_DELETED_WITH,
                   pulumirpc::RESOURCE_MONITOR_FEATURE_RESOURCE_HOOKS, pulumirpc::RESOURCE_MONITOR_FEATURE_ERROR_HOOKS},
      .supports_feature = [](std::string const& id) { return id != "outputValues"; },
      .stack_references = o.stack_references,
      .mocks = mocks ? std::move(mocks) : std::make_shared<Mocks>()});
}

MockDeployment::~MockDeployment() = default;

int MockDeployment::Run(std::function<void(Context&)> const& body) {
  impl_->engine->Reset();
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
  int code = internal::RunProgram(std::move(info), test_engine::InProcessMonitor(*impl_->engine),
                                  test_engine::InProcessEngine(*impl_->engine), body);
  impl_->SettleState();
  return code;
}

bool MockDeployment::shutdown_signalled() const { return impl_->engine->ShutdownSignalled(); }

std::vector<std::string> MockDeployment::deleted() const {
  std::lock_guard lock(impl_->mu);
  return impl_->deleted;
}

std::vector<std::string> MockDeployment::state() const {
  std::lock_guard lock(impl_->mu);
  return impl_->state;
}

std::vector<RegisteredResource> MockDeployment::resources() const {
  std::vector<RegisteredResource> out;
  for (auto const& r : impl_->engine->Resources()) out.push_back(ToRegisteredResource(r));
  return out;
}

std::optional<RegisteredResource> MockDeployment::Find(std::string const& type, std::string const& name) const {
  for (auto const& r : impl_->engine->Resources()) {
    if (r.type == type && r.name == name) return ToRegisteredResource(r);
  }
  return std::nullopt;
}

std::vector<RegisteredResource> MockDeployment::OfType(std::string const& type) const {
  std::vector<RegisteredResource> out;
  for (auto const& r : impl_->engine->Resources()) {
    if (r.type == type) out.push_back(ToRegisteredResource(r));
  }
  return out;
}

PropertyMap MockDeployment::stack_outputs() const {
  for (auto const& r : impl_->engine->Resources()) {
    if (r.type == test_engine::kStackType) return r.registered_outputs.value_or(PropertyMap{});
  }
  return {};
}

std::vector<LogEntry> MockDeployment::logs() const { return impl_->engine->Logs(); }

std::vector<InvokeRecord> MockDeployment::invokes() const {
  auto invocations = impl_->engine->Invocations();
  return {invocations.begin(), invocations.end()};
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
  std::map<std::string, std::vector<std::string>> reads;
  for (auto const& [stack, outputs] : impl_->engine->StackReferenceReads()) {
    reads[stack].assign(outputs.begin(), outputs.end());
  }
  return reads;
}

}  // namespace pulumi::mocks
