// labels-remediate: adds the standard labels a labelable resource lacks (APEX-11), with values from its config,
// else from the stack. It runs only when configured at level remediate; a label already set is never changed.
#include "labels.h"
#include "policies.h"
#include "policy_support.h"

#include <map>

namespace apex::policy {
namespace {

using pulumi::PropertyMap;
using pulumi::PropertyValue;

bool IsMissing(PropertyMap const& labels, std::string const& key) {
  auto it = labels.find(key);
  return it == labels.end() || it->second.is_null() || (it->second.is_string() && it->second.AsString().empty());
}

/// `map` with the labels object at keys[depth..] given the missing ones of `wanted`; nullopt when nothing is
/// missing, or when a value on the way is a secret, unknown or not an object (left as the program set it).
std::optional<PropertyMap> AddMissing(PropertyMap map, std::vector<std::string> const& keys, std::size_t depth,
                                      std::map<std::string, std::string> const& wanted) {
  if (depth == keys.size()) {
    bool changed = false;
    for (auto const& [key, value] : wanted) {
      if (!IsMissing(map, key)) continue;
      map[key] = value;
      changed = true;
    }
    if (!changed) return std::nullopt;
    return map;
  }
  PropertyMap child;
  if (auto it = map.find(keys[depth]); it != map.end() && !it->second.is_null()) {
    if (!it->second.is_object()) return std::nullopt;
    child = it->second.AsObject();
  }
  auto edited = AddMissing(std::move(child), keys, depth + 1, wanted);
  if (!edited) return std::nullopt;
  map[keys[depth]] = PropertyValue(std::move(*edited));
  return map;
}

std::vector<std::string> Split(std::string const& path) {
  std::vector<std::string> keys;
  std::size_t start = 0;
  for (auto dot = path.find('.'); dot != std::string::npos; start = dot + 1, dot = path.find('.', start)) {
    keys.push_back(path.substr(start, dot - start));
  }
  keys.push_back(path.substr(start));
  return keys;
}

std::optional<PropertyMap> Remediate(PackOptions const& options, pp::ResourceRemediationArgs const& args) {
  auto path = LabelsPathOf(args.resource.type);
  if (!path) return std::nullopt;
  auto setting = [&](char const* key, std::string const& fallback) {
    auto it = args.config.find(key);
    return it != args.config.end() && it->is_string() ? it->get<std::string>() : fallback;
  };
  std::map<std::string, std::string> wanted = {{"environment", setting("environment", options.environment)},
                                               {"project", setting("project", args.stack.project)},
                                               {"managed-by", setting("managedBy", "pulumi")},
                                               {"cost-center", setting("costCenter", "")}};
  std::erase_if(wanted, [](auto const& entry) { return entry.second.empty(); });
  return AddMissing(args.resource.properties.raw(), Split(*path), 0, wanted);
}

}  // namespace

Policies LabelRemediationPolicies(PackOptions const& options) {
  return {pp::ResourceRemediationPolicy{
      .name = "labels-remediate",
      .description = "Adds the labels environment, project, managed-by and cost-center that a labelable resource "
                     "lacks (APEX-11; runs only at level remediate)",
      .enforcement_level = pp::EnforcementLevel::kDisabled,
      .config_schema =
          pp::ConfigSchema{
              .properties = {{"environment", StringSchema("environment label; default: the stack's environment")},
                             {"project", StringSchema("project label; default: the stack's Pulumi project")},
                             {"costCenter", StringSchema("cost-center label; without it cost-center is not added")},
                             {"managedBy", StringSchema("managed-by label; default: pulumi")}}},
      .remediate = [options](pp::ResourceRemediationArgs const& args) { return Remediate(options, args); }}};
}

}  // namespace apex::policy
