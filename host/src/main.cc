// pulumi-language-cpp: the language host that lets the Pulumi CLI run C++ programs (`runtime: cpp`).
//
// Usage: pulumi-language-cpp [--logtostderr] [-v=N] [--tracing <url>] <engine-address>
// It prints the port of its LanguageRuntime server as the first line of stdout and serves until the engine
// goes away or it is told to stop.
#include "language_host.h"

#include <grpcpp/grpcpp.h>

#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int kMaxMessageBytes = 400 * 1024 * 1024;
constexpr auto kHealthInterval = std::chrono::seconds(1);
constexpr int kHealthFailuresBeforeExit = 5;

/// Exits when the engine cannot be reached any more (the engine that started us has gone).
void WatchEngine(pulumi::host::LanguageHost const* host) {
  std::shared_ptr<grpc::Channel> channel;
  std::string address;
  int failures = 0;
  for (;;) {
    std::this_thread::sleep_for(kHealthInterval);
    auto current = host->engine_address();
    if (current.empty()) continue;
    if (current != address) {
      address = current;
      channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
      failures = 0;
    }
    bool up = channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(1));
    failures = up ? 0 : failures + 1;
    if (failures >= kHealthFailuresBeforeExit) {
      std::cerr << "pulumi-language-cpp: the engine at " << address << " went away; exiting\n";
      std::_Exit(0);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--tracing" || a == "-tracing") {
      ++i;  // tracing is not supported; accept and ignore the flag and its value
    } else if (a.starts_with('-')) {
      // --logtostderr, -v=N and other glog-style flags the engine passes.
    } else {
      positional.push_back(a);
    }
  }
  std::string engine_address = positional.empty() ? "" : positional.back();

  // SIGINT goes to the program (as a cancel) instead of ending the host; a signal thread handles it.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  pulumi::host::LanguageHost host(engine_address);
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
  builder.SetMaxReceiveMessageSize(kMaxMessageBytes);
  builder.SetMaxSendMessageSize(kMaxMessageBytes);
  builder.RegisterService(&host);
  auto server = builder.BuildAndStart();
  if (!server || port == 0) {
    std::cerr << "pulumi-language-cpp: cannot listen on 127.0.0.1\n";
    return 1;
  }
  std::cout << port << std::endl;

  std::thread([&host, signals] {
    for (;;) {
      int sig = 0;
      // With a program running, SIGINT cancels it; otherwise the engine is shutting the host down.
      if (sigwait(&signals, &sig) == 0 && sig == SIGINT && !host.InterruptProgram()) std::_Exit(0);
    }
  }).detach();
  std::thread(WatchEngine, &host).detach();

  server->Wait();
  return 0;
}
