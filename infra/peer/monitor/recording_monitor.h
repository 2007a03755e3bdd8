// RecordingMonitor: a stand-in for the Pulumi engine that a program (C++ or Python, run the way its language
// host runs it) registers its resources with, over gRPC on 127.0.0.1. It serves pulumirpc.ResourceMonitor
// and pulumirpc.Engine, records every registration, read, invoke and log, and answers each resource with
// its inputs plus the computed values of apex::gcp_mocks::GcpMocks (ids, self links, IPs...), so that
// programs follow outputs downstream as under a preview against GCP. Stack references are answered from
// given outputs, as the engine answers them from the referenced stack's state.
#ifndef APEX_PEER_MONITOR_RECORDING_MONITOR_H
#define APEX_PEER_MONITOR_RECORDING_MONITOR_H

#include "apex/gcp_mocks/gcp_mocks.h"
#include "pulumi/property_value.h"

#include <grpcpp/grpcpp.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <mutex>
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
  ~RecordingMonitor();
  RecordingMonitor(RecordingMonitor const&) = delete;
  RecordingMonitor& operator=(RecordingMonitor const&) = delete;

  int port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

  /// Stops serving (calls in flight are cancelled after a short grace period).
  void Shutdown();

  /// Everything recorded so far: {project, stack, resources: [...in arrival order], logs, invokes}, with
  /// property values as in wire.h's JSON.
  nlohmann::json Recording() const;

 private:
  class Monitor;
  class Engine;
  friend class Monitor;
  friend class Engine;

  std::string MakeUrn(std::string const& type, std::string const& name, std::string const& parent) const;
  void Add(std::string const& list, nlohmann::json entry);

  MonitorOptions const options_;
  std::unique_ptr<Monitor> monitor_;
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;

  /// A fresh GcpMocks for each resource: it numbers the IPs it hands out, and the two SDKs register in
  /// different orders, so one shared instance would give the same resource different values.
  apex::gcp_mocks::GcpMocks Mocks() const { return {options_.gcp_project, options_.region}; }

  mutable std::mutex mu_;
  nlohmann::json recording_;
  std::map<std::string, std::size_t> resource_index_;  // urn -> position in recording_["resources"]
  std::string root_urn_;
};

}  // namespace apex::peer

#endif  // APEX_PEER_MONITOR_RECORDING_MONITOR_H
