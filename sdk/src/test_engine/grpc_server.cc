#include "test_engine/grpc_server.h"

#include "pulumi/engine.grpc.pb.h"
#include "pulumi/resource.grpc.pb.h"

#include <google/protobuf/empty.pb.h>

#include <stdexcept>
#include <utility>

namespace pulumi::test_engine {
namespace {

using google::protobuf::Empty;

/// Runs `answer` between the test's hooks.
template <typename Request, typename Response, typename Answer>
grpc::Status Serve(CallHooks const& hooks, std::string const& method, grpc::ServerContext* context,
                   Request const* request, Response* response, Answer&& answer) {
  if (hooks.before) {
    if (auto status = hooks.before(method, *context, *request)) return *status;
  }
  auto status = answer();
  if (status.ok() && hooks.after) hooks.after(method, *request, *response);
  return status;
}

}  // namespace

class GrpcServer::Monitor final : public pulumirpc::ResourceMonitor::Service {
 public:
  Monitor(Engine& engine, CallHooks hooks) : e_(engine), hooks_(std::move(hooks)) {}

  grpc::Status GetDeploymentInfo(grpc::ServerContext* c, Empty const* req, pulumirpc::DeploymentInfo* resp) override {
    return Serve(hooks_, "GetDeploymentInfo", c, req, resp, [&] { return e_.GetDeploymentInfo(resp); });
  }
  grpc::Status SupportsFeature(grpc::ServerContext* c, pulumirpc::SupportsFeatureRequest const* req,
                               pulumirpc::SupportsFeatureResponse* resp) override {
    return Serve(hooks_, "SupportsFeature", c, req, resp, [&] { return e_.SupportsFeature(*req, resp); });
  }
  grpc::Status RegisterResource(grpc::ServerContext* c, pulumirpc::RegisterResourceRequest const* req,
                                pulumirpc::RegisterResourceResponse* resp) override {
    return Serve(hooks_, "RegisterResource", c, req, resp, [&] { return e_.RegisterResource(*req, resp); });
  }
  grpc::Status RegisterResourceOutputs(grpc::ServerContext* c, pulumirpc::RegisterResourceOutputsRequest const* req,
                                       Empty* resp) override {
    return Serve(hooks_, "RegisterResourceOutputs", c, req, resp, [&] { return e_.RegisterResourceOutputs(*req); });
  }
  grpc::Status ReadResource(grpc::ServerContext* c, pulumirpc::ReadResourceRequest const* req,
                            pulumirpc::ReadResourceResponse* resp) override {
    return Serve(hooks_, "ReadResource", c, req, resp, [&] { return e_.ReadResource(*req, resp); });
  }
  grpc::Status Invoke(grpc::ServerContext* c, pulumirpc::ResourceInvokeRequest const* req,
                      pulumirpc::ResourceInvokeResponse* resp) override {
    return Serve(hooks_, "Invoke", c, req, resp, [&] { return e_.Invoke(*req, resp); });
  }
  grpc::Status Call(grpc::ServerContext* c, pulumirpc::ResourceCallRequest const* req,
                    pulumirpc::CallResponse* resp) override {
    return Serve(hooks_, "Call", c, req, resp, [&] { return e_.Call(*req, resp); });
  }
  grpc::Status RegisterResourceHook(grpc::ServerContext* c, pulumirpc::RegisterResourceHookRequest const* req,
                                    Empty* resp) override {
    return Serve(hooks_, "RegisterResourceHook", c, req, resp, [&] { return e_.RegisterResourceHook(*req); });
  }
  grpc::Status RegisterErrorHook(grpc::ServerContext* c, pulumirpc::RegisterErrorHookRequest const* req,
                                 Empty* resp) override {
    return Serve(hooks_, "RegisterErrorHook", c, req, resp, [&] { return e_.RegisterErrorHook(*req); });
  }
  // Accepted and never run: no program of the tests transforms the stack's resources.
  grpc::Status RegisterStackTransform(grpc::ServerContext* c, pulumirpc::Callback const* req, Empty* resp) override {
    return Serve(hooks_, "RegisterStackTransform", c, req, resp, [] { return grpc::Status::OK; });
  }
  grpc::Status SignalAndWaitForShutdown(grpc::ServerContext* c, Empty const* req, Empty* resp) override {
    return Serve(hooks_, "SignalAndWaitForShutdown", c, req, resp, [&] { return e_.SignalAndWaitForShutdown(); });
  }

 private:
  Engine& e_;
  CallHooks const hooks_;
};

class GrpcServer::EngineService final : public pulumirpc::Engine::Service {
 public:
  EngineService(Engine& engine, CallHooks hooks) : e_(engine), hooks_(std::move(hooks)) {}

  grpc::Status Log(grpc::ServerContext* c, pulumirpc::LogRequest const* req, Empty* resp) override {
    return Serve(hooks_, "Log", c, req, resp, [&] { return e_.Log(*req); });
  }
  grpc::Status GetRootResource(grpc::ServerContext* c, pulumirpc::GetRootResourceRequest const* req,
                               pulumirpc::GetRootResourceResponse* resp) override {
    return Serve(hooks_, "GetRootResource", c, req, resp, [&] {
      resp->set_urn(e_.RootResource());
      return grpc::Status::OK;
    });
  }
  grpc::Status SetRootResource(grpc::ServerContext* c, pulumirpc::SetRootResourceRequest const* req,
                               pulumirpc::SetRootResourceResponse* resp) override {
    return Serve(hooks_, "SetRootResource", c, req, resp, [&] { return e_.SetRootResource(*req); });
  }

 private:
  Engine& e_;
  CallHooks const hooks_;
};

GrpcServer::GrpcServer(Engine& engine, CallHooks const& hooks)
    : monitor_(std::make_unique<Monitor>(engine, hooks)), engine_(std::make_unique<EngineService>(engine, hooks)) {
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
  builder.RegisterService(monitor_.get());
  builder.RegisterService(engine_.get());
  builder.SetMaxReceiveMessageSize(-1);
  server_ = builder.BuildAndStart();
  if (!server_ || port_ == 0) throw std::runtime_error("could not start a gRPC server on 127.0.0.1");
}

GrpcServer::~GrpcServer() { Shutdown(); }

void GrpcServer::Shutdown(std::chrono::system_clock::time_point deadline) {
  server_->Shutdown(deadline);
  server_->Wait();
}

}  // namespace pulumi::test_engine
