// The program's Callbacks service (callback.proto): functions of the program that the engine calls, such as
// resource hooks. Started on first use, on 127.0.0.1 and a port of the system's choosing; each function is
// known to the engine by the server's address and a token.
#ifndef PULUMI_SRC_INTERNAL_CALLBACKS_H
#define PULUMI_SRC_INTERNAL_CALLBACKS_H

#include <grpcpp/grpcpp.h>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace pulumi::internal {

class CallbackServer {
 public:
  /// Takes the serialized request of its kind of callback and writes the serialized response. Runs on a
  /// thread of the server.
  using Function = std::function<grpc::Status(std::string const& request, std::string* response)>;

  /// Starts the server; null, with the reason in error, when it cannot listen.
  static std::unique_ptr<CallbackServer> Start(std::string* error);
  ~CallbackServer();
  CallbackServer(CallbackServer const&) = delete;
  CallbackServer& operator=(CallbackServer const&) = delete;

  /// "127.0.0.1:<port>", the Callback.target of every function of this server.
  std::string const& target() const { return target_; }
  /// Adds a function; returns its token (the Callback.token).
  std::string Register(Function function);
  /// Stops serving; waits for calls in flight. Idempotent.
  void Shutdown();

  class Service;

 private:
  CallbackServer();
  grpc::Status Invoke(std::string const& token, std::string const& request, std::string* response);

  std::unique_ptr<Service> service_;
  std::unique_ptr<grpc::Server> server_;
  std::string target_;
  std::mutex mu_;
  std::map<std::string, Function> functions_;
  int next_token_ = 0;
};

}  // namespace pulumi::internal

#endif  // PULUMI_SRC_INTERNAL_CALLBACKS_H
