// URNs: urn:pulumi:<stack>::<project>::<qualified type>::<name>, where the qualified type is the
// parent's qualified type, "$", then the type (the root Stack's type is not prefixed).
#ifndef PULUMI_SRC_INTERNAL_URN_H
#define PULUMI_SRC_INTERNAL_URN_H

#include <optional>
#include <string>

namespace pulumi::internal {

struct UrnParts {
  std::string stack;
  std::string project;
  std::string qualified_type;
  std::string name;
  /// The last segment of the qualified type.
  std::string type() const;
};

std::optional<UrnParts> ParseUrn(std::string const& urn);

/// The URN the engine gives a resource of `type` and `name` under `parent_urn` (empty for none).
std::string MakeUrn(std::string const& stack, std::string const& project, std::string const& parent_urn,
                    std::string const& type, std::string const& name);

}  // namespace pulumi::internal

#endif  // PULUMI_SRC_INTERNAL_URN_H
