#include "pulumi/context.h"

#include "internal/registration.h"
#include "internal/resource_state.h"
#include "internal/runtime.h"

#include <stdexcept>

namespace pulumi {
namespace {

/// A ComponentResource handle for the root stack, which the SDK registers itself.
class StackHandle : public ComponentResource {
 public:
  explicit StackHandle(internal::ResourceStatePtr state) : ComponentResource(std::move(state)) {}
};

void LogWithResource(std::shared_ptr<internal::Runtime> const& rt, internal::LogSeverity severity,
                     std::string const& message, std::optional<Resource> const& resource) {
  if (!rt) return;
  if (!resource) {
    rt->Log(severity, message);
    return;
  }
  auto state = internal::StateOf(*resource);
  internal::AwaitResources({state}, {}, [rt, severity, message, state](std::optional<std::string> const&) {
    rt->Log(severity, message, internal::KnownUrn(state));
  });
}

}  // namespace

void Log::Debug(std::string const& message, std::optional<Resource> const& resource) const {
  LogWithResource(runtime_, internal::LogSeverity::kDebug, message, resource);
}
void Log::Info(std::string const& message, std::optional<Resource> const& resource) const {
  LogWithResource(runtime_, internal::LogSeverity::kInfo, message, resource);
}
void Log::Warn(std::string const& message, std::optional<Resource> const& resource) const {
  LogWithResource(runtime_, internal::LogSeverity::kWarning, message, resource);
}
void Log::Error(std::string const& message, std::optional<Resource> const& resource) const {
  if (runtime_) {
    // An error logged by the program fails the run, as in Pulumi's other SDKs.
    LogWithResource(runtime_, internal::LogSeverity::kError, message, resource);
    runtime_->MarkFailed();
  }
}

Context::Context(std::shared_ptr<internal::Runtime> rt)
    : runtime_(std::move(rt)), log_(runtime_), stack_(StackHandle(runtime_->stack)) {}

std::string const& Context::project() const { return runtime_->info().project; }
std::string const& Context::stack() const { return runtime_->info().stack; }
std::string const& Context::organization() const { return runtime_->info().organization; }
std::string const& Context::root_directory() const { return runtime_->info().root_directory; }
bool Context::dry_run() const { return runtime_->info().dry_run; }

void Context::RequirePulumiVersion(std::string const& range) const {
  pulumirpc::RequirePulumiVersionRequest request;
  request.set_pulumi_version_range(range);
  auto status = runtime_->engine().RequirePulumiVersion(request);
  if (status.error_code() == grpc::StatusCode::UNIMPLEMENTED) {
    throw std::runtime_error("the Pulumi CLI does not support the RequirePulumiVersion call; upgrade the Pulumi CLI");
  }
  if (!status.ok()) throw std::runtime_error(status.error_message());
}

ComponentResource const& Context::stack_resource() const { return stack_; }

void Context::Export(std::string const& name, Input<PropertyValue> const& value) {
  runtime_->AddExport(name, internal::StateOf(value.ToOutput()));
}

}  // namespace pulumi
