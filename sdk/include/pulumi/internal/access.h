// Internal: the SDK's one way into what its public types hold (the state behind an Output, a Resource or a
// hook, the runtime behind a Context, the per-entry value of an Input). Not part of the public API
// (doc/adr/0013-sealed-public-api.md): the public classes keep these private and befriend the functions
// declared here, which the SDK's header templates and sources call. A program has no use for them.
#ifndef PULUMI_INTERNAL_ACCESS_H
#define PULUMI_INTERNAL_ACCESS_H

#include "pulumi/internal/output_state.h"

#include <memory>
#include <optional>
#include <utility>

namespace pulumi {

template <typename T>
class Output;
template <typename T>
class Input;
class PropertyValue;
class Resource;
class Context;
class ResourceHook;
class ErrorHook;

namespace internal {

struct HookState;

/// The shared state behind an output.
template <typename T>
std::shared_ptr<OutputState<T>> const& StateOf(Output<T> const& output) {
  return output.state_;
}

/// An output over an existing state (one that the SDK settles).
template <typename T>
Output<T> OutputOf(std::shared_ptr<OutputState<T>> state) {
  return Output<T>(std::move(state));
}

/// The per-entry value an Input sends to the engine when it keeps more than ToOutput() does (per-entry
/// secrecy, or null for an absent optional), else nothing.
template <typename T>
std::optional<Output<PropertyValue>> const& EntriesOf(Input<T> const& input) {
  return input.entries_;
}

/// The registration state of a resource (defined in pulumi/resource.h).
inline std::shared_ptr<ResourceState> const& StateOf(Resource const& resource);
/// The registration state of a hook (defined in pulumi/hooks.h).
inline std::shared_ptr<HookState> const& StateOf(ResourceHook const& hook);
inline std::shared_ptr<HookState> const& StateOf(ErrorHook const& hook);
/// The runtime of the program a Context belongs to (defined in pulumi/context.h).
inline std::shared_ptr<Runtime> const& RuntimeOf(Context const& ctx);

}  // namespace internal
}  // namespace pulumi

#endif  // PULUMI_INTERNAL_ACCESS_H
