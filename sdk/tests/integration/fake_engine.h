// FakeEngine: the test engine (test_engine/engine.h) for integration tests, served over real gRPC on
// 127.0.0.1:<ephemeral port> with only the calls of a (very small) engine, and records a copy of every request,
// in arrival order, for assertions; its options make it fail, die or slow down as a real one may.
//
//   FakeEngine engine({.features = {pulumirpc::RESOURCE_MONITOR_FEATURE_SECRETS}});
//   setenv("PULUMI_MONITOR", engine.address().c_str(), 1);   // also PULUMI_ENGINE
//   pulumi::Run(body);
//   auto regs = engine.Requests<pulumirpc::RegisterResourceRequest>("RegisterResource");
//
// URNs are synthesized as the engine does: urn:pulumi:<stack>::<project>::<parentType$...$type>::<name>,
// where the root pulumi:pulumi:Stack's type is not used as a prefix. RegisterResource echoes the inputs as
// outputs; custom resources get the id "<name>-id" (no id in a dry run). Invoke and Call echo their arguments.
#ifndef PULUMI_TESTS_INTEGRATION_FAKE_ENGINE_H
#define PULUMI_TESTS_INTEGRATION_FAKE_ENGINE_H

#include "test_engine/engine.h"
#include "test_engine/grpc_server.h"

#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace pulumi::integration {

struct FakeEngineOptions {
  std::string project = "proj";
  std::string stack = "dev";
  /// A preview: custom resources get no id, as creates in a real preview.
  bool dry_run = false;

  /// Answer GetDeploymentInfo with these features; when false, GetDeploymentInfo is UNIMPLEMENTED (an older
  /// engine) and the SDK must probe SupportsFeature.
  bool deployment_info = true;
  std::vector<pulumirpc::ResourceMonitorFeature> features = {
      pulumirpc::RESOURCE_MONITOR_FEATURE_SECRETS, pulumirpc::RESOURCE_MONITOR_FEATURE_RESOURCE_REFERENCES,
      pulumirpc::RESOURCE_MONITOR_FEATURE_ALIAS_SPECS, pulumirpc::RESOURCE_MONITOR_FEATURE_DELETED_WITH};
  /// The ids SupportsFeature answers true for (any other id: false).
  std::set<std::string> legacy_features = {"secrets", "resourceReferences", "aliasSpecs", "deletedWith"};

  /// SignalAndWaitForShutdown answers UNIMPLEMENTED (engines older than v3.180).
  bool shutdown_unimplemented = false;

  /// How long each RegisterResource takes (to observe concurrency).
  std::chrono::milliseconds register_delay{0};

  /// The engine goes away while handling the n-th (1-based) RegisterResource: the server shuts down,
  /// cancelling that call. 0: never.
  int kill_on_register = 0;
  /// The engine goes away while handling the first call, GetDeploymentInfo.
  bool kill_on_deployment_info = false;

  /// The status of a RegisterResource call (e.g. the engine's error for a duplicate URN or a provider that
  /// failed); OK by default.
  std::function<grpc::Status(pulumirpc::RegisterResourceRequest const&)> register_status;
  /// Adjust a response after the fake has filled it in (urn, id, echoed inputs).
  std::function<void(pulumirpc::RegisterResourceRequest const&, pulumirpc::RegisterResourceResponse&)> on_register;
  std::function<void(pulumirpc::ReadResourceRequest const&, pulumirpc::ReadResourceResponse&)> on_read;
  /// The Invoke result; by default the arguments are echoed back.
  std::function<void(pulumirpc::ResourceInvokeRequest const&, pulumirpc::ResourceInvokeResponse&)> on_invoke;
};

/// One recorded request: the RPC's name ("RegisterResource", "Log", ...) and a copy of its message.
struct RecordedCall {
  std::string method;
  std::shared_ptr<google::protobuf::Message const> request;
};

class FakeEngine {
 public:
  explicit FakeEngine(FakeEngineOptions options = {});
  ~FakeEngine();
  FakeEngine(FakeEngine const&) = delete;
  FakeEngine& operator=(FakeEngine const&) = delete;

  /// "127.0.0.1:<port>", serving both ResourceMonitor and Engine.
  std::string address() const { return server_->address(); }
  int port() const { return server_->port(); }
  FakeEngineOptions const& options() const { return options_; }

  /// The URN this engine gives a resource: the parent's qualified type (unless it is the root Stack) prefixes
  /// the type.
  std::string MakeUrn(std::string const& type, std::string const& name, std::string const& parent_urn) const {
    return engine_.MakeUrn(type, name, parent_urn);
  }
  std::string StackUrn() const;

  /// Every request, in arrival order.
  std::vector<RecordedCall> Calls() const;
  /// The method names of Calls(), in order.
  std::vector<std::string> Methods() const;
  /// Copies of the requests of one method, in order.
  template <typename T>
  std::vector<T> Requests(std::string const& method) const {
    std::vector<T> out;
    for (auto const& c : Calls()) {
      if (c.method != method) continue;
      if (auto const* m = dynamic_cast<T const*>(c.request.get())) out.push_back(*m);
    }
    return out;
  }
  std::vector<pulumirpc::RegisterResourceRequest> RegisterResourceRequests() const {
    return Requests<pulumirpc::RegisterResourceRequest>("RegisterResource");
  }
  std::vector<pulumirpc::LogRequest> LogRequests() const { return Requests<pulumirpc::LogRequest>("Log"); }

  /// The highest number of RegisterResource calls that were in flight at the same time.
  int max_concurrent_registrations() const;

  /// Shuts the server down now, cancelling calls in flight (usable from inside a handler).
  void Kill();

 private:
  void Record(std::string method, google::protobuf::Message const& request);
  /// Records the call, then fails it, kills the engine or delays as the options say (nullopt: answer it).
  std::optional<grpc::Status> Before(std::string const& method, grpc::ServerContext& context,
                                     google::protobuf::Message const& request);
  void After(std::string const& method, google::protobuf::Message const& request, google::protobuf::Message& response);
  std::optional<grpc::Status> BeforeRegister(grpc::ServerContext& context,
                                             pulumirpc::RegisterResourceRequest const& request);
  /// Kills the server from a handler and waits (bounded) for the handler's own call to be cancelled.
  grpc::Status KillFromHandler(grpc::ServerContext& context);

  FakeEngineOptions const options_;
  test_engine::Engine engine_;
  std::unique_ptr<test_engine::GrpcServer> server_;

  mutable std::mutex mu_;
  std::vector<RecordedCall> calls_;
  int registrations_ = 0;
  int in_flight_ = 0;
  int max_in_flight_ = 0;
  bool killed_ = false;
  std::thread killer_;
};

}  // namespace pulumi::integration

#endif  // PULUMI_TESTS_INTEGRATION_FAKE_ENGINE_H
