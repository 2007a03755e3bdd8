#include "internal/runtime.h"

#include "internal/callbacks.h"
#include "internal/resource_state.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace pulumi::internal {
namespace {

thread_local Runtime* current_runtime = nullptr;

constexpr int kMaxPoolThreads = 64;

std::string Getenv(char const* name) {
  char const* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

std::shared_ptr<Runtime> CurrentRuntime() {
  return current_runtime ? current_runtime->weak_from_this().lock() : nullptr;
}

void Schedule(std::shared_ptr<Runtime> const& rt, std::function<void()> fn) {
  if (rt) {
    rt->Post(std::move(fn));
  } else {
    fn();
  }
}

void ReportError(std::shared_ptr<Runtime> const& rt, std::string const& message) {
  if (rt) {
    rt->ReportError(message);
  } else {
    std::cerr << "error: " << message << '\n';
  }
}

void MergeDependencies(Dependencies& into, Dependencies const& from) {
  for (auto const& d : from) {
    if (std::find(into.begin(), into.end(), d) == into.end()) into.push_back(d);
  }
}

std::string PackageOfType(std::string const& type) {
  constexpr std::string_view kProviders = "pulumi:providers:";
  if (type.starts_with(kProviders)) return type.substr(kProviders.size());
  return type.substr(0, type.find(':'));
}

RunInfo RunInfoFromEnvironment(std::string* error) {
  RunInfo info;
  struct Required {
    char const* name;
    std::string* field;
  };
  for (auto [name, field] :
       {Required{"PULUMI_PROJECT", &info.project}, Required{"PULUMI_STACK", &info.stack},
        Required{"PULUMI_MONITOR", &info.monitor_address}, Required{"PULUMI_ENGINE", &info.engine_address}}) {
    *field = Getenv(name);
    if (field->empty()) {
      *error = std::string("environment variable ") + name +
               " is not set: run this program with `pulumi up` or `pulumi preview` (runtime: cpp), or test it with "
               "pulumi::mocks::MockDeployment";
      return info;
    }
  }
  if (auto org = Getenv("PULUMI_ORGANIZATION"); !org.empty()) info.organization = org;
  info.root_directory = Getenv("PULUMI_ROOT_DIRECTORY");
  info.dry_run = Getenv("PULUMI_DRY_RUN") == "true";
  if (auto p = Getenv("PULUMI_PARALLEL"); !p.empty()) {
    try {
      info.parallel = std::max(1, std::stoi(p));
    } catch (std::exception const&) {
      *error = "environment variable PULUMI_PARALLEL is not an integer: " + p;
      return info;
    }
  }
  try {
    if (auto c = Getenv("PULUMI_CONFIG"); !c.empty()) {
      nlohmann::json const config = nlohmann::json::parse(c);
      for (auto it = config.begin(); it != config.end(); ++it) {
        info.config[it.key()] = it->is_string() ? it->get<std::string>() : it->dump();
      }
    }
    if (auto s = Getenv("PULUMI_CONFIG_SECRET_KEYS"); !s.empty()) {
      nlohmann::json const keys = nlohmann::json::parse(s);
      for (auto const& k : keys) info.config_secret_keys.insert(k.get<std::string>());
    }
  } catch (nlohmann::json::exception const& e) {
    // The message names the position, never the config values.
    *error = std::string("PULUMI_CONFIG or PULUMI_CONFIG_SECRET_KEYS is not valid JSON: ") + e.what();
  }
  return info;
}

Runtime::Runtime(RunInfo info, std::unique_ptr<MonitorStub> monitor, std::unique_ptr<EngineStub> engine)
    : info_(std::move(info)), monitor_(std::move(monitor)), engine_(std::move(engine)) {}

Runtime::~Runtime() { Stop(); }

void Runtime::Start() {
  executor_ = std::thread([this] { ExecutorLoop(); });
  int threads = std::clamp(info_.parallel, 1, kMaxPoolThreads);
  for (int i = 0; i < threads; ++i) pool_.emplace_back([this] { PoolLoop(); });
}

void Runtime::Stop() {
  {
    std::unique_lock lock(mu_);
    if (stopping_) return;
  }
  WaitIdle();
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  work_cv_.notify_all();
  pool_cv_.notify_all();
  if (executor_.joinable()) executor_.join();
  for (auto& t : pool_) {
    if (t.joinable()) t.join();
  }
  pool_.clear();
  {
    std::lock_guard lock(callbacks_mu_);
    if (callbacks_) callbacks_->Shutdown();
  }
  std::vector<ResourceStatePtr> resources;
  {
    std::lock_guard lock(mu_);
    resources.swap(resources_);
    exports_.clear();
  }
  for (auto const& r : resources) r->RejectPending("the program ended before this resource was registered");
  stack.reset();
}

void Runtime::ExecutorLoop() {
  current_runtime = this;
  {
    std::lock_guard lock(mu_);
    executor_id_ = std::this_thread::get_id();
  }
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mu_);
      work_cv_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    RunTask(task);
  }
}

