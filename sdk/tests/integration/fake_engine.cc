#include "fake_engine.h"

#include <google/protobuf/empty.pb.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace pulumi::integration {
namespace {

constexpr char kStackType[] = "pulumi:pulumi:Stack";

/// The qualified type of a URN: "<parentType$...$type>", the part between the second and third "::".
std::string QualifiedTypeOfUrn(std::string const& urn) {
  auto first = urn.find("::");
  auto second = first == std::string::npos ? first : urn.find("::", first + 2);
  auto third = second == std::string::npos ? second : urn.find("::", second + 2);
  if (third == std::string::npos) return "";
  return urn.substr(second + 2, third - second - 2);
}

}  // namespace

class FakeEngine::Monitor final : public pulumirpc::ResourceMonitor::Service {
 public:
  explicit Monitor(FakeEngine* fake) : fake_(fake) {}

  grpc::Status GetDeploymentInfo(grpc::ServerContext* context, google::protobuf::Empty const* request,
                                 pulumirpc::DeploymentInfo* response) override {
    fake_->Record("GetDeploymentInfo", *request);
    auto const& o = fake_->options_;
    if (o.kill_on_deployment_info) return fake_->KillFromHandler(context);
    if (!o.deployment_info) return {grpc::StatusCode::UNIMPLEMENTED, "GetDeploymentInfo is not implemented"};
    response->set_project(o.project);
    response->set_stack(o.stack);
    response->set_organization("organization");
    response->set_dryrun(o.dry_run);
    for (auto f : o.features) response->add_supportedfeatures(f);
    return grpc::Status::OK;
  }

  grpc::Status SupportsFeature(grpc::ServerContext*, pulumirpc::SupportsFeatureRequest const* request,
                               pulumirpc::SupportsFeatureResponse* response) override {
    fake_->Record("SupportsFeature", *request);
    response->set_hassupport(fake_->options_.legacy_features.contains(request->id()));
    return grpc::Status::OK;
  }

  grpc::Status RegisterResource(grpc::ServerContext* context, pulumirpc::RegisterResourceRequest const* request,
                                pulumirpc::RegisterResourceResponse* response) override {
    fake_->Record("RegisterResource", *request);
    auto const& o = fake_->options_;
    int n = 0;
    {
      std::lock_guard lock(fake_->mu_);
      n = ++fake_->registrations_;
      fake_->max_in_flight_ = std::max(fake_->max_in_flight_, ++fake_->in_flight_);
    }
    struct Leave {
      FakeEngine* fake;
      ~Leave() {
        std::lock_guard lock(fake->mu_);
        --fake->in_flight_;
      }
    } leave{fake_};
    if (o.kill_on_register == n) return fake_->KillFromHandler(context);
    if (o.register_delay.count() > 0) std::this_thread::sleep_for(o.register_delay);
    if (o.register_status) {
      if (auto status = o.register_status(*request); !status.ok()) return status;
    }

    response->set_urn(fake_->MakeUrn(request->type(), request->name(), request->parent()));
    if (request->custom() && !o.dry_run) response->set_id(request->name() + "-id");
    *response->mutable_object() = request->object();
    response->set_result(pulumirpc::SUCCESS);
    if (o.on_register) o.on_register(*request, *response);
    return grpc::Status::OK;
  }

  grpc::Status RegisterResourceOutputs(grpc::ServerContext*, pulumirpc::RegisterResourceOutputsRequest const* request,
                                       google::protobuf::Empty*) override {
    fake_->Record("RegisterResourceOutputs", *request);
    return grpc::Status::OK;
  }

  grpc::Status ReadResource(grpc::ServerContext*, pulumirpc::ReadResourceRequest const* request,
                            pulumirpc::ReadResourceResponse* response) override {
    fake_->Record("ReadResource", *request);
    response->set_urn(fake_->MakeUrn(request->type(), request->name(), request->parent()));
    response->set_id(request->id());
    *response->mutable_properties() = request->properties();
    response->set_result(pulumirpc::SUCCESS);
    if (fake_->options_.on_read) fake_->options_.on_read(*request, *response);
    return grpc::Status::OK;
  }

  grpc::Status Invoke(grpc::ServerContext*, pulumirpc::ResourceInvokeRequest const* request,
                      pulumirpc::ResourceInvokeResponse* response) override {
    fake_->Record("Invoke", *request);
    *response->mutable_return_() = request->args();
    if (fake_->options_.on_invoke) fake_->options_.on_invoke(*request, *response);
    return grpc::Status::OK;
  }

  grpc::Status Call(grpc::ServerContext*, pulumirpc::ResourceCallRequest const* request,
                    pulumirpc::CallResponse* response) override {
    fake_->Record("Call", *request);
    *response->mutable_return_() = request->args();  // echoed, as Invoke
    return grpc::Status::OK;
  }

  grpc::Status SignalAndWaitForShutdown(grpc::ServerContext*, google::protobuf::Empty const* request,
                                        google::protobuf::Empty*) override {
    fake_->Record("SignalAndWaitForShutdown", *request);
    if (fake_->options_.shutdown_unimplemented) {
      return {grpc::StatusCode::UNIMPLEMENTED, "SignalAndWaitForShutdown is not implemented"};
    }
    return grpc::Status::OK;
  }

 private:
  FakeEngine* fake_;
};

class FakeEngine::EngineService final : public pulumirpc::Engine::Service {
 public:
  explicit EngineService(FakeEngine* fake) : fake_(fake) {}

  grpc::Status Log(grpc::ServerContext*, pulumirpc::LogRequest const* request, google::protobuf::Empty*) override {
    fake_->Record("Log", *request);
    return grpc::Status::OK;
  }

 private:
  FakeEngine* fake_;
};

FakeEngine::FakeEngine(FakeEngineOptions options)
    : options_(std::move(options)),
      monitor_(std::make_unique<Monitor>(this)),
      engine_(std::make_unique<EngineService>(this)) {
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
  builder.RegisterService(monitor_.get());
  builder.RegisterService(engine_.get());
  server_ = builder.BuildAndStart();
  if (!server_ || port_ == 0) throw std::runtime_error("FakeEngine: could not start a gRPC server on 127.0.0.1");
}

FakeEngine::~FakeEngine() {
  Kill();
  if (killer_.joinable()) killer_.join();
  server_->Wait();
}

std::string FakeEngine::address() const { return "127.0.0.1:" + std::to_string(port_); }

std::string FakeEngine::MakeUrn(std::string const& type, std::string const& name,
                                std::string const& parent_urn) const {
  std::string qualified = type;
  if (!parent_urn.empty()) {
    auto parent_type = QualifiedTypeOfUrn(parent_urn);
    if (!parent_type.empty() && parent_type != kStackType) qualified = parent_type + "$" + type;
  }
  return "urn:pulumi:" + options_.stack + "::" + options_.project + "::" + qualified + "::" + name;
}

std::string FakeEngine::StackUrn() const {
  return MakeUrn(kStackType, options_.project + "-" + options_.stack, "");
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

grpc::Status FakeEngine::KillFromHandler(grpc::ServerContext* context) {
  Kill();
  auto const give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!context->IsCancelled() && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return {grpc::StatusCode::UNAVAILABLE, "the fake engine went away"};
}

}  // namespace pulumi::integration
