// Context: the running program's view of its deployment (project, stack, preview or update), stack
// outputs and engine logging.
//
//   int main() {
//     return pulumi::Run([](pulumi::Context& ctx) {
//       ctx.log().Info("deploying " + ctx.stack());
//       ctx.Export("bucket", bucket.GetOutput("url"));
//     });
//   }
#ifndef PULUMI_CONTEXT_H
#define PULUMI_CONTEXT_H

#include "pulumi/convert.h"
#include "pulumi/input.h"
#include "pulumi/output.h"
#include "pulumi/property_value.h"
#include "pulumi/resource.h"

#include <memory>
#include <optional>
#include <string>

namespace pulumi {

/// Messages that the engine shows with the deployment (and stores with the resource, if given).
class Log {
 public:
  void Debug(std::string const& message, std::optional<Resource> const& resource = std::nullopt) const;
  void Info(std::string const& message, std::optional<Resource> const& resource = std::nullopt) const;
  void Warn(std::string const& message, std::optional<Resource> const& resource = std::nullopt) const;
  void Error(std::string const& message, std::optional<Resource> const& resource = std::nullopt) const;

 private:
  friend class Context;
  explicit Log(std::shared_ptr<internal::Runtime> rt) : runtime_(std::move(rt)) {}
  std::shared_ptr<internal::Runtime> runtime_;
};

class Context {
 public:
  explicit Context(std::shared_ptr<internal::Runtime> rt);

  std::string const& project() const;
  std::string const& stack() const;
  std::string const& organization() const;
  /// The directory of the project's Pulumi.yaml (the program may live below it, see `main:`).
  std::string const& root_directory() const;
  /// True during `pulumi preview` (and the preview phase of `pulumi up`).
  bool dry_run() const;

  /// Fails (throws std::runtime_error with the engine's message) unless the Pulumi CLI running this program
  /// satisfies the semver range, e.g. ">=3.100.0" or ">=3.5.0 !3.7.7" or "<3.4.0 || >3.8.0".
  void RequirePulumiVersion(std::string const& range) const;

  /// The root pulumi:pulumi:Stack resource, the default parent of every resource.
  ComponentResource const& stack_resource() const;

  /// Adds a stack output, registered when the program body returns. Takes a value or an Output<T> of
  /// anything ToPropertyValue converts.
  void Export(std::string const& name, Input<PropertyValue> const& value);

  Log const& log() const { return log_; }

 private:
  friend std::shared_ptr<internal::Runtime> const& internal::RuntimeOf(Context const& ctx);

  std::shared_ptr<internal::Runtime> runtime_;
  Log log_;
  ComponentResource stack_;
};

namespace internal {
inline std::shared_ptr<Runtime> const& RuntimeOf(Context const& ctx) { return ctx.runtime_; }
}  // namespace internal

}  // namespace pulumi

#endif  // PULUMI_CONTEXT_H