void Runtime::RunTask(std::function<void()>& task) {
  {
    std::lock_guard lock(mu_);
    ++executor_depth_;
  }
  task();
  task = nullptr;  // release captures before the work counts as done
  {
    std::lock_guard lock(mu_);
    --executor_depth_;
  }
  Done();
}

bool Runtime::RunTasksUntil(std::function<bool()> const& done) {
  while (!done()) {
    std::function<void()> task;
    {
      std::unique_lock lock(mu_);
      work_cv_.wait(lock, [&] { return stopping_ || !tasks_.empty() || outstanding_ <= executor_depth_; });
      if (tasks_.empty()) return done();
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    RunTask(task);
  }
  return true;
}

void Runtime::PoolLoop() {
  current_runtime = this;
  for (;;) {
    std::function<void()> call;
    {
      std::unique_lock lock(mu_);
      pool_cv_.wait(lock, [&] { return stopping_ || !calls_.empty(); });
      if (calls_.empty()) return;
      call = std::move(calls_.front());
      calls_.pop_front();
    }
    call();
    call = nullptr;
    Done();
  }
}

void Runtime::Done() {
  std::lock_guard lock(mu_);
  if (--outstanding_ == 0) idle_cv_.notify_all();
  work_cv_.notify_all();  // a blocked RunTasksUntil may now see that nothing else can happen
}

void Runtime::Post(std::function<void()> fn) {
  {
    std::lock_guard lock(mu_);
    if (!stopping_) {
      ++outstanding_;
      tasks_.push_back(std::move(fn));
      work_cv_.notify_one();
      return;
    }
  }
  fn();  // after Stop there is no executor: run inline
}

void Runtime::CallAsync(std::function<void()> rpc) {
  {
    std::lock_guard lock(mu_);
    if (!stopping_) {
      ++outstanding_;
      calls_.push_back(std::move(rpc));
      pool_cv_.notify_one();
      return;
    }
  }
  rpc();
}

void Runtime::WaitIdle() {
  std::unique_lock lock(mu_);
  idle_cv_.wait(lock, [&] { return outstanding_ == 0; });
}

bool Runtime::OnExecutorThread() const {
  std::lock_guard lock(mu_);
  return std::this_thread::get_id() == executor_id_;
}

void Runtime::NegotiateFeatures() {
  pulumirpc::DeploymentInfo deployment;
  auto status = monitor_->GetDeploymentInfo(&deployment);
  reached_engine_ = status.ok() || status.error_code() == grpc::StatusCode::UNIMPLEMENTED;
  if (status.ok()) {
    for (int f : deployment.supportedfeatures()) {
      switch (f) {
        case pulumirpc::RESOURCE_MONITOR_FEATURE_SECRETS: features_.secrets = true; break;
        case pulumirpc::RESOURCE_MONITOR_FEATURE_RESOURCE_REFERENCES: features_.resource_references = true; break;
        case pulumirpc::RESOURCE_MONITOR_FEATURE_OUTPUT_VALUES: features_.output_values = true; break;
        case pulumirpc::RESOURCE_MONITOR_FEATURE_ALIAS_SPECS: features_.alias_specs = true; break;
        case pulumirpc::RESOURCE_MONITOR_FEATURE_DELETED_WITH: features_.deleted_with = true; break;
        case pulumirpc::RESOURCE_MONITOR_FEATURE_RESOURCE_HOOKS: features_.resource_hooks = true; break;
        case pulumirpc::RESOURCE_MONITOR_FEATURE_ERROR_HOOKS: features_.error_hooks = true; break;
        case pulumirpc::RESOURCE_MONITOR_FEATURE_INVOKE_DEPENDS_ON: features_.invoke_depends_on = true; break;
        case pulumirpc::RESOURCE_MONITOR_FEATURE_INVOKE_OUTPUT_VALUES: features_.invoke_output_values = true; break;
        case pulumirpc::RESOURCE_MONITOR_FEATURE_BYTE_STRING: features_.byte_strings = true; break;
        default: break;
      }
    }
    return;
  }
  if (status.error_code() != grpc::StatusCode::UNIMPLEMENTED) {
    ReportRpcFailure("GetDeploymentInfo", status);
    return;
  }
  struct Legacy {
    char const* id;
    bool* flag;
  };
  for (auto [id, flag] :
       {Legacy{"secrets", &features_.secrets}, Legacy{"resourceReferences", &features_.resource_references},
        Legacy{"outputValues", &features_.output_values}, Legacy{"aliasSpecs", &features_.alias_specs},
        Legacy{"deletedWith", &features_.deleted_with}, Legacy{"resourceHooks", &features_.resource_hooks},
        Legacy{"errorHooks", &features_.error_hooks}}) {
    pulumirpc::SupportsFeatureRequest request;
    request.set_id(id);
    pulumirpc::SupportsFeatureResponse response;
    auto s = monitor_->SupportsFeature(request, &response);
    if (!s.ok()) {
      ReportRpcFailure(std::string("SupportsFeature(") + id + ")", s);
      return;
    }
    *flag = response.hassupport();
  }
}

CallbackServer* Runtime::callbacks(std::string* error) {
  std::lock_guard lock(callbacks_mu_);
  if (!callbacks_) callbacks_ = CallbackServer::Start(error);
  return callbacks_.get();
}

void Runtime::Log(LogSeverity severity, std::string message, std::string urn) {
  if (engine_lost()) {
    std::cerr << message << '\n';
    return;
  }
  pulumirpc::LogRequest request;
  request.set_severity(static_cast<pulumirpc::LogSeverity>(severity));
  request.set_message(std::move(message));
  request.set_urn(std::move(urn));
  CallAsync([this, request = std::move(request)] {
    auto status = engine_->Log(request);
    if (!status.ok()) {
      std::cerr << request.message() << '\n';
      ReportRpcFailure("Log", status);
    }
  });
}

void Runtime::ReportError(std::string const& message, std::string const& urn) {
  MarkFailed();
  Log(LogSeverity::kError, message, urn);
}

void Runtime::ReportRpcFailure(std::string const& what, grpc::Status const& status) {
  if (IsEngineLoss(status)) {
    bool first = false;
    {
      std::lock_guard lock(mu_);
      first = !engine_lost_;
      engine_lost_ = true;
      failed_ = true;
    }
    if (first) {
      std::cerr << "error: " << (reached_engine_ ? "lost the connection to" : "could not reach")
                << " the Pulumi engine at " << info_.monitor_address << " (" << what << "): " << status.error_message()
                << "\n";
    }
    return;
  }
  ReportError(what + " failed: " + status.error_message());
}

void Runtime::MarkFailed() {
  std::lock_guard lock(mu_);
  failed_ = true;
}

bool Runtime::failed() const {
  std::lock_guard lock(mu_);
  return failed_;
}

bool Runtime::engine_lost() const {
  std::lock_guard lock(mu_);
  return engine_lost_;
}

void Runtime::Track(ResourceStatePtr resource) {
  std::lock_guard lock(mu_);
  resources_.push_back(std::move(resource));
}

std::vector<std::string> Runtime::UnregisteredResources() const {
  std::vector<ResourceStatePtr> resources;
  {
    std::lock_guard lock(mu_);
    resources = resources_;
  }
  std::vector<std::string> out;
  for (auto const& r : resources) {
    auto s = r->urn->state();
    if (s != OutputStateBase::State::kKnown) out.push_back(r->type + " " + r->name);
  }
  return out;
}

void Runtime::AddExport(std::string name, std::shared_ptr<OutputState<PropertyValue>> value) {
  std::lock_guard lock(mu_);
  exports_.emplace_back(std::move(name), std::move(value));
}

std::vector<std::pair<std::string, std::shared_ptr<OutputState<PropertyValue>>>> Runtime::TakeExports() {
  std::lock_guard lock(mu_);
  return std::move(exports_);
}

}  // namespace pulumi::internal
