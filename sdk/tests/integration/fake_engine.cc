#include "fake_engine.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace pulumi::integration {
namespace {

/// The calls the fake answers; any other is UNIMPLEMENTED, as by an engine that lacks it.
std::set<std::string> const kServed = {"GetDeploymentInfo",
                                       "SupportsFeature",
                                       "RegisterResource",
                                       "RegisterResourceOutputs",
                                       "ReadResource",
                                       "Invoke",
                                       "Call",
                                       "SignalAndWaitForShutdown",
                                       "Log"};

grpc::Status Unimplemented(std::string const& method) {
  return {grpc::StatusCode::UNIMPLEMENTED, method + " is not implemented"};
}

test_engine::EngineOptions EngineOptionsOf(FakeEngineOptions const& o) {
  return {.project = o.project,
          .stack = o.stack,
          .dry_run = o.dry_run,
          .features = o.features,
          .supports_feature = [legacy = o.legacy_features](std::string const& id) { return legacy.contains(id); }};
}

}  // namespace

FakeEngine::FakeEngine(FakeEngineOptions options)
    : options_(std::move(options)),
      engine_(EngineOptionsOf(options_)),
      server_(std::make_unique<test_engine::GrpcServer>(
          engine_,
          test_engine::CallHooks{
              .before = [this](std::string const& method, grpc::ServerContext& context,
                               google::protobuf::Message const& request) { return Before(method, context, request); },
              .after = [this](std::string const& method, google::protobuf::Message const& request,
                              google::protobuf::Message& response) { After(method, request, response); }})) {}

FakeEngine::~FakeEngine() {
  Kill();
  if (killer_.joinable()) killer_.join();
  server_->Shutdown();
}

std::optional<grpc::Status> FakeEngine::Before(std::string const& method, grpc::ServerContext& context,
                                               google::protobuf::Message const& request) {
  if (!kServed.contains(method)) return Unimplemented(method);
  Record(method, request);
  if (method == "GetDeploymentInfo") {
    if (options_.kill_on_deployment_info) return KillFromHandler(context);
    if (!options_.deployment_info) return Unimplemented(method);
  }
  if (method == "RegisterResource") {
    return BeforeRegister(context, static_cast<pulumirpc::RegisterResourceRequest const&>(request));
  }
  if (method == "SignalAndWaitForShutdown" && options_.shutdown_unimplemented) return Unimplemented(method);
  return std::nullopt;
}

std::optional<grpc::Status> FakeEngine::BeforeRegister(grpc::ServerContext& context,
                                                       pulumirpc::RegisterResourceRequest const& request) {
  int n = 0;
  {
    std::lock_guard lock(mu_);
    n = ++registrations_;
    max_in_flight_ = std::max(max_in_flight_, ++in_flight_);
  }
  struct Leave {
    FakeEngine* fake;
    ~Leave() {
      std::lock_guard lock(fake->mu_);
      --fake->in_flight_;
    }
  } leave{this};
  if (options_.kill_on_register == n) return KillFromHandler(context);
  if (options_.register_delay.count() > 0) std::this_thread::sleep_for(options_.register_delay);
  if (options_.register_status) {
    if (auto status = options_.register_status(request); !status.ok()) return status;
  }
  return std::nullopt;
}

void FakeEngine::After(std::string const& method, google::protobuf::Message const& request,
                       google::protobuf::Message& response) {
  if (method == "RegisterResource" && options_.on_register) {
    options_.on_register(static_cast<pulumirpc::RegisterResourceRequest const&>(request),
                         static_cast<pulumirpc::RegisterResourceResponse&>(response));
  } else if (method == "ReadResource" && options_.on_read) {
    options_.on_read(static_cast<pulumirpc::ReadResourceRequest const&>(request),
                     static_cast<pulumirpc::ReadResourceResponse&>(response));
  } else if (method == "Invoke" && options_.on_invoke) {
    options_.on_invoke(static_cast<pulumirpc::ResourceInvokeRequest const&>(request),
                       static_cast<pulumirpc::ResourceInvokeResponse&>(response));
  }
}

std::string FakeEngine::StackUrn() const {
  return MakeUrn(test_engine::kStackType, options_.project + "-" + options_.stack, "");
}

std::vector<RecordedCall> FakeEngine::Calls() const {
  std::lock_guard lock(mu_);
  return calls_;
}

std::vector<std::string> FakeEngine::Methods() const {
  std::vector<std::string> out;
  for (auto const& c : Calls()) out.push_back(c.method);
  return out;
}

int FakeEngine::max_concurrent_registrations() const {
  std::lock_guard lock(mu_);
  return max_in_flight_;
}

void FakeEngine::Record(std::string method, google::protobuf::Message const& request) {
  std::shared_ptr<google::protobuf::Message> copy(request.New());
  copy->CopyFrom(request);
  std::lock_guard lock(mu_);
  calls_.push_back(RecordedCall{std::move(method), std::move(copy)});
}

void FakeEngine::Kill() {
  std::lock_guard lock(mu_);
  if (killed_) return;
  killed_ = true;
  // Shutdown waits for the handlers in flight, so it must not run on a handler's thread. A deadline of
  // "now" cancels the calls in flight at once.
  killer_ = std::thread([this] { server_->Shutdown(std::chrono::system_clock::now()); });
}

grpc::Status FakeEngine::KillFromHandler(grpc::ServerContext& context) {
  Kill();
  auto const give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!context.IsCancelled() && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return {grpc::StatusCode::UNAVAILABLE, "the fake engine went away"};
}

}  // namespace pulumi::integration
