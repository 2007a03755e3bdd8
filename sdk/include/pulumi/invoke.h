// Invokes: calls of provider functions (data sources), e.g. gcp:organizations/getProject:getProject.
//
//   auto project = pulumi::Invoke(ctx, "gcp:organizations/getProject:getProject", {{"projectId", "apex"}});
//   auto number = project.Apply([](pulumi::PropertyMap const& r) { return r.at("number").AsString(); });
//
// The result is an output: it waits for output arguments, is secret when an argument is, and fails with
// the provider's reasons when the provider reports failures.
#ifndef PULUMI_INVOKE_H
#define PULUMI_INVOKE_H

#include "pulumi/context.h"
#include "pulumi/output.h"
#include "pulumi/resource.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace pulumi {

/// Options of an invoke; unset ones are std::nullopt or empty, as in ResourceOptions.
struct InvokeOptions {
  std::optional<Resource> parent{};
  std::optional<ProviderResource> provider{};
  std::vector<Resource> depends_on{};
  std::optional<std::string> version{};
  std::optional<std::string> plugin_download_url{};
  /// The function of a parameterized package: the reference PackageReference (pulumi/package.h) returned
  /// for it, which names the package instead of version and plugin_download_url. Its generated functions
  /// set it.
  std::optional<std::string> package_ref{};
};

Output<PropertyMap> Invoke(Context& ctx, std::string const& token, PropertyInputs const& args,
                           InvokeOptions const& opts = {});

/// Thrown by InvokePlain when the provider reports failures or the call cannot complete.
class InvokeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The plain form: takes values and blocks until the provider answers (the body keeps running the
/// program's other work meanwhile, so an explicit provider that is still being registered is fine).
/// Throws InvokeError when the invoke fails or its result is unknown.
PropertyMap InvokePlain(Context& ctx, std::string const& token, PropertyMap args, InvokeOptions const& opts = {});

}  // namespace pulumi

#endif  // PULUMI_INVOKE_H
