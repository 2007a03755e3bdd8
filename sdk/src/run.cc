#include "pulumi/run.h"

#include "internal/program.h"
#include "internal/runtime.h"
#include "internal/stubs.h"

#include <iostream>

namespace pulumi {

int Run(std::function<void(Context&)> const& body, RunOptions const& options) {
  std::string error;
  auto info = internal::RunInfoFromEnvironment(&error);
  if (!error.empty()) {
    std::cerr << "error: " << error << "\n";
    return 1;
  }
  if (options.parallel > 0) info.parallel = options.parallel;
  auto monitor = internal::MakeGrpcMonitorStub(info.monitor_address);
  auto engine = internal::MakeGrpcEngineStub(info.engine_address);
  return internal::RunProgram(std::move(info), std::move(monitor), std::move(engine), body);
}

}  // namespace pulumi
