#include "internal/program.h"

#include "internal/registration.h"
#include "pulumi/config.h"
#include "pulumi/run.h"

#include <iostream>
#include <optional>

namespace pulumi::internal {

int RunProgram(RunInfo info, std::unique_ptr<MonitorStub> monitor, std::unique_ptr<EngineStub> engine,
               std::function<void(Context&)> const& body) {
  auto rt = std::make_shared<Runtime>(std::move(info), std::move(monitor), std::move(engine));
  rt->Start();
  rt->NegotiateFeatures();
  // The Context outlives all work, so callbacks may capture it by reference.
  std::optional<Context> ctx;
  if (!rt->engine_lost() && !rt->failed()) {
    rt->Post([rt, &body, &ctx] {
      auto const& i = rt->info();
      rt->stack = RegisterResource(rt, kStackType, i.project + "-" + i.stack, false, {}, {});
      ctx.emplace(rt);
      try {
        body(*ctx);
      } catch (ConfigError const& e) {
        rt->ReportError(e.what());
      } catch (...) {
        rt->ReportError("the program failed: " + DescribeException(std::current_exception()));
      }
    });
    rt->WaitIdle();
    rt->Post([rt] {
      PropertyInputs outputs;
      for (auto& [name, state] : rt->TakeExports()) outputs.insert_or_assign(name, OutputOf(std::move(state)));
      RegisterOutputs(rt, rt->stack, outputs);
    });
    rt->WaitIdle();
  }
  // Every failure is reported where it arises and leaves the resources that needed its value unregistered.
  // A resource left unregistered without a report would be a bug in the SDK, and still a failed run.
  if (!rt->engine_lost() && !rt->failed()) {
    if (auto missing = rt->UnregisteredResources(); !missing.empty()) {
      std::string message =
          "the program ended with " + std::to_string(missing.size()) + " resource(s) it never registered:";
      for (auto const& m : missing) message += "\n\t" + m;
      rt->ReportError(message);
      rt->WaitIdle();
    }
  }
  // SignalAndWaitForShutdown tells the engine that the program has registered everything it will, and the
  // engine then deletes every resource of the stack that was not registered. After a failure the program
  // registered only part of the stack, so it exits without the signal and the engine keeps the state as it
  // was (doc/adr/0006-failed-runs.md).
  if (!rt->engine_lost() && !rt->failed()) {
    auto status = rt->monitor().SignalAndWaitForShutdown();
    if (!status.ok() && status.error_code() != grpc::StatusCode::UNIMPLEMENTED) {
      rt->ReportRpcFailure("SignalAndWaitForShutdown", status);
      rt->WaitIdle();
    }
  }
  rt->Stop();
  if (rt->engine_lost()) return 1;
  return rt->failed() ? kExitStatusLoggedError : 0;
}

}  // namespace pulumi::internal
