// The stacks a project reads, as infra/stack-graph.txt declares them: one StackReference per stack, named by its
// short name ("network"), whose outputs are read only as the graph lists them.
//
//   apex::StackReads stacks(ctx, common, "apex-databases");
//   auto network_id = stacks.Require("apex-network", apex::outputs::kNetworkId);
#ifndef APEX_STACK_READS_H
#define APEX_STACK_READS_H

#include "apex/config.h"
#include "apex/stack_graph.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>

namespace apex {

class StackReads {
 public:
  /// Registers a StackReference to each stack `project` reads, by the name ReferencedStack gives it.
  StackReads(pulumi::Context& ctx, CommonConfig const& common, std::string const& project);

  /// The output `output` of `producer`'s stack as a string; throws std::logic_error when the graph does not say
  /// that this project reads it (so the graph cannot fall behind the program).
  pulumi::Output<std::string> Require(std::string const& producer, std::string const& output) const;
  /// The same as its value, for outputs that are not strings.
  pulumi::Output<pulumi::PropertyValue> RequireValue(std::string const& producer, std::string const& output) const;

 private:
  pulumi::StackReference const& Declared(std::string const& producer, std::string const& output) const;

  GraphProject const& project_;
  std::map<std::string, pulumi::StackReference> references_;
};

}  // namespace apex

#endif  // APEX_STACK_READS_H
