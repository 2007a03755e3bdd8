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
#include <string>
#include <vector>

namespace pulumi {

struct InvokeOptions {
  std::optional<Resource> parent;
  std::optional<ProviderResource> provider;
  std::vector<Resource> depends_on;
  std::string version;
  std::string plugin_download_url;
};

Output<PropertyMap> Invoke(Context& ctx, std::string const& token, PropertyInputs args,
                           InvokeOptions const& opts = {});

}  // namespace pulumi

#endif  // PULUMI_INVOKE_H
