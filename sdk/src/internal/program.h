// The run loop shared by pulumi::Run (real engine) and MockDeployment::Run (mocks).
#ifndef PULUMI_SRC_INTERNAL_PROGRAM_H
#define PULUMI_SRC_INTERNAL_PROGRAM_H

#include "internal/runtime.h"
#include "pulumi/context.h"

#include <functional>
#include <memory>

namespace pulumi::internal {

/// Registers the stack, runs the body, waits for all work, registers the stack outputs, signals shutdown.
/// Returns the exit code: 0, 32 (error logged) or 1 (engine unreachable).
int RunProgram(RunInfo info, std::unique_ptr<MonitorStub> monitor, std::unique_ptr<EngineStub> engine,
               std::function<void(Context&)> const& body);

}  // namespace pulumi::internal

#endif  // PULUMI_SRC_INTERNAL_PROGRAM_H
