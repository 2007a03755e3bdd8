#include "pulumi/provider/serve.h"

#include <signal.h>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace pulumi::provider {

std::string EngineAddress(int argc, char** argv) {
  if (argc < 2) return "";
  std::string last = argv[argc - 1];
  return last.starts_with("-") ? "" : last;
}

int Serve(grpc::Service& service, int argc, char** argv, ServeOptions const& options) {
  (void)argc;
  (void)argv;
  // Blocked before gRPC starts its threads, so that they inherit the mask and only sigwait below sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  int port = 0;
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
  builder.SetMaxReceiveMessageSize(256 * 1024 * 1024);
  builder.SetMaxSendMessageSize(256 * 1024 * 1024);
  builder.RegisterService(&service);
  auto server = builder.BuildAndStart();
  if (!server || port == 0) {
    std::cerr << "error: the provider could not listen on a loopback port\n";
    return 1;
  }
  if (options.on_listening) options.on_listening(port);
  std::printf("%d\n", port);
  std::fflush(stdout);

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  // Calls in flight get a moment to finish; the engine kills the process group 5 s after its SIGINT anyway.
  server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
  return 0;
}

}  // namespace pulumi::provider
