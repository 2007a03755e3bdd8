// The runtime of one program run: the executor that runs the body and every Output callback, the pool
// that makes engine calls, outstanding-work tracking, feature negotiation and error reporting.
// See doc/adr/0002-output-threading.md.
#ifndef PULUMI_SRC_INTERNAL_RUNTIME_H
#define PULUMI_SRC_INTERNAL_RUNTIME_H

#include "internal/stubs.h"
#include "pulumi/internal/output_state.h"
#include "pulumi/property_value.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace pulumi::internal {

struct RunInfo {
  std::string project;
  std::string stack;
  std::string organization = "organization";
  std::string monitor_address;
  std::string engine_address;
  std::string root_directory;
  bool dry_run = false;
  int parallel = 16;
  std::map<std::string, std::string> config;
  std::set<std::string> config_secret_keys;
};

/// Reads the PULUMI_* environment set by the language host; fails naming the missing variable.
RunInfo RunInfoFromEnvironment(std::string* error);

struct Features {
  bool secrets = false;
  bool resource_references = false;
  bool output_values = false;
  bool alias_specs = false;
  bool deleted_with = false;
  bool resource_hooks = false;
  bool error_hooks = false;
  /// Invokes: the engine skips an invoke whose `dependsOn` resources are not yet created (answers unknown).
  bool invoke_depends_on = false;
  /// Invokes: arguments and results may be output values, each carrying its own dependencies and secrecy.
  bool invoke_output_values = false;
  /// Strings that are not valid UTF-8 travel as byte-string objects, both ways.
  bool byte_strings = false;
};

class CallbackServer;

/// True when a failed engine call means the engine is gone (the run fails however the caller handles it).
inline bool IsEngineLoss(grpc::Status const& status) {
  return status.error_code() == grpc::StatusCode::UNAVAILABLE || status.error_code() == grpc::StatusCode::CANCELLED;
}

enum class LogSeverity { kDebug = 0, kInfo = 1, kWarning = 2, kError = 3 };

class Runtime : public std::enable_shared_from_this<Runtime> {
 public:
  Runtime(RunInfo info, std::unique_ptr<MonitorStub> monitor, std::unique_ptr<EngineStub> engine);
  ~Runtime();
  Runtime(Runtime const&) = delete;
  Runtime& operator=(Runtime const&) = delete;

  /// Starts the executor and the engine-call pool; call once, right after construction.
  void Start();
  /// Waits for outstanding work, stops the threads and breaks reference cycles. Idempotent.
  void Stop();

  RunInfo const& info() const { return info_; }
  Features const& features() const { return features_; }
  /// Asks the engine what it supports (GetDeploymentInfo, falling back to SupportsFeature).
  void NegotiateFeatures();

  /// Runs fn on the executor. Counted as outstanding work until it returns.
  void Post(std::function<void()> fn);
  /// Runs an engine call on the pool. The call should Post its result before returning.
  void CallAsync(std::function<void()> rpc);
  /// Blocks until no task is queued or running and no engine call is in flight.
  void WaitIdle();
  bool OnExecutorThread() const;
  /// On the executor: runs queued tasks (nested in the current one) until done() holds, so that a blocking
  /// call in the program body can wait for work that completes on the executor. Returns false when
  /// nothing else can happen (no queued task and no engine call in flight) or the runtime stops.
  bool RunTasksUntil(std::function<bool()> const& done);

  MonitorStub& monitor() { return *monitor_; }
  /// The program's Callbacks server, started on first use; null, with the reason in error, if it cannot start.
  CallbackServer* callbacks(std::string* error);
  EngineStub& engine() { return *engine_; }

  void Log(LogSeverity severity, std::string message, std::string urn = "");
  /// Logs an error and marks the run failed (exit code 32).
  void ReportError(std::string const& message, std::string const& urn = "");
  /// Handles a failed engine call: an engine that went away ends the run with a clean message.
  void ReportRpcFailure(std::string const& what, grpc::Status const& status);
  /// Marks the run failed without logging (the error was shown another way).
  void MarkFailed();
  bool failed() const;
  bool engine_lost() const;

  /// Keeps resources alive for the run, so Stop can settle what is left pending.
  void Track(ResourceStatePtr resource);
  /// "type name" of every tracked resource the engine has not registered (no URN yet, or never).
  std::vector<std::string> UnregisteredResources() const;

  ResourceStatePtr stack;
  void AddExport(std::string name, std::shared_ptr<OutputState<PropertyValue>> value);
  std::vector<std::pair<std::string, std::shared_ptr<OutputState<PropertyValue>>>> TakeExports();

 private:
  void ExecutorLoop();
  void PoolLoop();
  void Done();
  void RunTask(std::function<void()>& task);

  RunInfo info_;
  Features features_;
  std::unique_ptr<MonitorStub> monitor_;
  std::unique_ptr<EngineStub> engine_;
  std::mutex callbacks_mu_;
  std::unique_ptr<CallbackServer> callbacks_;  // stopped by Stop, after the engine is done with the program

  mutable std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable pool_cv_;
  std::condition_variable idle_cv_;
  std::deque<std::function<void()>> tasks_;
  std::deque<std::function<void()>> calls_;
  std::size_t outstanding_ = 0;
  std::size_t executor_depth_ = 0;  // tasks running on the executor, nested ones included
  bool stopping_ = false;
  bool failed_ = false;
  bool engine_lost_ = false;
  bool reached_engine_ = false;  // set once, before the body runs
  std::thread executor_;
  std::thread::id executor_id_;
  std::vector<std::thread> pool_;
  std::vector<ResourceStatePtr> resources_;
  std::vector<std::pair<std::string, std::shared_ptr<OutputState<PropertyValue>>>> exports_;
};

}  // namespace pulumi::internal

#endif  // PULUMI_SRC_INTERNAL_RUNTIME_H
