// Internal: YAML schemas are read by turning them into the JSON value the loader walks, so that errors
// name the same JSON paths for both.
#ifndef PULUMI_CODEGEN_SRC_YAML_JSON_H
#define PULUMI_CODEGEN_SRC_YAML_JSON_H

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace pulumi::codegen {

/// True when `text` is not JSON: its first non-blank character is not '{' (a schema is an object).
bool LooksLikeYaml(std::string const& text);

/// The JSON value of a YAML document: plain scalars become booleans, numbers or null as YAML 1.2's core
/// schema reads them; quoted scalars stay strings. On malformed YAML returns std::nullopt and sets `error`
/// ("line 4, column 7: ...").
std::optional<nlohmann::json> YamlToJson(std::string const& text, std::string* error);

}  // namespace pulumi::codegen

#endif  // PULUMI_CODEGEN_SRC_YAML_JSON_H
