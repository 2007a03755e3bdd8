// The engine's resource hooks: registered by name for the run, called through the program's callback server
// around a resource's creation.
#include "internal/property_codec.h"
#include "pulumi/callback.grpc.pb.h"
#include "test_engine/engine.h"

namespace pulumi::test_engine {
namespace {

grpc::Status AlreadyRegistered(std::string const& name) {
  return {grpc::StatusCode::INVALID_ARGUMENT, "resource hook already registered for name \"" + name + "\""};
}

/// The hook's error message: empty when it succeeded.
std::string CallHook(pulumirpc::RegisterResourceHookRequest const& hook,
                     pulumirpc::ResourceHookRequest const& request) {
  pulumirpc::CallbackInvokeRequest invoke;
  invoke.set_token(hook.callback().token());
  invoke.set_request(request.SerializeAsString());
  pulumirpc::CallbackInvokeResponse invoked;
  auto stub =
      pulumirpc::Callbacks::NewStub(grpc::CreateChannel(hook.callback().target(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext ctx;
  auto status = stub->Invoke(&ctx, invoke, &invoked);
  if (!status.ok()) return status.error_message();
  pulumirpc::ResourceHookResponse response;
  if (!response.ParseFromString(invoked.response())) return "malformed ResourceHookResponse";
  return response.error();
}

}  // namespace

grpc::Status Engine::RegisterResourceHook(pulumirpc::RegisterResourceHookRequest const& request) {
  std::lock_guard lock(mu_);
  if (resource_hooks_.contains(request.name()) || error_hooks_.contains(request.name())) {
    return AlreadyRegistered(request.name());
  }
  resource_hooks_[request.name()] = request;
  return grpc::Status::OK;
}

grpc::Status Engine::RegisterErrorHook(pulumirpc::RegisterErrorHookRequest const& request) {
  std::lock_guard lock(mu_);
  if (resource_hooks_.contains(request.name()) || error_hooks_.contains(request.name())) {
    return AlreadyRegistered(request.name());
  }
  error_hooks_.insert(request.name());
  return grpc::Status::OK;
}

// A failing hook fails the registration, or is a warning if it ignores errors.
grpc::Status Engine::RunHooks(google::protobuf::RepeatedPtrField<std::string> const& names, std::string const& when,
                              Resource const& r, PropertyMap const* outputs) {
  for (auto const& name : names) {
    pulumirpc::RegisterResourceHookRequest hook;
    {
      std::lock_guard lock(mu_);
      auto it = resource_hooks_.find(name);
      if (it == resource_hooks_.end()) {
        return {grpc::StatusCode::INVALID_ARGUMENT, "hook \"" + name + "\" was not registered"};
      }
      hook = it->second;
    }
    if (options_.dry_run && !hook.on_dry_run()) continue;
    pulumirpc::ResourceHookRequest request;
    request.set_urn(r.urn);
    request.set_id(r.id);
    request.set_name(r.name);
    request.set_type(r.type);
    *request.mutable_new_inputs() = internal::EncodeMap(r.inputs);
    if (outputs) *request.mutable_new_outputs() = internal::EncodeMap(*outputs);
    auto error = CallHook(hook, request);
    if (error.empty()) continue;
    if (!hook.ignore_errors()) return {grpc::StatusCode::UNKNOWN, when + " hook \"" + name + "\" failed: " + error};
    std::lock_guard lock(mu_);
    logs_.push_back({"warning", when + " hook \"" + name + "\" failed: " + error, r.urn});
  }
  return grpc::Status::OK;
}

}  // namespace pulumi::test_engine
