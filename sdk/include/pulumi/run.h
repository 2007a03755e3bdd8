// Run: the entry point of a Pulumi program.
//
//   int main() {
//     return pulumi::Run([](pulumi::Context& ctx) { ... });
//   }
//
// Run reads the PULUMI_* environment that the language host sets, connects to the engine, registers the
// root Stack, runs the body, waits for all outstanding work, registers the stack outputs and returns the
// process exit code: 0 on success, 32 when an error was logged through the engine, 1 when the engine could
// not be reached (the message then goes to stderr).
#ifndef PULUMI_RUN_H
#define PULUMI_RUN_H

#include "pulumi/context.h"

#include <functional>

namespace pulumi {

/// Exit code of a program whose error has already been logged through the engine.
inline constexpr int kExitStatusLoggedError = 32;

struct RunOptions {
  /// Concurrent engine calls; 0 takes PULUMI_PARALLEL (or a default of 16).
  int parallel = 0;
};

int Run(std::function<void(Context&)> const& body, RunOptions const& options = {});

}  // namespace pulumi

#endif  // PULUMI_RUN_H
