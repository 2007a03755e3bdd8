// What the Apex policies share: a validation policy limited to some resource types, reads of a resource's
// inputs that tolerate unknown values where the policy does not need them, and the policies' config.
#ifndef APEX_POLICY_POLICY_SUPPORT_H
#define APEX_POLICY_POLICY_SUPPORT_H

#include "pulumi/policy/policy.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace apex::policy {

namespace pp = pulumi::policy;

/// A resource validation policy that runs `validate` only on resources of one of `types`. Any text of a secret
/// input that a message quotes shows as [secret].
pp::ResourceValidationPolicy ForTypes(std::string name, std::string description, std::vector<std::string> types,
                                      std::function<void(pp::ResourceValidationArgs const&)> validate,
                                      std::optional<pp::ConfigSchema> config_schema = std::nullopt);

/// The number of elements of the list at path (0 when absent or null). The elements may be unknown; the list
/// itself, or a step to it, may not (UnknownValueError).
std::size_t ListSize(pp::Properties const& properties, std::string const& path);

/// Whether the value at path is set (neither absent nor null). An unknown value is set; an unknown step to it
/// throws UnknownValueError.
bool IsSet(pp::Properties const& properties, std::string const& path);

/// A string, number or bool at path as text ("-1", "on", "true"); nullopt when absent.
std::optional<std::string> ScalarText(pp::Properties const& properties, std::string const& path);

/// The string at path for a message: "(not known yet)" when unknown, "(not set)" when absent.
std::string Describe(pp::Properties const& properties, std::string const& path);

std::string Lower(std::string s);
std::string Upper(std::string s);
bool Contains(std::vector<std::string> const& list, std::string const& value);
std::string Join(std::vector<std::string> const& list, std::string const& separator = ", ");

/// "projects/p/locations/l/services/api" -> "api".
std::string LastSegment(std::string const& path);

/// A source range that is the whole internet: 0.0.0.0/0, ::/0 (any /0), or 0.0.0.0 and * without a mask.
bool IsWholeInternet(std::string const& cidr);

/// The policy config property `key` as a list of strings, or `fallback` when the config does not set it.
std::vector<std::string> ConfigStrings(nlohmann::json const& config, std::string const& key,
                                       std::vector<std::string> const& fallback);

/// JSON schemas of config properties, with their defaults.
nlohmann::json StringListSchema(std::string const& description, std::vector<std::string> const& fallback);
nlohmann::json StringSchema(std::string const& description);
nlohmann::json NumberSchema(std::string const& description, double fallback, double minimum);

}  // namespace apex::policy

#endif  // APEX_POLICY_POLICY_SUPPORT_H
