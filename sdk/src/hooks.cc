#include "pulumi/hooks.h"

#include "internal/callbacks.h"
#include "internal/hook_state.h"
#include "internal/property_codec.h"
#include "internal/registration.h"
#include "internal/runtime.h"
#include "pulumi/context.h"
#include "pulumi/output.h"

#include <tuple>
#include <utility>

namespace pulumi {
namespace {

using internal::HookState;
using internal::Runtime;

/// Inputs or outputs the engine sent to a hook (empty when it sent none).
absl::Status DecodeInto(google::protobuf::Struct const& s, bool present, PropertyMap& out) {
  if (!present) return absl::OkStatus();
  auto decoded = internal::DecodeMap(s);
  if (!decoded.ok()) return decoded.status();
  for (auto const& [k, v] : *decoded) out.emplace(k, internal::NormalizeOutputValues(v));
  return absl::OkStatus();
}

grpc::Status InvalidRequest(std::string const& hook, std::string const& what) {
  return {grpc::StatusCode::INVALID_ARGUMENT, "hook '" + hook + "': " + what};
}

/// Registers the function with the program's callback server, then the hook with the engine.
std::shared_ptr<HookState> RegisterHook(std::shared_ptr<Runtime> const& rt, std::string name, bool error_hook,
                                        internal::CallbackServer::Function function, ResourceHookOptions opts) {
  auto state = std::make_shared<HookState>(rt, std::move(name));
  auto fail = [&](std::string const& message) {
    rt->ReportError(message);
    state->registered->Reject(message);
  };
  std::string kind = error_hook ? "error hook" : "resource hook";
  if (!(error_hook ? rt->features().error_hooks : rt->features().resource_hooks)) {
    fail(kind + " '" + state->name + "': the Pulumi CLI does not support " + kind + "s; update the Pulumi CLI");
    return state;
  }
  std::string error;
  auto* server = rt->callbacks(&error);
  if (!server) {
    fail(kind + " '" + state->name + "': cannot serve the hook: " + error);
    return state;
  }
  pulumirpc::Callback callback;
  callback.set_target(server->target());
  callback.set_token(server->Register(std::move(function)));
  rt->CallAsync([rt, state, callback, error_hook, opts, kind] {
    grpc::Status status;
    if (error_hook) {
      pulumirpc::RegisterErrorHookRequest req;
      req.set_name(state->name);
      *req.mutable_callback() = callback;
      status = rt->monitor().RegisterErrorHook(req);
    } else {
      pulumirpc::RegisterResourceHookRequest req;
      req.set_name(state->name);
      *req.mutable_callback() = callback;
      req.set_on_dry_run(opts.on_dry_run);
      req.set_ignore_errors(opts.ignore_errors);
      status = rt->monitor().RegisterResourceHook(req);
    }
    rt->Post([rt, state, status, kind] {
      if (!status.ok()) {
        auto what = "registering " + kind + " '" + state->name + "'";
        rt->ReportRpcFailure(what, status);
        state->registered->Reject(what + " failed: " + status.error_message());
        return;
      }
      state->registered->Resolve(state->name, false, {});
    });
  });
  return state;
}

}  // namespace

ResourceHook::ResourceHook(Context& ctx, std::string name, ResourceHookFunction function, ResourceHookOptions opts) {
  auto hook_name = name;
  auto call = [function = std::move(function), hook_name](std::string const& request,
                                                          std::string* response) -> grpc::Status {
    pulumirpc::ResourceHookRequest req;
    if (!req.ParseFromString(request)) return InvalidRequest(hook_name, "malformed ResourceHookRequest");
    ResourceHookArgs args{.urn = req.urn(), .id = req.id(), .name = req.name(), .type = req.type()};
    for (auto [s, present, out, what] :
         {std::tuple{&req.new_inputs(), req.has_new_inputs(), &args.new_inputs, "new inputs"},
          std::tuple{&req.old_inputs(), req.has_old_inputs(), &args.old_inputs, "old inputs"},
          std::tuple{&req.new_outputs(), req.has_new_outputs(), &args.new_outputs, "new outputs"},
          std::tuple{&req.old_outputs(), req.has_old_outputs(), &args.old_outputs, "old outputs"}}) {
      if (auto st = DecodeInto(*s, present, *out); !st.ok()) {
        return InvalidRequest(hook_name, std::string(what) + ": " + std::string(st.message()));
      }
    }
    pulumirpc::ResourceHookResponse resp;
    try {
      function(args);
    } catch (...) {
      resp.set_error(internal::DescribeException(std::current_exception()));
    }
    resp.SerializeToString(response);
    return grpc::Status::OK;
  };
  state_ = RegisterHook(internal::RuntimeOf(ctx), std::move(name), false, std::move(call), opts);
}

std::string const& ResourceHook::name() const { return state_->name; }

ErrorHook::ErrorHook(Context& ctx, std::string name, ErrorHookFunction function) {
  auto hook_name = name;
  auto call = [function = std::move(function), hook_name](std::string const& request,
                                                          std::string* response) -> grpc::Status {
    pulumirpc::ErrorHookRequest req;
    if (!req.ParseFromString(request)) return InvalidRequest(hook_name, "malformed ErrorHookRequest");
    ErrorHookArgs args{.urn = req.urn(),
                       .id = req.id(),
                       .name = req.name(),
                       .type = req.type(),
                       .failed_operation = req.failed_operation(),
                       .errors = {req.errors().begin(), req.errors().end()}};
    for (auto [s, present, out, what] :
         {std::tuple{&req.new_inputs(), req.has_new_inputs(), &args.new_inputs, "new inputs"},
          std::tuple{&req.old_inputs(), req.has_old_inputs(), &args.old_inputs, "old inputs"},
          std::tuple{&req.old_outputs(), req.has_old_outputs(), &args.old_outputs, "old outputs"}}) {
      if (auto st = DecodeInto(*s, present, *out); !st.ok()) {
        return InvalidRequest(hook_name, std::string(what) + ": " + std::string(st.message()));
      }
    }
    pulumirpc::ErrorHookResponse resp;
    try {
      resp.set_retry(function(args));
    } catch (...) {
      resp.set_error(internal::DescribeException(std::current_exception()));
    }
    resp.SerializeToString(response);
    return grpc::Status::OK;
  };
  state_ = RegisterHook(internal::RuntimeOf(ctx), std::move(name), true, std::move(call), {});
}

std::string const& ErrorHook::name() const { return state_->name; }

}  // namespace pulumi
