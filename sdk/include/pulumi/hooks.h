// Resource hooks: functions of the program that the engine calls before or after it creates, updates or
// deletes a resource (ResourceHook), or when one of those operations fails (ErrorHook). Bind them to a
// resource with ResourceOptions::hooks.
//
//   pulumi::ResourceHook notify(ctx, "notify", [](pulumi::ResourceHookArgs const& args) {
//     std::cout << "created " << args.urn << '\n';  // throw to fail the operation
//   });
//   pulumi::ErrorHook retry(ctx, "retry", [](pulumi::ErrorHookArgs const& args) {
//     return args.errors.size() < 3;  // true: retry the failed operation
//   });
//   pulumi::CustomResource db(ctx, "gcp:sql/databaseInstance:DatabaseInstance", "db", {...},
//                             {.hooks = {.after_create = {notify}, .on_error = {retry}}});
//
// The engine calls a hook through a gRPC server the program starts with its first hook; the function runs
// on a thread of that server, not on the program's executor, so it takes plain values and must not wait for
// outputs. A hook runs for every resource bound to it, until the program (and the engine's deletes after
// it) ends.
#ifndef PULUMI_HOOKS_H
#define PULUMI_HOOKS_H

#include "pulumi/internal/access.h"
#include "pulumi/property_value.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace pulumi {

class Context;

/// What a resource hook is called with. Inputs and outputs the operation does not have are empty (e.g.
/// old_outputs of a create).
struct ResourceHookArgs {
  std::string urn{};
  std::string id{};
  std::string name{};
  std::string type{};
  PropertyMap new_inputs{};
  PropertyMap old_inputs{};
  PropertyMap new_outputs{};
  PropertyMap old_outputs{};
};

/// A resource hook's function: return to succeed, throw to fail the operation (its message is the error).
using ResourceHookFunction = std::function<void(ResourceHookArgs const& args)>;

struct ResourceHookOptions {
  /// Also run the hook in previews (by default only in updates).
  bool on_dry_run = false;
  /// A failure of the hook is a warning instead of failing the operation.
  bool ignore_errors = false;
};

/// A hook registered with the engine under a name unique in the program. Cheap to copy.
class ResourceHook {
 public:
  ResourceHook(Context& ctx, std::string name, ResourceHookFunction function, ResourceHookOptions opts = {});
  std::string const& name() const;

 private:
  friend std::shared_ptr<internal::HookState> const& internal::StateOf(ResourceHook const& hook);
  std::shared_ptr<internal::HookState> state_;
};

namespace internal {
inline std::shared_ptr<HookState> const& StateOf(ResourceHook const& hook) { return hook.state_; }
}  // namespace internal

/// What an error hook is called with.
struct ErrorHookArgs {
  std::string urn{};
  std::string id{};
  std::string name{};
  std::string type{};
  PropertyMap new_inputs{};
  PropertyMap old_inputs{};
  PropertyMap old_outputs{};
  /// "create", "update" or "delete".
  std::string failed_operation{};
  /// The errors of the operation so far, newest first.
  std::vector<std::string> errors{};
};

/// An error hook's function: true retries the failed operation, false lets it fail; throwing fails it with
/// the hook's message.
using ErrorHookFunction = std::function<bool(ErrorHookArgs const& args)>;

/// An error hook registered with the engine under a name unique in the program. Cheap to copy.
class ErrorHook {
 public:
  ErrorHook(Context& ctx, std::string name, ErrorHookFunction function);
  std::string const& name() const;

 private:
  friend std::shared_ptr<internal::HookState> const& internal::StateOf(ErrorHook const& hook);
  std::shared_ptr<internal::HookState> state_;
};

namespace internal {
inline std::shared_ptr<HookState> const& StateOf(ErrorHook const& hook) { return hook.state_; }
}  // namespace internal

/// The hooks bound to a resource, by step of its lifecycle.
struct ResourceHookBinding {
  std::vector<ResourceHook> before_create{};
  std::vector<ResourceHook> after_create{};
  std::vector<ResourceHook> before_update{};
  std::vector<ResourceHook> after_update{};
  std::vector<ResourceHook> before_delete{};
  std::vector<ResourceHook> after_delete{};
  std::vector<ErrorHook> on_error{};

  bool empty() const {
    return before_create.empty() && after_create.empty() && before_update.empty() && after_update.empty() &&
           before_delete.empty() && after_delete.empty() && on_error.empty();
  }
};

}  // namespace pulumi

#endif  // PULUMI_HOOKS_H
