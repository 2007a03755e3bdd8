// peers-floor: the floor of the peer benchmark. Replays the RegisterResource requests that peers-engine
// dumped (--dump) against a running peers-engine, one at a time in their original order, as plain gRPC
// calls: what any SDK must at least do to register the same resources, since every resource waits for the
// previous one's output.
//
//   peers-floor --requests FILE --address 127.0.0.1:PORT
#include "request_file.h"

#include "pulumi/resource.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  std::string requests_path, address;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string key = argv[i];
    if (key == "--requests") {
      requests_path = argv[i + 1];
    } else if (key == "--address") {
      address = argv[i + 1];
    }
  }
  if (requests_path.empty() || address.empty() || argc != 5) {
    std::cerr << "usage: peers-floor --requests FILE --address 127.0.0.1:PORT\n";
    return 2;
  }
  std::vector<pulumirpc::RegisterResourceRequest> requests;
  std::string error;
  if (!bench::peers::ReadRequests(requests_path, &requests, &error)) {
    std::cerr << "peers-floor: " << error << "\n";
    return 1;
  }
  auto stub = pulumirpc::ResourceMonitor::NewStub(grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
  for (auto const& request : requests) {
    grpc::ClientContext ctx;
    pulumirpc::RegisterResourceResponse response;
    auto status = stub->RegisterResource(&ctx, request, &response);
    if (!status.ok()) {
      std::cerr << "peers-floor: RegisterResource(" << request.name() << "): " << status.error_message() << "\n";
      return 1;
    }
  }
  return 0;
}
