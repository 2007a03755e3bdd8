#include "internal/stubs.h"

#include "internal/deep_call.h"
#include "pulumi/engine.grpc.pb.h"
#include "pulumi/resource.grpc.pb.h"

#include <google/protobuf/empty.pb.h>

namespace pulumi::internal {
namespace {

constexpr int kMaxMessageBytes = 400 * 1024 * 1024;

class GrpcMonitorStub : public MonitorStub {
 public:
  explicit GrpcMonitorStub(std::shared_ptr<grpc::Channel> channel)
      : channel_(channel), stub_(pulumirpc::ResourceMonitor::NewStub(std::move(channel))) {}

  grpc::Status GetDeploymentInfo(pulumirpc::DeploymentInfo* response) override {
    grpc::ClientContext ctx;
    return stub_->GetDeploymentInfo(&ctx, google::protobuf::Empty(), response);
  }
  grpc::Status SupportsFeature(pulumirpc::SupportsFeatureRequest const& request,
                               pulumirpc::SupportsFeatureResponse* response) override {
    grpc::ClientContext ctx;
    return stub_->SupportsFeature(&ctx, request, response);
  }
  // Responses with resource properties are parsed without protobuf's default nesting limit (deep_call.h).
  grpc::Status RegisterResource(pulumirpc::RegisterResourceRequest const& request,
                                pulumirpc::RegisterResourceResponse* response) override {
    return DeepUnaryCall(channel_, "/pulumirpc.ResourceMonitor/RegisterResource", request, response);
  }
  grpc::Status RegisterResourceOutputs(pulumirpc::RegisterResourceOutputsRequest const& request) override {
    grpc::ClientContext ctx;
    google::protobuf::Empty empty;
    return stub_->RegisterResourceOutputs(&ctx, request, &empty);
  }
  grpc::Status ReadResource(pulumirpc::ReadResourceRequest const& request,
                            pulumirpc::ReadResourceResponse* response) override {
    return DeepUnaryCall(channel_, "/pulumirpc.ResourceMonitor/ReadResource", request, response);
  }
  grpc::Status Invoke(pulumirpc::ResourceInvokeRequest const& request,
                      pulumirpc::ResourceInvokeResponse* response) override {
    return DeepUnaryCall(channel_, "/pulumirpc.ResourceMonitor/Invoke", request, response);
  }
  grpc::Status Call(pulumirpc::ResourceCallRequest const& request, pulumirpc::CallResponse* response) override {
    grpc::ClientContext ctx;
    return stub_->Call(&ctx, request, response);
  }
  grpc::Status SignalAndWaitForShutdown() override {
    grpc::ClientContext ctx;
    google::protobuf::Empty empty;
    return stub_->SignalAndWaitForShutdown(&ctx, google::protobuf::Empty(), &empty);
  }
  grpc::Status RegisterResourceHook(pulumirpc::RegisterResourceHookRequest const& request) override {
    grpc::ClientContext ctx;
    google::protobuf::Empty empty;
    return stub_->RegisterResourceHook(&ctx, request, &empty);
  }
  grpc::Status RegisterPackage(pulumirpc::RegisterPackageRequest const& request,
                               pulumirpc::RegisterPackageResponse* response) override {
    grpc::ClientContext ctx;
    return stub_->RegisterPackage(&ctx, request, response);
  }
  grpc::Status RegisterErrorHook(pulumirpc::RegisterErrorHookRequest const& request) override {
    grpc::ClientContext ctx;
    google::protobuf::Empty empty;
    return stub_->RegisterErrorHook(&ctx, request, &empty);
  }

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<pulumirpc::ResourceMonitor::Stub> stub_;
};

class GrpcEngineStub : public EngineStub {
 public:
  explicit GrpcEngineStub(std::shared_ptr<grpc::Channel> channel)
      : stub_(pulumirpc::Engine::NewStub(std::move(channel))) {}

  grpc::Status Log(pulumirpc::LogRequest const& request) override {
    grpc::ClientContext ctx;
    google::protobuf::Empty empty;
    return stub_->Log(&ctx, request, &empty);
  }
  grpc::Status SetRootResource(pulumirpc::SetRootResourceRequest const& request) override {
    grpc::ClientContext ctx;
    pulumirpc::SetRootResourceResponse response;
    return stub_->SetRootResource(&ctx, request, &response);
  }
  grpc::Status RequirePulumiVersion(pulumirpc::RequirePulumiVersionRequest const& request) override {
    grpc::ClientContext ctx;
    pulumirpc::RequirePulumiVersionResponse response;
    return stub_->RequirePulumiVersion(&ctx, request, &response);
  }

 private:
  std::unique_ptr<pulumirpc::Engine::Stub> stub_;
};

std::shared_ptr<grpc::Channel> Dial(std::string const& address) {
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), PulumiChannelArguments());
}

}  // namespace

grpc::ChannelArguments PulumiChannelArguments() {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(kMaxMessageBytes);
  args.SetMaxSendMessageSize(kMaxMessageBytes);
  return args;
}

std::unique_ptr<MonitorStub> MakeGrpcMonitorStub(std::string const& address) {
  return std::make_unique<GrpcMonitorStub>(Dial(address));
}

std::unique_ptr<EngineStub> MakeGrpcEngineStub(std::string const& address) {
  return std::make_unique<GrpcEngineStub>(Dial(address));
}

}  // namespace pulumi::internal
