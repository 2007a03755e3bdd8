#include "local_dependencies.h"

#include "pulumi/codegen/generator.h"
#include "pulumi/codegen/schema_loader.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace pulumi::host {
namespace {

namespace fs = std::filesystem;

/// The JSON object in `path`; std::nullopt with `error` set if it is missing or not an object.
std::optional<nlohmann::json> ReadJsonObject(fs::path const& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path.string() + " does not exist";
    return std::nullopt;
  }
  auto j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    *error = path.string() + ": not a JSON object";
    return std::nullopt;
  }
  return j;
}

}  // namespace

std::map<std::string, std::string> ReadLocalDependencies(std::string const& program_dir, std::string* error) {
  std::map<std::string, std::string> out;
  fs::path path = fs::path(program_dir) / kLocalDependenciesFile;
  if (!fs::exists(path)) return out;
  auto j = ReadJsonObject(path, error);
  if (!j) return {};
  for (auto const& [name, value] : j->items()) {
    if (!value.is_string() || value.get<std::string>().empty()) {
      *error = path.string() + ": " + codegen::JsonPathAppend("$", name) + " must be a non-empty string (a directory)";
      return {};
    }
    out[name] = value.get<std::string>();
  }
  return out;
}

std::map<std::string, std::string> ResolvedLocalDependencies(std::string const& program_dir, std::string* error) {
  auto deps = ReadLocalDependencies(program_dir, error);
  for (auto& [name, dir] : deps) {
    fs::path p(dir);
    if (p.is_relative()) p = fs::path(program_dir) / p;
    std::error_code ec;
    auto resolved = fs::weakly_canonical(p, ec);
    if (ec || !fs::is_directory(resolved)) {
      *error = "the local dependency '" + name + "' of " + program_dir + " (" + kLocalDependenciesFile +
               ") is not a directory: " + p.string();
      return {};
    }
    dir = resolved.string();
  }
  return deps;
}

std::optional<std::string> AddLocalDependencies(std::string const& program_dir,
                                                std::map<std::string, std::string> const& dependencies) {
  std::string error;
  auto deps = ReadLocalDependencies(program_dir, &error);
  if (!error.empty()) return error;
  for (auto const& [name, dir] : dependencies) deps[name] = dir;
  nlohmann::json j = nlohmann::json::object();
  for (auto const& [name, dir] : deps) j[name] = dir;
  return codegen::WriteFileAtomically(fs::path(program_dir) / kLocalDependenciesFile, j.dump(2) + "\n");
}

std::optional<PackageRequirement> ReadPackageFile(std::string const& dir, std::string* error) {
  fs::path path = fs::path(dir) / kPackageFile;
  auto j = ReadJsonObject(path, error);
  if (!j) return std::nullopt;
  auto r = ParsePackageEntry(*j, "$", error);
  if (!r) *error = path.string() + ": " + *error;
  return r;
}

std::vector<LinkedPackage> LinkedPackages(std::string const& program_dir, std::string* error) {
  std::vector<LinkedPackage> out;
  auto deps = ResolvedLocalDependencies(program_dir, error);
  for (auto const& [name, dir] : deps) {
    if (name == "pulumi") continue;
    auto r = ReadPackageFile(dir, error);
    if (!r) return {};
    out.push_back({name, dir, std::move(*r)});
  }
  return out;
}

std::string LinkedSdkVersion(std::string const& program_dir, std::string* error) {
  auto deps = ResolvedLocalDependencies(program_dir, error);
  auto it = deps.find("pulumi");
  if (it == deps.end()) return "";
  fs::path path = fs::path(it->second) / kSdkFile;
  if (!fs::exists(path)) return "";
  auto j = ReadJsonObject(path, error);
  if (!j) return "";
  if (!j->contains("version") || !(*j)["version"].is_string()) {
    *error = path.string() + ": $.version must be a string";
    return "";
  }
  return (*j)["version"].get<std::string>();
}

}  // namespace pulumi::host
