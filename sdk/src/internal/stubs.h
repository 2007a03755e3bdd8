// The SDK's two test seams: the engine's ResourceMonitor and Engine services. The gRPC implementation
// dials the engine; the test engine's (test_engine/in_process.h) answers in process, for the mocks.
#ifndef PULUMI_SRC_INTERNAL_STUBS_H
#define PULUMI_SRC_INTERNAL_STUBS_H

#include "pulumi/engine.pb.h"
#include "pulumi/resource.pb.h"

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

namespace pulumi::internal {

class MonitorStub {
 public:
  virtual ~MonitorStub() = default;
  virtual grpc::Status GetDeploymentInfo(pulumirpc::DeploymentInfo* response) = 0;
  virtual grpc::Status SupportsFeature(pulumirpc::SupportsFeatureRequest const& request,
                                       pulumirpc::SupportsFeatureResponse* response) = 0;
  virtual grpc::Status RegisterResource(pulumirpc::RegisterResourceRequest const& request,
                                        pulumirpc::RegisterResourceResponse* response) = 0;
  virtual grpc::Status RegisterResourceOutputs(pulumirpc::RegisterResourceOutputsRequest const& request) = 0;
  virtual grpc::Status ReadResource(pulumirpc::ReadResourceRequest const& request,
                                    pulumirpc::ReadResourceResponse* response) = 0;
  virtual grpc::Status Invoke(pulumirpc::ResourceInvokeRequest const& request,
                              pulumirpc::ResourceInvokeResponse* response) = 0;
  /// A method of a resource (ResourceMonitor.Call); monitors without them answer UNIMPLEMENTED.
  virtual grpc::Status Call(pulumirpc::ResourceCallRequest const& /*request*/, pulumirpc::CallResponse* /*response*/) {
    return {grpc::StatusCode::UNIMPLEMENTED, "this resource monitor does not support method calls"};
  }
  virtual grpc::Status SignalAndWaitForShutdown() = 0;
  virtual grpc::Status RegisterResourceHook(pulumirpc::RegisterResourceHookRequest const& request) = 0;
  virtual grpc::Status RegisterErrorHook(pulumirpc::RegisterErrorHookRequest const& request) = 0;
  /// A parameterized package's reference for later requests (pulumi/package.h).
  virtual grpc::Status RegisterPackage(pulumirpc::RegisterPackageRequest const& /*request*/,
                                       pulumirpc::RegisterPackageResponse* /*response*/) {
    return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "RegisterPackage is not supported here");
  }
  /// The program asked a StackReference for one of its outputs. Not part of the protocol (the engine hands
  /// over every output at once); the mocks record it so that tests see which outputs a program reads.
  virtual void NoteStackReferenceRead(std::string const& /*stack*/, std::string const& /*output*/) {}
};

class EngineStub {
 public:
  virtual ~EngineStub() = default;
  virtual grpc::Status Log(pulumirpc::LogRequest const& request) = 0;
  virtual grpc::Status SetRootResource(pulumirpc::SetRootResourceRequest const& request) = 0;
  virtual grpc::Status RequirePulumiVersion(pulumirpc::RequirePulumiVersionRequest const& request) = 0;
};

/// gRPC channel arguments shared by the SDK and the language host (400 MiB messages, as Pulumi uses).
grpc::ChannelArguments PulumiChannelArguments();
std::unique_ptr<MonitorStub> MakeGrpcMonitorStub(std::string const& address);
std::unique_ptr<EngineStub> MakeGrpcEngineStub(std::string const& address);

}  // namespace pulumi::internal

#endif  // PULUMI_SRC_INTERNAL_STUBS_H
