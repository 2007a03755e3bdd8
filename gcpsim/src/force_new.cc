#include "force_new.h"

#include <nlohmann/json.hpp>

namespace pulumi::gcpsim {

extern char const kForceNewJson[];  // generated from gcpsim/data/force_new.json

namespace {

std::set<std::string> const kNone;

}  // namespace

ForceNewTable const& ForceNewTable::Builtin() {
  static ForceNewTable const table = [] {
    auto parsed = Parse(kForceNewJson);
    if (!parsed.ok()) throw std::logic_error("the built-in force-new table is broken: " + parsed.status().ToString());
    return *std::move(parsed);
  }();
  return table;
}

absl::StatusOr<ForceNewTable> ForceNewTable::Parse(std::string const& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return absl::InvalidArgumentError("force_new.json: $: not a JSON object");
  ForceNewTable t;
  auto strings = [](nlohmann::json const& list, std::string const& where) -> absl::StatusOr<std::set<std::string>> {
    if (!list.is_array()) return absl::InvalidArgumentError("force_new.json: " + where + ": not a list");
    std::set<std::string> out;
    for (auto const& s : list) {
      if (!s.is_string()) return absl::InvalidArgumentError("force_new.json: " + where + ": not a list of strings");
      out.insert(s.get<std::string>());
    }
    return out;
  };
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key().starts_with("_")) continue;
    auto where = "$[\"" + it.key() + "\"].forceNew";
    if (!it->is_object() || !it->contains("forceNew")) {
      return absl::InvalidArgumentError("force_new.json: " + where + ": missing");
    }
    auto paths = strings((*it)["forceNew"], where);
    if (!paths.ok()) return paths.status();
    t.paths_[it.key()] = *std::move(paths);
  }
  if (auto b = j.find("_blockForceNew"); b != j.end()) {
    for (auto it = b->begin(); it != b->end(); ++it) {
      auto blocks = strings(*it, "$._blockForceNew[\"" + it.key() + "\"]");
      if (!blocks.ok()) return blocks.status();
      t.blocks_[it.key()] = *std::move(blocks);
    }
  }
  if (auto d = j.find("_deleteBeforeReplace"); d != j.end() && d->contains("types")) {
    auto types = strings((*d)["types"], "$._deleteBeforeReplace.types");
    if (!types.ok()) return types.status();
    t.delete_before_replace_ = *std::move(types);
  }
  return t;
}

bool ForceNewTable::IsBlock(std::string const& type, std::string const& path) const {
  auto it = blocks_.find(type);
  return it != blocks_.end() && it->second.contains(path);
}

std::set<std::string> const& ForceNewTable::Paths(std::string const& type) const {
  auto it = paths_.find(type);
  return it == paths_.end() ? kNone : it->second;
}

bool ForceNewTable::Replaces(std::string const& type, std::string const& path, bool structural) const {
  auto const& listed = Paths(type);
  if (listed.contains(path) && (structural || !IsBlock(type, path))) return true;
  // A listed list or map of scalars replaces on a change of any element or key.
  for (auto dot = path.rfind('.'); dot != std::string::npos;
       dot = dot == 0 ? std::string::npos : path.rfind('.', dot - 1)) {
    auto ancestor = path.substr(0, dot);
    if (listed.contains(ancestor) && !IsBlock(type, ancestor)) return true;
  }
  return false;
}

bool ForceNewTable::AnyUnder(std::string const& type, std::string const& path) const {
  auto const& listed = Paths(type);
  for (auto it = listed.lower_bound(path + "."); it != listed.end() && it->starts_with(path + "."); ++it) return true;
  return false;
}

std::vector<std::string> ForceNewTable::Types() const {
  std::vector<std::string> out;
  for (auto const& [t, _] : paths_) out.push_back(t);
  return out;
}

}  // namespace pulumi::gcpsim
