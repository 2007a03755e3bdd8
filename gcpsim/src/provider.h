// pulumirpc::ResourceProvider for the simulated gcp: decodes each request with the SDK's codec, checks it
// against the schema, and runs it on the cloud (cloud.h). A malformed request is a gRPC error naming the bad
// value's path; a refusal of the (simulated) API is the error the engine shows for that resource.
#ifndef GCPSIM_SRC_PROVIDER_H
#define GCPSIM_SRC_PROVIDER_H

#include "catalog.h"
#include "cloud.h"
#include "force_new.h"
#include "pulumi/provider.grpc.pb.h"
#include "requests.h"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace pulumi::gcpsim {

// The pinned gcp version (versions.env), set by gcpsim/CMakeLists.txt.
inline constexpr char kProviderVersion[] = PULUMI_CPP_GCP_VERSION;

struct ProviderOptions {
  /// The database; "" for DefaultDatabasePath (which $GCPSIM_DB and the `simulatorDatabase` config override).
  std::string database;
  /// How long each create, update and delete takes ($GCPSIM_LATENCY_MS), to watch a deployment in flight.
  std::chrono::milliseconds latency{0};
  /// A file that gets one line per call, "<method>\t<type>\t<microseconds>" ($GCPSIM_TRACE): the provider's
  /// own time, without the latency model, for bench/sim_bench.
  std::string trace;
};

class Provider final : public pulumirpc::ResourceProvider::Service {
 public:
  Provider(Catalog const& catalog, ProviderOptions options);
  ~Provider() override;

  grpc::Status Handshake(grpc::ServerContext*, pulumirpc::ProviderHandshakeRequest const*,
                         pulumirpc::ProviderHandshakeResponse*) override;
  grpc::Status GetPluginInfo(grpc::ServerContext*, google::protobuf::Empty const*, pulumirpc::PluginInfo*) override;
  grpc::Status GetSchema(grpc::ServerContext*, pulumirpc::GetSchemaRequest const*,
                         pulumirpc::GetSchemaResponse*) override;
  grpc::Status CheckConfig(grpc::ServerContext*, pulumirpc::CheckRequest const*, pulumirpc::CheckResponse*) override;
  grpc::Status DiffConfig(grpc::ServerContext*, pulumirpc::DiffRequest const*, pulumirpc::DiffResponse*) override;
  grpc::Status Configure(grpc::ServerContext*, pulumirpc::ConfigureRequest const*,
                         pulumirpc::ConfigureResponse*) override;
  grpc::Status Check(grpc::ServerContext*, pulumirpc::CheckRequest const*, pulumirpc::CheckResponse*) override;
  grpc::Status Diff(grpc::ServerContext*, pulumirpc::DiffRequest const*, pulumirpc::DiffResponse*) override;
  grpc::Status Create(grpc::ServerContext*, pulumirpc::CreateRequest const*, pulumirpc::CreateResponse*) override;
  grpc::Status Read(grpc::ServerContext*, pulumirpc::ReadRequest const*, pulumirpc::ReadResponse*) override;
  grpc::Status Update(grpc::ServerContext*, pulumirpc::UpdateRequest const*, pulumirpc::UpdateResponse*) override;
  grpc::Status Delete(grpc::ServerContext*, pulumirpc::DeleteRequest const*, google::protobuf::Empty*) override;
  grpc::Status Invoke(grpc::ServerContext*, pulumirpc::InvokeRequest const*, pulumirpc::InvokeResponse*) override;
  grpc::Status Cancel(grpc::ServerContext*, google::protobuf::Empty const*, google::protobuf::Empty*) override;

 private:
  /// The cloud, opened on first use (Configure may name the database).
  absl::StatusOr<Cloud*> OpenCloud();
  /// Runs `fn` on the cloud with this process's operations serialized; a cloud that cannot be opened is an error.
  grpc::Status OnCloud(std::function<grpc::Status(Cloud&)> const& fn);
  void Pause() const;
  /// Records a call's own time in the trace when its returned timer goes out of scope.
  class CallTimer;
  CallTimer Time(char const* method, std::string const& type) const;

  Catalog const& catalog_;
  ProviderOptions options_;
  std::mutex mu_;  // one operation on the database at a time in this process; SQLite orders the processes
  Placement placement_;
  std::string configured_database_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Cloud> cloud_;
};

}  // namespace pulumi::gcpsim

#endif  // GCPSIM_SRC_PROVIDER_H
