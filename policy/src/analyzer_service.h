// The Analyzer gRPC service of a C++ policy pack: protocol messages to and from the Analyzer of analyzer.h.
#ifndef PULUMI_POLICY_SRC_ANALYZER_SERVICE_H
#define PULUMI_POLICY_SRC_ANALYZER_SERVICE_H

#include "pulumi/analyzer.grpc.pb.h"
#include "pulumi/policy/analyzer.h"

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

namespace pulumi::internal {
class Runtime;
}

namespace pulumi::policy {

class AnalyzerService final : public pulumirpc::Analyzer::Service {
 public:
  using Factory = std::function<PolicyPack(Context&)>;
  /// engine_address: the address the engine passed on the command line (Handshake may give another).
  AnalyzerService(Factory factory, std::string engine_address);
  ~AnalyzerService() override;

  grpc::Status Handshake(grpc::ServerContext*, pulumirpc::AnalyzerHandshakeRequest const* request,
                         pulumirpc::AnalyzerHandshakeResponse*) override;
  grpc::Status ConfigureStack(grpc::ServerContext*, pulumirpc::AnalyzerStackConfigureRequest const* request,
                              pulumirpc::AnalyzerStackConfigureResponse*) override;
  grpc::Status GetPluginInfo(grpc::ServerContext*, google::protobuf::Empty const*,
                             pulumirpc::PluginInfo* response) override;
  grpc::Status GetAnalyzerInfo(grpc::ServerContext*, google::protobuf::Empty const*,
                               pulumirpc::AnalyzerInfo* response) override;
  grpc::Status Configure(grpc::ServerContext*, pulumirpc::ConfigureAnalyzerRequest const* request,
                         google::protobuf::Empty*) override;
  grpc::Status Analyze(grpc::ServerContext*, pulumirpc::AnalyzeRequest const* request,
                       pulumirpc::AnalyzeResponse* response) override;
  grpc::Status AnalyzeStack(grpc::ServerContext*, pulumirpc::AnalyzeStackRequest const* request,
                            pulumirpc::AnalyzeResponse* response) override;
  grpc::Status Remediate(grpc::ServerContext*, pulumirpc::AnalyzeRequest const* request,
                         pulumirpc::RemediateResponse* response) override;
  grpc::Status Cancel(grpc::ServerContext*, google::protobuf::Empty const*, google::protobuf::Empty*) override;

 private:
  /// The analyzer, building the pack first if ConfigureStack has not (e.g. a pack only asked for its info).
  Analyzer* Get(grpc::Status* status);
  /// Under the lock: fn(analyzer) with the analyzer built, a policy's exception as the call's error.
  template <typename Fn>
  grpc::Status WithAnalyzer(Fn const& fn);
  grpc::Status Build(StackInfo stack, std::map<std::string, std::string> config, std::set<std::string> secret_keys);

  std::mutex mu_;
  Factory factory_;
  std::string engine_address_;
  std::shared_ptr<internal::Runtime> runtime_;
  std::unique_ptr<Context> context_;
  std::optional<Analyzer> analyzer_;
};

}  // namespace pulumi::policy

#endif  // PULUMI_POLICY_SRC_ANALYZER_SERVICE_H
