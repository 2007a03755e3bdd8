// The engine of the tests: what answers a program's ResourceMonitor and Engine calls outside a real
// deployment. The mocks run it in process (in_process.h); the integration tests' fake engine, the peer
// check's recording monitor and the peer benchmark serve it over gRPC (grpc_server.h).
//
// It gives URNs as the engine does (internal/urn.h), keeps every registration, read, invoke and log, and
// answers each resource with the id and outputs of a pulumi::mocks::Mocks; without one, it echoes what came
// as it came (the inputs as outputs, the arguments as results, "<name>-id" for custom resources outside a
// preview), decoding nothing on the way.
#ifndef PULUMI_SRC_TEST_ENGINE_ENGINE_H
#define PULUMI_SRC_TEST_ENGINE_ENGINE_H

#include "pulumi/engine.pb.h"
#include "pulumi/mocks/mocks.h"
#include "pulumi/resource.pb.h"

#include <grpcpp/grpcpp.h>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pulumi::test_engine {

inline constexpr char kStackType[] = "pulumi:pulumi:Stack";
inline constexpr char kStackReferenceType[] = "pulumi:pulumi:StackReference";

struct EngineOptions {
  std::string project = "project";
  std::string stack = "stack";
  std::string organization = "organization";
  bool dry_run = false;
  /// GetDeploymentInfo's parallelism, config and secret config keys (0 and empty: none given).
  int parallel = 0;
  std::map<std::string, std::string> config{};
  std::vector<std::string> config_secret_keys{};
  /// What GetDeploymentInfo announces.
  std::vector<pulumirpc::ResourceMonitorFeature> features{};
  /// SupportsFeature's answer for a feature id (older SDKs probe with it); unset: no feature.
  std::function<bool(std::string const&)> supports_feature{};
  /// Outputs of referenced stacks by name, answered to reads of pulumi:pulumi:StackReference.
  std::map<std::string, PropertyMap> stack_references{};
  /// Ids, outputs and invoke results; none: everything is echoed.
  std::shared_ptr<mocks::Mocks> mocks{};
  /// Keep each request (Resource::registration, reading); off, a benchmark's engine is spared the copies.
  bool keep_requests = true;
};

/// "debug", "info", "warning", "error" (LogSeverity), or "unknown".
std::string SeverityName(int severity);

/// A resource as the engine keeps it: the request as the program sent it and what the engine answered.
struct Resource {
  std::string urn{};
  std::string type{};
  std::string name{};
  std::string parent{};
  std::string id{};
  bool custom = true;
  bool read = false;
  /// The request, when EngineOptions::keep_requests: the registration's or the read's.
  std::shared_ptr<pulumirpc::RegisterResourceRequest const> registration{};
  std::shared_ptr<pulumirpc::ReadResourceRequest const> reading{};
  /// Decoded, with mocks (without, only the requests hold them).
  PropertyMap inputs{};
  PropertyMap outputs{};
  std::optional<PropertyMap> registered_outputs{};
};

/// A string field of a request as an option: empty means unset (as ResourceOptions spells it).
inline std::optional<std::string> UnlessEmpty(std::string const& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

/// A repeated string field of a request (URNs, property paths, ...) as a list.
template <typename Repeated>
std::vector<std::string> Strings(Repeated const& r) {
  return std::vector<std::string>(r.begin(), r.end());
}

/// An invoke or a method call, with the arguments the mocks got and what they returned.
struct Invocation : mocks::InvokeRecord {
  PropertyMap result{};
};

class Engine {
 public:
  explicit Engine(EngineOptions options);
  Engine(Engine const&) = delete;
  Engine& operator=(Engine const&) = delete;

  EngineOptions const& options() const { return options_; }
  std::string MakeUrn(std::string const& type, std::string const& name, std::string const& parent) const;

  // ResourceMonitor.
  grpc::Status GetDeploymentInfo(pulumirpc::DeploymentInfo* response) const;
  grpc::Status SupportsFeature(pulumirpc::SupportsFeatureRequest const& request,
                               pulumirpc::SupportsFeatureResponse* response) const;
  grpc::Status RegisterResource(pulumirpc::RegisterResourceRequest const& request,
                                pulumirpc::RegisterResourceResponse* response);
  grpc::Status RegisterResourceOutputs(pulumirpc::RegisterResourceOutputsRequest const& request);
  grpc::Status ReadResource(pulumirpc::ReadResourceRequest const& request, pulumirpc::ReadResourceResponse* response);
  grpc::Status Invoke(pulumirpc::ResourceInvokeRequest const& request, pulumirpc::ResourceInvokeResponse* response);
  /// Method calls go to Mocks::Call like invokes; their arguments include `__self__`.
  grpc::Status Call(pulumirpc::ResourceCallRequest const& request, pulumirpc::CallResponse* response);
  grpc::Status RegisterResourceHook(pulumirpc::RegisterResourceHookRequest const& request);
  grpc::Status RegisterErrorHook(pulumirpc::RegisterErrorHookRequest const& request);
  grpc::Status SignalAndWaitForShutdown();
  /// Not part of the protocol: which outputs a program asked a StackReference for (the mocks report them).
  void NoteStackReferenceRead(std::string const& stack, std::string const& output);

  // Engine.
  grpc::Status Log(pulumirpc::LogRequest const& request);
  /// The root resource: the one set, else the Stack registered without a parent.
  std::string RootResource() const;
  grpc::Status SetRootResource(pulumirpc::SetRootResourceRequest const& request);

  /// Forgets everything kept, for another run.
  void Reset();
  /// What was kept, in the order the engine answered.
  std::vector<Resource> Resources() const;
  std::vector<mocks::LogEntry> Logs() const;
  std::vector<Invocation> Invocations() const;
  std::map<std::string, std::set<std::string>> StackReferenceReads() const;
  bool ShutdownSignalled() const;

 private:
  /// With mocks: the id and outputs of a new or read resource (user code: its exceptions become errors).
  grpc::Status NewResource(mocks::MockResourceArgs const& args, mocks::MockResourceResult* result) const;
  /// The engine's answer to a read of a stack reference, if it is one it knows.
  std::optional<PropertyMap> StackReferenceState(std::string const& type, std::string const& name) const;
  /// Answers an invoke or a method call: `result`, or `failure` when the mocks threw.
  grpc::Status Answer(mocks::InvokeRecord record, google::protobuf::Struct const& args, std::set<std::string> deps,
                      bool accept_output_values, google::protobuf::Struct* result, std::optional<std::string>* failure);
  /// Calls the program's resource hooks through its callback server, as the engine does.
  grpc::Status RunHooks(google::protobuf::RepeatedPtrField<std::string> const& names, std::string const& when,
                        Resource const& r, PropertyMap const* outputs);
  void Keep(Resource r);

  EngineOptions const options_;
  mutable std::mutex mu_;
  std::vector<Resource> resources_;
  std::map<std::string, std::size_t> by_urn_;
  std::vector<mocks::LogEntry> logs_;
  std::vector<Invocation> invocations_;
  std::map<std::string, std::set<std::string>> stack_reference_reads_;
  std::map<std::string, pulumirpc::RegisterResourceHookRequest> resource_hooks_;
  std::set<std::string> error_hooks_;
  std::string root_urn_;
  bool shutdown_signalled_ = false;
};

}  // namespace pulumi::test_engine

#endif  // PULUMI_SRC_TEST_ENGINE_ENGINE_H
