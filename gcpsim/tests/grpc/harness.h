// A simulator provider served over real gRPC on a loopback port, with a fresh database, for the gRPC-level
// tests: requests are built from PropertyMaps and responses decoded back, through the SDK's codec.
#ifndef GCPSIM_TESTS_GRPC_HARNESS_H
#define GCPSIM_TESTS_GRPC_HARNESS_H

#include "catalog.h"
#include "provider.h"
#include "store.h"
#include "values.h"

#include <grpcpp/grpcpp.h>

#include <filesystem>
#include <memory>
#include <string>

namespace pulumi::gcpsim::testing_util {

/// The schema of the pinned gcp version, loaded once per test binary.
Catalog const& GcpCatalog();

/// A fresh database path under the test's temporary directory.
std::string FreshDatabase(std::string const& name);

struct Created {
  grpc::Status status;
  std::string id;
  PropertyMap outputs;
};

class Harness {
 public:
  explicit Harness(std::string database = "", ProviderOptions options = {});
  ~Harness();

  pulumirpc::ResourceProvider::Stub& stub() { return *stub_; }
  std::string const& database() const { return database_; }
  /// Configure with a project, region and zone, as the engine does for a default provider.
  void Configure(std::string const& project = "apex-dev", std::string const& region = "us-central1");

  static std::string Urn(std::string const& type, std::string const& name) {
    return "urn:pulumi:dev::apex::" + type + "::" + name;
  }

  pulumirpc::CheckResponse Check(std::string const& type, std::string const& name, PropertyMap const& news,
                                 PropertyMap const& olds = {}, std::string const& seed = "seed-1",
                                 grpc::Status* status = nullptr);
  /// The checked inputs (the test fails when Check reports failures).
  PropertyMap Checked(std::string const& type, std::string const& name, PropertyMap const& news);
  pulumirpc::DiffResponse Diff(std::string const& type, std::string const& name, PropertyMap const& olds,
                               PropertyMap const& news, std::vector<std::string> const& ignore = {});
  /// Check, then Create.
  Created Create(std::string const& type, std::string const& name, PropertyMap const& inputs, bool preview = false);
  Created Update(std::string const& type, std::string const& name, std::string const& id, PropertyMap const& olds,
                 PropertyMap const& news, bool preview = false);
  grpc::Status Delete(std::string const& type, std::string const& name, std::string const& id,
                      PropertyMap const& state);
  /// Read: an empty id means gone.
  Created Read(std::string const& type, std::string const& name, std::string const& id);

  /// The stored resources of `type` (all when empty).
  std::vector<StoredResource> Stored(std::string const& type = "");

 private:
  std::string database_;
  std::unique_ptr<Provider> provider_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<pulumirpc::ResourceProvider::Stub> stub_;
};

/// The network, range and private services connection that Cloud SQL and Memorystore need, created through the
/// provider; returns the network's id.
std::string CreatePrivateNetwork(Harness& h, std::string const& name = "vpc");

}  // namespace pulumi::gcpsim::testing_util

#endif  // GCPSIM_TESTS_GRPC_HARNESS_H
