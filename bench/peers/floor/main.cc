// peers-floor: the floor of the peer benchmark. Replays the RegisterResource requests that peers-engine
// dumped (--dump) against a running peers-engine as plain blocking gRPC calls: what any SDK must at least
// do to register the same resources. The dependencies allow what the programs allow: the stack first, then
// each group (a child of the stack and the resources under it) in its original order, since each resource
// waits for the one before it; up to --parallel groups at a time, as an SDK with PULUMI_PARALLEL would.
//
//   peers-floor --requests FILE --address 127.0.0.1:PORT [--parallel N]
#include "request_file.h"

#include "pulumi/resource.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace {

using Request = pulumirpc::RegisterResourceRequest;

// "qualifiedType::name", the part of a URN (urn:pulumi:<stack>::<project>::<qualifiedType>::<name>) that
// names a resource within its stack.
std::string Tail(std::string const& urn) {
  auto first = urn.find("::");
  if (first == std::string::npos) return urn;
  auto second = urn.find("::", first + 2);
  return second == std::string::npos ? urn : urn.substr(second + 2);
}

bool Register(pulumirpc::ResourceMonitor::Stub& stub, Request const& request, std::string* urn) {
  grpc::ClientContext ctx;
  pulumirpc::RegisterResourceResponse response;
  auto status = stub.RegisterResource(&ctx, request, &response);
  if (!status.ok()) {
    std::cerr << "peers-floor: RegisterResource(" << request.name() << "): " << status.error_message() << "\n";
    return false;
  }
  *urn = response.urn();
  return true;
}

int Usage() {
  std::cerr << "usage: peers-floor --requests FILE --address 127.0.0.1:PORT [--parallel N]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> args;
  for (int i = 1; i + 1 < argc; i += 2) args[argv[i]] = argv[i + 1];
  if (argc % 2 != 1 || !args.contains("--requests") || !args.contains("--address")) return Usage();
  int parallel = 1;
  if (args.contains("--parallel")) {
    parallel = std::atoi(args["--parallel"].c_str());
    if (parallel < 1) return Usage();
  }
  std::vector<Request> requests;
  std::string error;
  if (!bench::peers::ReadRequests(args["--requests"], &requests, &error)) {
    std::cerr << "peers-floor: " << error << "\n";
    return 1;
  }
  if (requests.empty() || !requests.front().parent().empty()) {
    std::cerr << "peers-floor: the first request must be the stack's (no parent)\n";
    return 1;
  }
  auto stub =
      pulumirpc::ResourceMonitor::NewStub(grpc::CreateChannel(args["--address"], grpc::InsecureChannelCredentials()));
  std::string stack_urn;
  if (!Register(*stub, requests.front(), &stack_urn)) return 1;

  // One group per child of the stack: its own request, then those under it, in their original order.
  std::vector<std::vector<Request const*>> groups;
  std::map<std::string, size_t> group_of;
  for (size_t i = 1; i < requests.size(); ++i) {
    auto const& r = requests[i];
    auto key = r.parent() == stack_urn ? r.type() + "::" + r.name() : Tail(r.parent());
    auto [it, added] = group_of.try_emplace(key, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(&r);
  }
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::vector<std::thread> workers;
  for (int w = 0; w < parallel; ++w) {
    workers.emplace_back([&] {
      for (size_t g = next++; g < groups.size() && !failed; g = next++) {
        std::string urn;
        for (auto const* r : groups[g]) {
          if (!Register(*stub, *r, &urn)) failed = true;
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  return failed ? 1 : 0;
}
