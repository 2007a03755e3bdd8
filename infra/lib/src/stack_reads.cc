#include "apex/stack_reads.h"

#include <algorithm>
#include <stdexcept>

namespace apex {

StackReads::StackReads(pulumi::Context& ctx, CommonConfig const& common, std::string const& project)
    : project_(GraphProjectNamed(project)) {
  for (auto const& read : project_.reads) {
    references_.emplace(read.project, pulumi::StackReference(ctx, ShortName(read.project),
                                                             {.name = ReferencedStack(ctx, common, read.project)}));
  }
}

pulumi::StackReference const& StackReads::Declared(std::string const& producer, std::string const& output) const {
  auto const* read = project_.ReadOf(producer);
  if (read == nullptr || std::find(read->outputs.begin(), read->outputs.end(), output) == read->outputs.end()) {
    throw std::logic_error(project_.name + " reads " + producer + "'s output " + output +
                           ", which infra/stack-graph.txt does not list");
  }
  return references_.at(producer);
}

pulumi::Output<std::string> StackReads::Require(std::string const& producer, std::string const& output) const {
  return Declared(producer, output).RequireOutput<std::string>(output);
}

pulumi::Output<pulumi::PropertyValue> StackReads::RequireValue(std::string const& producer,
                                                               std::string const& output) const {
  return Declared(producer, output).RequireOutput(output);
}

}  // namespace apex
