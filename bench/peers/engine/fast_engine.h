// FastEngine: the engine side of the peer benchmark, the SDK's test engine (sdk/src/test_engine/) served over
// gRPC on 127.0.0.1. It answers every call at once: RegisterResource returns the URN the engine would give, an
// id for custom resources ("<name>-id") and the inputs as outputs. Only the "secrets" feature is supported,
// so that every SDK sends plain values.
//
// With `keep_requests`, it keeps each registration whole, so that runs of different SDKs can be compared line by
// line (SortedRecords: type, name, parent's type and name, inputs as JSON with secrets marked, and the stack's
// outputs), and the floor can replay the raw RegisterResource requests.
#ifndef PULUMI_BENCH_PEERS_FAST_ENGINE_H
#define PULUMI_BENCH_PEERS_FAST_ENGINE_H

#include "pulumi/resource.pb.h"
#include "test_engine/engine.h"
#include "test_engine/grpc_server.h"

#include <memory>
#include <string>
#include <vector>

namespace bench::peers {

struct FastEngineOptions {
  std::string project = "bench";
  std::string stack = "peers";
  /// PULUMI_CONFIG's JSON, answered by GetDeploymentInfo.
  std::string config_json = "{}";
  /// Keep the registrations' inputs, for SortedRecords and Requests (not in timed runs).
  bool keep_requests = false;
};

class FastEngine {
 public:
  /// Starts serving; throws std::runtime_error when it cannot listen.
  explicit FastEngine(FastEngineOptions const& options);

  int port() const { return server_->port(); }
  /// Stops serving; calls in flight are cancelled.
  void Shutdown() { server_->Shutdown(); }

  /// One line of normalized JSON per registration and one for the stack's outputs, sorted.
  std::vector<std::string> SortedRecords() const;
  std::vector<pulumirpc::RegisterResourceRequest> Requests() const;
  /// The errors programs logged through Engine.Log.
  std::vector<std::string> LoggedErrors() const;

 private:
  pulumi::test_engine::Engine engine_;
  std::unique_ptr<pulumi::test_engine::GrpcServer> server_;
};

}  // namespace bench::peers

#endif  // PULUMI_BENCH_PEERS_FAST_ENGINE_H
