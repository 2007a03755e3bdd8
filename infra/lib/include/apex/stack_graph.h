// The Apex projects and who reads whose stack, as infra/stack-graph.txt declares them (compiled in), and the
// names a stack is known by.
//
//   for (auto const& p : apex::StackGraph()) ...          // apex-network, apex-databases, ...: dependency order
//   apex::QualifiedStackName("organization", "apex-network", "dev")   // "organization/apex-network/dev"
#ifndef APEX_STACK_GRAPH_H
#define APEX_STACK_GRAPH_H

#include <string>
#include <vector>

namespace apex {

/// The outputs a project reads from one stack.
struct StackRead {
  std::string project;  ///< the producer: "apex-network"
  std::vector<std::string> outputs;
};

struct GraphProject {
  std::string name;              ///< "apex-databases"
  std::vector<StackRead> reads;  ///< in the order of stack-graph.txt, one per producer

  /// The producers' names.
  std::vector<std::string> ReadProjects() const;
  /// What this project reads from `producer`; nullptr when it reads nothing from it.
  StackRead const* ReadOf(std::string const& producer) const;
};

/// Every project, in dependency order (each reads only projects before it).
std::vector<GraphProject> const& StackGraph();
/// Throws std::out_of_range for a project not in the graph.
GraphProject const& GraphProjectNamed(std::string const& name);

/// Parses the text of stack-graph.txt; throws std::invalid_argument naming the line of a malformed one, a project
/// read before it is declared, or one declared twice.
std::vector<GraphProject> ParseStackGraph(std::string const& text);

/// "network" for apex-network: the logical name of the StackReference to it and the prefix of the config key
/// that names its stack explicitly (apex:networkStack).
std::string ShortName(std::string const& project);

/// "<organization>/<project>/<stack>": the fully qualified name a stack is referenced by.
std::string QualifiedStackName(std::string const& organization, std::string const& project, std::string const& stack);

/// The organization of the file backend's stacks, used when apex:stackOrganization is not set.
inline constexpr char kDefaultStackOrganization[] = "organization";

}  // namespace apex

#endif  // APEX_STACK_GRAPH_H
