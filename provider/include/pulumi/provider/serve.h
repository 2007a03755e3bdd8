// Serving a resource provider plugin the way the Pulumi engine launches one: the engine runs
// `pulumi-resource-<name> [flags] <engine-address>`, reads the port from the first line of stdout, dials
// 127.0.0.1:<port>, and on shutdown sends Cancel, then SIGINT to the process group, then SIGKILL after 5 s.
//
//   int main(int argc, char** argv) {
//     MyProvider provider;                       // a pulumirpc::ResourceProvider::Service
//     return pulumi::provider::Serve(provider, argc, argv);
//   }
#ifndef PULUMI_PROVIDER_SERVE_H
#define PULUMI_PROVIDER_SERVE_H

#include <grpcpp/grpcpp.h>

#include <functional>
#include <string>

namespace pulumi::provider {

struct ServeOptions {
  /// Called once the server listens, with the port, before it is printed (tests use it to learn the port).
  std::function<void(int)> on_listening{};
};

/// Serves `service` until SIGINT or SIGTERM; returns the process exit code (0, or 1 when it cannot listen).
int Serve(grpc::Service& service, int argc, char** argv, ServeOptions const& options = {});

/// The engine address the engine passed as the last argument ("" when there is none).
std::string EngineAddress(int argc, char** argv);

}  // namespace pulumi::provider

#endif  // PULUMI_PROVIDER_SERVE_H
