// RecordingMonitor: the SDK's test engine (sdk/src/test_engine/) as the peer check's stand-in for the Pulumi
// engine, served over gRPC on 127.0.0.1 to a program (C++ or Python, run the way its language host runs it).
// Each resource is answered with its inputs plus the computed values of apex::gcp_mocks::GcpMocks (ids, self
// links, IPs...), so that programs follow outputs downstream as under a preview against GCP; stack references
// from given outputs, as the engine answers them from the referenced stack's state. What the engine kept is
// the recording, as JSON.
#ifndef APEX_PEER_MONITOR_RECORDING_MONITOR_H
#define APEX_PEER_MONITOR_RECORDING_MONITOR_H

#include "pulumi/property_value.h"
#include "test_engine/engine.h"
#include "test_engine/grpc_server.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace apex::peer {

struct MonitorOptions {
  std::string project;
  std::string stack;
  std::string organization = "organization";
  bool dry_run = true;
  /// Answer as a real preview does for creates: no id, and every value the provider computes unknown
  /// (GcpMocks' computed values become unknowns). Otherwise they are known, so programs use them downstream.
  bool preview_unknowns = false;
  /// Config as the language host passes it (values as strings) and the keys that are secrets.
  std::map<std::string, std::string> config;
  std::vector<std::string> config_secret_keys;
  /// gcp:project and gcp:region, for the values GcpMocks fills in.
  std::string gcp_project;
  std::string region;
  /// Outputs of referenced stacks by "<org>/<project>/<stack>"; secret values wrapped as secrets.
  std::map<std::string, pulumi::PropertyMap> stack_references;
};

class RecordingMonitor {
 public:
  /// Starts serving on 127.0.0.1:<ephemeral port>; throws std::runtime_error when it cannot.
  explicit RecordingMonitor(MonitorOptions options);

  int port() const { return server_->port(); }
  std::string address() const { return server_->address(); }

  /// Stops serving (calls in flight are cancelled after a short grace period).
  void Shutdown();

  /// Everything recorded so far: {project, stack, resources: [...in arrival order], logs, invokes}, with
  /// property values as in test_engine/property_json.h.
  nlohmann::json Recording() const;

 private:
  MonitorOptions const options_;
  pulumi::test_engine::Engine engine_;
  std::unique_ptr<pulumi::test_engine::GrpcServer> server_;
};

}  // namespace apex::peer

#endif  // APEX_PEER_MONITOR_RECORDING_MONITOR_H
