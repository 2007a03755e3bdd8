// FastEngine: the engine side of the peer benchmark. It serves pulumirpc.ResourceMonitor and pulumirpc.Engine
// over gRPC on 127.0.0.1 and answers every call at once: RegisterResource returns the URN the engine would
// give, an id for custom resources ("<name>-id") and the inputs as outputs. Only the "secrets" feature is
// supported, so that every SDK sends plain values.
//
// With `record`, it keeps each registration (type, name, parent's type and name, inputs as JSON with
// secrets marked) and the stack's outputs, so that runs of different SDKs can be compared line by line;
// with `keep_requests`, it also keeps the raw RegisterResource requests for the floor to replay.
#ifndef PULUMI_BENCH_PEERS_FAST_ENGINE_H
#define PULUMI_BENCH_PEERS_FAST_ENGINE_H

#include "pulumi/resource.pb.h"

#include <grpcpp/grpcpp.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace bench::peers {

struct FastEngineOptions {
  std::string project = "bench";
  std::string stack = "peers";
  /// PULUMI_CONFIG's JSON, answered by GetDeploymentInfo.
  std::string config_json = "{}";
  bool record = false;
  bool keep_requests = false;
};

class FastEngine {
 public:
  explicit FastEngine(FastEngineOptions options);
  ~FastEngine();
  FastEngine(FastEngine const&) = delete;
  FastEngine& operator=(FastEngine const&) = delete;

  int port() const { return port_; }
  /// Stops serving; calls in flight are cancelled.
  void Shutdown();

  /// One line of normalized JSON per registration and one for the stack's outputs, sorted.
  std::vector<std::string> SortedRecords() const;
  std::vector<pulumirpc::RegisterResourceRequest> Requests() const;
  /// The errors programs logged through Engine.Log.
  std::vector<std::string> LoggedErrors() const;

 private:
  class Monitor;
  class EngineService;
  friend class Monitor;
  friend class EngineService;

  void Record(std::string line);

  FastEngineOptions const options_;
  std::unique_ptr<Monitor> monitor_;
  std::unique_ptr<EngineService> engine_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;

  mutable std::mutex mu_;
  std::vector<std::string> records_;
  std::vector<pulumirpc::RegisterResourceRequest> requests_;
  std::vector<std::string> errors_;
  std::string root_urn_;
};

}  // namespace bench::peers

#endif  // PULUMI_BENCH_PEERS_FAST_ENGINE_H
