// The engine's gRPC front: pulumirpc.ResourceMonitor and pulumirpc.Engine on 127.0.0.1:<ephemeral port>,
// each call answered by an Engine (engine.h), for programs run in another process or over real gRPC.
#ifndef PULUMI_SRC_TEST_ENGINE_GRPC_SERVER_H
#define PULUMI_SRC_TEST_ENGINE_GRPC_SERVER_H

#include "test_engine/engine.h"

#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace pulumi::test_engine {

/// A test's hands on each call, by the RPC's name ("RegisterResource", "Log", ...).
struct CallHooks {
  /// Before the engine: a status returned here is the answer instead.
  std::function<std::optional<grpc::Status>(std::string const& method, grpc::ServerContext& context,
                                            google::protobuf::Message const& request)>
      before{};
  /// After the engine answered OK: edits of its response.
  std::function<void(std::string const& method, google::protobuf::Message const& request,
                     google::protobuf::Message& response)>
      after{};
};

class GrpcServer {
 public:
  /// Starts serving `engine`, which outlives the server; throws std::runtime_error when it cannot listen.
  explicit GrpcServer(Engine& engine, CallHooks const& hooks = {});
  ~GrpcServer();
  GrpcServer(GrpcServer const&) = delete;
  GrpcServer& operator=(GrpcServer const&) = delete;

  int port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

  /// Stops serving, cancelling the calls still in flight at `deadline`, and waits for the handlers. Not from a
  /// handler's thread; a second call does nothing.
  void Shutdown(std::chrono::system_clock::time_point deadline = std::chrono::system_clock::now());

 private:
  class Monitor;
  class EngineService;

  std::unique_ptr<Monitor> monitor_;
  std::unique_ptr<EngineService> engine_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

}  // namespace pulumi::test_engine

#endif  // PULUMI_SRC_TEST_ENGINE_GRPC_SERVER_H
