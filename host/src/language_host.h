// The LanguageRuntime service of pulumi-language-cpp.
#ifndef PULUMI_HOST_LANGUAGE_HOST_H
#define PULUMI_HOST_LANGUAGE_HOST_H

#include "subprocess.h"

#include "pulumi/language.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <memory>
#include <mutex>
#include <string>

namespace pulumi::host {

/// How long a cancelled program has to exit after SIGINT before it is killed.
inline constexpr int kCancelGraceSeconds = 5;

class LanguageHost final : public pulumirpc::LanguageRuntime::Service {
 public:
  explicit LanguageHost(std::string engine_address) : engine_address_(std::move(engine_address)) {}

  std::string engine_address() const;

  grpc::Status Handshake(grpc::ServerContext*, pulumirpc::LanguageHandshakeRequest const* req,
                         pulumirpc::LanguageHandshakeResponse*) override;
  grpc::Status GetPluginInfo(grpc::ServerContext*, google::protobuf::Empty const*,
                             pulumirpc::PluginInfo* resp) override;
  grpc::Status GetRequiredPlugins(grpc::ServerContext*, pulumirpc::GetRequiredPluginsRequest const* req,
                                  pulumirpc::GetRequiredPluginsResponse* resp) override;
  grpc::Status GetRequiredPackages(grpc::ServerContext*, pulumirpc::GetRequiredPackagesRequest const* req,
                                   pulumirpc::GetRequiredPackagesResponse* resp) override;
  grpc::Status InstallDependencies(grpc::ServerContext*, pulumirpc::InstallDependenciesRequest const* req,
                                   grpc::ServerWriter<pulumirpc::InstallDependenciesResponse>* writer) override;
  grpc::Status GetProgramDependencies(grpc::ServerContext*, pulumirpc::GetProgramDependenciesRequest const* req,
                                      pulumirpc::GetProgramDependenciesResponse* resp) override;
  grpc::Status About(grpc::ServerContext*, pulumirpc::AboutRequest const* req, pulumirpc::AboutResponse* resp) override;
  grpc::Status Run(grpc::ServerContext*, pulumirpc::RunRequest const* req, pulumirpc::RunResponse* resp) override;
  grpc::Status Cancel(grpc::ServerContext*, google::protobuf::Empty const*, google::protobuf::Empty*) override;
  /// Builds a plugin directory (policy pack, component provider) like a program and runs it, streaming its
  /// output; the engine reads the plugin's port from that stream. Ends the plugin when the engine hangs up.
  grpc::Status RunPlugin(grpc::ServerContext* ctx, pulumirpc::RunPluginRequest const* req,
                         grpc::ServerWriter<pulumirpc::RunPluginResponse>* writer) override;
  /// Writes the C++ bindings of a package schema (pulumi-gen-cpp's output) and its CMake package files
  /// (package_artifacts.h) into the request's directory; a bad schema gives one error diagnostic per
  /// problem, naming its JSON path, and writes nothing.
  grpc::Status GeneratePackage(grpc::ServerContext*, pulumirpc::GeneratePackageRequest const* req,
                               pulumirpc::GeneratePackageResponse* resp) override;

  /// Copies a generated package to <destination>/<name>-<version>/, or packs the core SDK's source
  /// (doc/adr/0010-conformance-packaging.md); returns the artifact's absolute path.
  grpc::Status Pack(grpc::ServerContext*, pulumirpc::PackRequest const* req, pulumirpc::PackResponse* resp) override;
  /// Records the packages' directories in the program's pulumi-local-dependencies.json.
  grpc::Status Link(grpc::ServerContext*, pulumirpc::LinkRequest const* req, pulumirpc::LinkResponse* resp) override;

  /// Forwards SIGINT to the running program, then kills it after the grace period (also for Cancel).
  /// Returns false when no program is running.
  bool InterruptProgram();

 private:
  mutable std::mutex mu_;
  std::string engine_address_;
  Subprocess* running_ = nullptr;  // the program being run, if any
  std::uint64_t run_generation_ = 0;
};

}  // namespace pulumi::host

#endif  // PULUMI_HOST_LANGUAGE_HOST_H
