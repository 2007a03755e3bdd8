#include "test_engine/in_process.h"

#include <iostream>

namespace pulumi::test_engine {
namespace {

class Monitor final : public internal::MonitorStub {
 public:
  explicit Monitor(Engine& engine) : e_(engine) {}

  grpc::Status GetDeploymentInfo(pulumirpc::DeploymentInfo* response) override {
    return e_.GetDeploymentInfo(response);
  }
  grpc::Status SupportsFeature(pulumirpc::SupportsFeatureRequest const& request,
                               pulumirpc::SupportsFeatureResponse* response) override {
    return e_.SupportsFeature(request, response);
  }
  grpc::Status RegisterResource(pulumirpc::RegisterResourceRequest const& request,
                                pulumirpc::RegisterResourceResponse* response) override {
    return e_.RegisterResource(request, response);
  }
  grpc::Status RegisterResourceOutputs(pulumirpc::RegisterResourceOutputsRequest const& request) override {
    return e_.RegisterResourceOutputs(request);
  }
  grpc::Status ReadResource(pulumirpc::ReadResourceRequest const& request,
                            pulumirpc::ReadResourceResponse* response) override {
    return e_.ReadResource(request, response);
  }
  grpc::Status Invoke(pulumirpc::ResourceInvokeRequest const& request,
                      pulumirpc::ResourceInvokeResponse* response) override {
    return e_.Invoke(request, response);
  }
  grpc::Status Call(pulumirpc::ResourceCallRequest const& request, pulumirpc::CallResponse* response) override {
    return e_.Call(request, response);
  }
  grpc::Status SignalAndWaitForShutdown() override { return e_.SignalAndWaitForShutdown(); }
  grpc::Status RegisterResourceHook(pulumirpc::RegisterResourceHookRequest const& request) override {
    return e_.RegisterResourceHook(request);
  }
  grpc::Status RegisterErrorHook(pulumirpc::RegisterErrorHookRequest const& request) override {
    return e_.RegisterErrorHook(request);
  }
  void NoteStackReferenceRead(std::string const& stack, std::string const& output) override {
    e_.NoteStackReferenceRead(stack, output);
  }

 private:
  Engine& e_;
};

class EngineService final : public internal::EngineStub {
 public:
  explicit EngineService(Engine& engine) : e_(engine) {}

  grpc::Status Log(pulumirpc::LogRequest const& request) override {
    if (request.severity() >= pulumirpc::WARNING) {
      std::cerr << "[mock engine] " << SeverityName(request.severity()) << ": " << request.message() << "\n";
    }
    return e_.Log(request);
  }
  grpc::Status SetRootResource(pulumirpc::SetRootResourceRequest const& request) override {
    return e_.SetRootResource(request);
  }
  // Every version range is satisfied (as Go's mocks answer).
  grpc::Status RequirePulumiVersion(pulumirpc::RequirePulumiVersionRequest const&) override { return grpc::Status::OK; }

 private:
  Engine& e_;
};

}  // namespace

std::unique_ptr<internal::MonitorStub> InProcessMonitor(Engine& engine) { return std::make_unique<Monitor>(engine); }
std::unique_ptr<internal::EngineStub> InProcessEngine(Engine& engine) {
  return std::make_unique<EngineService>(engine);
}

}  // namespace pulumi::test_engine
