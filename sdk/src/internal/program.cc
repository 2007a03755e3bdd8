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
      for (auto& [name, state] : rt->TakeExports()) outputs.insert_or_assign(name, Output<PropertyValue>(state));
      RegisterOutputs(rt, rt->stack, std::move(outputs));
    });
    rt->WaitIdle();
  }
  if (!rt->engine_lost()) {
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
