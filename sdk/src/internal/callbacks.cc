#include "internal/callbacks.h"

#include "internal/stubs.h"
#include "pulumi/callback.grpc.pb.h"

#include <utility>

namespace pulumi::internal {

class CallbackServer::Service : public pulumirpc::Callbacks::Service {
 public:
  explicit Service(CallbackServer* server) : server_(server) {}
  grpc::Status Invoke(grpc::ServerContext*, pulumirpc::CallbackInvokeRequest const* request,
                      pulumirpc::CallbackInvokeResponse* response) override {
    return server_->Invoke(request->token(), request->request(), response->mutable_response());
  }

 private:
  CallbackServer* server_;
};

CallbackServer::CallbackServer() : service_(std::make_unique<Service>(this)) {}

CallbackServer::~CallbackServer() { Shutdown(); }

std::unique_ptr<CallbackServer> CallbackServer::Start(std::string* error) {
  std::unique_ptr<CallbackServer> s(new CallbackServer());
  int port = 0;
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
  builder.SetMaxReceiveMessageSize(400 * 1024 * 1024);
  builder.SetMaxSendMessageSize(400 * 1024 * 1024);
  builder.RegisterService(s->service_.get());
  s->server_ = builder.BuildAndStart();
  if (!s->server_ || port == 0) {
    *error = "could not listen on 127.0.0.1";
    return nullptr;
  }
  s->target_ = "127.0.0.1:" + std::to_string(port);
  return s;
}

std::string CallbackServer::Register(Function function) {
  std::lock_guard lock(mu_);
  std::string token = "callback-" + std::to_string(++next_token_);
  functions_.emplace(token, std::move(function));
  return token;
}

void CallbackServer::Shutdown() {
  if (server_) {
    server_->Shutdown();
    server_->Wait();
    server_.reset();
  }
}

grpc::Status CallbackServer::Invoke(std::string const& token, std::string const& request, std::string* response) {
  Function function;
  {
    std::lock_guard lock(mu_);
    auto it = functions_.find(token);
    if (it == functions_.end()) return {grpc::StatusCode::NOT_FOUND, "callback function not found: " + token};
    function = it->second;
  }
  return function(request, response);
}

}  // namespace pulumi::internal
