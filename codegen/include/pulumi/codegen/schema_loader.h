// Loading a Pulumi package schema (JSON) into the resolved model of schema.h.
//
//   std::ifstream in("gcp.json");
//   std::string text{std::istreambuf_iterator<char>(in), {}};
//   pulumi::codegen::LoadResult r = pulumi::codegen::Load(text, "gcp.json");
//   if (!r) {
//     for (auto const& e : r.errors) std::cerr << e.ToString() << "\n";
//     // gcp.json: $.resources["gcp:sql/databaseInstance:DatabaseInstance"].inputProperties.settings.$ref:
//     //   dangling $ref: type "gcp:sql/X:X" is not defined in the schema
//   }
//
// JSON or YAML (a text whose first non-blank character is not '{'); YAML is turned into the same JSON value,
// so errors name the same JSON paths.
#ifndef PULUMI_CODEGEN_SCHEMA_LOADER_H
#define PULUMI_CODEGEN_SCHEMA_LOADER_H

#include "pulumi/codegen/schema.h"

#include <optional>
#include <string>
#include <vector>

namespace pulumi::codegen {

struct LoadError {
  std::string source;  ///< the `source_name` given to Load
  /// A JSONPath into the schema: `$.resources["gcp:sql/x:X"].inputProperties.tier.$ref`. Keys that are
  /// identifiers (letters, digits, `_`, `$`) use `.key`; others use `["key"]` with JSON string escapes.
  std::string path;
  std::string message;

  /// "<source>: <path>: <message>".
  std::string ToString() const;
};

struct LoadResult {
  std::optional<Package> package;  ///< set if and only if `errors` is empty
  std::vector<LoadError> errors;   ///< in schema order (keys sorted); at most kMaxErrors

  static constexpr std::size_t kMaxErrors = 100;
  explicit operator bool() const { return package.has_value(); }
};

/// Parses (JSON or YAML) and resolves a schema. Never throws for bad input: every problem is a LoadError.
LoadResult Load(std::string const& text, std::string const& source_name);

/// Appends a key to a JSONPath in the style of LoadError::path.
std::string JsonPathAppend(std::string const& path, std::string const& key);
/// Appends an array index: `path[3]`.
std::string JsonPathAppend(std::string const& path, std::size_t index);

}  // namespace pulumi::codegen

#endif  // PULUMI_CODEGEN_SCHEMA_LOADER_H
