// Turning a loaded schema (schema.h) into C++ sources: the in-memory file tree that pulumi-gen-cpp writes.
// The layout is doc/adr/0004-codegen-layout.md:
//
//   include/pulumi/<pkg>/<module>/<resource>.h        args, state and class of one resource
//   include/pulumi/<pkg>/<module>/<function>.h        args, result, output and plain forms of one function
//   include/pulumi/<pkg>/<module>/types/<type>.h      one object type (output struct + Args) or enum
//   include/pulumi/<pkg>/<module>/module.h            includes every resource and function of the module
//   include/pulumi/<pkg>/provider.h, config/vars.h     the provider resource and the package's config
//   include/pulumi/<pkg>/internal/package.h           name, version and plugin download URL
//   src/<module>/part_<n>.cc                          the module's definitions, in a few translation units
//   modules.cmake                                     per module: sources, headers, modules it depends on
//
//   auto files = pulumi::codegen::Generate(package, {.schema_name = "gcp"});
//   if (!files) { for (auto const& e : files.errors) std::cerr << e << "\n"; }
#ifndef PULUMI_CODEGEN_GENERATOR_H
#define PULUMI_CODEGEN_GENERATOR_H

#include "pulumi/codegen/schema.h"

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pulumi::codegen {

struct GeneratorOptions {
  /// Named in every file's banner, e.g. "gcp" or the schema's file name.
  std::string schema_name;
  /// Generate only these modules and the modules they need (empty: all).
  std::set<std::string> modules;
  /// Roughly how many properties go into one translation unit of a module's definitions: larger parts
  /// mean fewer, slower compiles (see bench/README.md).
  std::size_t properties_per_source = 1500;
};

struct GeneratedPackage {
  /// Relative path -> content. Set when `errors` is empty.
  std::map<std::string, std::string> files;
  /// Module name -> the modules its code refers to (not itself).
  std::map<std::string, std::set<std::string>> module_deps;
  std::vector<std::string> errors;
  explicit operator bool() const { return errors.empty(); }
};

GeneratedPackage Generate(Package const& package, GeneratorOptions const& options);

/// Writes `files` under `out_dir` so that a failure leaves the previous tree (or nothing) behind: a new
/// directory is written beside `out_dir` and renamed into place; an existing tree is updated file by
/// file (each written to a temporary file and renamed), unchanged files are not touched (so builds stay
/// incremental), and files of an earlier generation that are no longer produced are removed. Returns an
/// error message, or std::nullopt.
std::optional<std::string> WriteTree(std::map<std::string, std::string> const& files,
                                     std::filesystem::path const& out_dir);

/// Writes one file through a temporary file and a rename, creating its directory. Returns an error message.
std::optional<std::string> WriteFileAtomically(std::filesystem::path const& path, std::string const& content);

}  // namespace pulumi::codegen

#endif  // PULUMI_CODEGEN_GENERATOR_H
