// StackReference: reads the outputs of another stack.
//
//   pulumi::StackReference network(ctx, "network", {.name = "organization/apex-network/dev"});
//   pulumi::Output<std::string> vpc = network.RequireOutput<std::string>("networkId");
//
// Outputs that are secret in the other stack stay secret here. RequireOutput fails (and the program exits
// with the error logged) when the stack has no such output.
#ifndef PULUMI_STACK_REFERENCE_H
#define PULUMI_STACK_REFERENCE_H

#include "pulumi/context.h"
#include "pulumi/output.h"
#include "pulumi/resource.h"

#include <optional>
#include <string>

namespace pulumi {

struct StackReferenceArgs {
  /// "<org>/<project>/<stack>"; defaults to the resource name.
  std::optional<std::string> name{};
};

class StackReference : public CustomResource {
 public:
  StackReference(Context& ctx, std::string const& resource_name, StackReferenceArgs const& args = {},
                 ResourceOptions const& opts = {});

  /// The referenced stack's fully qualified name.
  std::string const& stack_name() const { return stack_name_; }

  /// The output, or null when the stack has no such output.
  Output<PropertyValue> GetOutput(std::string const& name) const;
  /// The output; fails with an error naming the output and the stack when it is missing.
  Output<PropertyValue> RequireOutput(std::string const& name) const;
  template <typename T>
  Output<T> RequireOutput(std::string const& name) const {
    return RequireOutput(name).Apply([](PropertyValue const& v) { return FromPropertyValue<T>(v); });
  }
  template <typename T>
  Output<std::optional<T>> GetOutput(std::string const& name) const {
    return GetOutput(name).Apply([](PropertyValue const& v) { return FromPropertyValue<std::optional<T>>(v); });
  }

 private:
  std::string stack_name_;
};

}  // namespace pulumi

#endif  // PULUMI_STACK_REFERENCE_H
