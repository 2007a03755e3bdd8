// The SDK's record of one resource or error hook: its name and the registration the resources bound to it
// wait for.
#ifndef PULUMI_SRC_INTERNAL_HOOK_STATE_H
#define PULUMI_SRC_INTERNAL_HOOK_STATE_H

#include "pulumi/internal/output_state.h"

#include <memory>
#include <string>

namespace pulumi::internal {

struct HookState {
  HookState(std::shared_ptr<Runtime> const& rt, std::string name_)
      : name(std::move(name_)), registered(NewOutputState<std::string>(rt)) {}

  std::string const name;
  /// Resolves to the name once the engine has registered the hook; rejected (and reported) if it failed.
  std::shared_ptr<OutputState<std::string>> const registered;
};

}  // namespace pulumi::internal

#endif  // PULUMI_SRC_INTERNAL_HOOK_STATE_H
