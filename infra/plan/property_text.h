// Text forms shared by the plan's writers: type tokens as `pulumi preview` shows them, property values as
// one line ([secret] for secrets, (computed) for unknowns), and dotted property paths.
#ifndef APEX_PLAN_PROPERTY_TEXT_H
#define APEX_PLAN_PROPERTY_TEXT_H

#include "pulumi/property_value.h"

#include <optional>
#include <string>

namespace apex::plan {

inline constexpr char kSecretText[] = "[secret]";
inline constexpr char kComputedText[] = "(computed)";

/// "gcp:sql/databaseInstance:DatabaseInstance" -> "gcp:sql:DatabaseInstance", as pulumi's display does.
std::string DisplayType(std::string const& token);
/// "gcp:sql/databaseInstance:DatabaseInstance" -> "DatabaseInstance".
std::string ShortType(std::string const& token);

/// One line: strings quoted, integers without a fraction, arrays and objects inline, secrets as [secret],
/// unknowns as (computed). Longer than `max_chars` ends in "...".
std::string ValueText(pulumi::PropertyValue const& value, std::size_t max_chars = 96);

/// The value at a path like "settings.ipConfiguration.ipv4Enabled" or "template.containers[0].image"; a
/// secret or unknown on the way is the result itself. Empty when the path is absent.
std::optional<pulumi::PropertyValue> Lookup(pulumi::PropertyMap const& map, std::string const& path);

/// Columns taken by UTF-8 text (the tree's box-drawing characters are one column, three bytes).
std::size_t DisplayWidth(std::string const& text);

}  // namespace apex::plan

#endif  // APEX_PLAN_PROPERTY_TEXT_H
