// KEY=VALUE on the operator's command line: a dotted property path (list elements by index) and a value (JSON,
// or a plain string when it is not JSON), applied to a resource's stored properties the way the console would
// change them: objects made on the way, every secret on the way kept a secret.
#ifndef GCPSIM_CLI_ASSIGNMENT_H
#define GCPSIM_CLI_ASSIGNMENT_H

#include "pulumi/property_value.h"

#include <absl/status/statusor.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pulumi::gcpsim {

struct Assignment {
  std::string key;                ///< as typed, "settings.tier"
  std::vector<std::string> path;  ///< {"settings", "tier"}
  PropertyValue value;
};

/// KEY=VALUE, or an error for the usage line.
absl::StatusOr<Assignment> ParseAssignment(std::string const& arg);

/// Strict UTF-8 (no overlong forms, surrogates or code points past U+10FFFF): the database keeps JSON.
bool ValidUtf8(std::string_view s);

/// The value at `path` as stored (a secret stays wrapped); `secret` tells whether it or anything holding it is
/// a secret. Null when absent.
PropertyValue const* Find(PropertyValue const& root, std::span<std::string const> path, bool* secret);

/// Sets `value` at the assignment's path in `m`.
absl::Status Apply(PropertyMap& m, Assignment const& a, PropertyValue const& value);

}  // namespace pulumi::gcpsim

#endif  // GCPSIM_CLI_ASSIGNMENT_H
