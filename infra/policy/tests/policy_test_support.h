// Hand-built resources for the pack's tests, and the pack run on them through pulumi::policy::Analyzer for a
// stack, as the engine runs it.
#ifndef APEX_POLICY_TESTS_POLICY_TEST_SUPPORT_H
#define APEX_POLICY_TESTS_POLICY_TEST_SUPPORT_H

#include "apex_policy/pack.h"
#include "pulumi/policy/analyzer.h"

#include <map>
#include <string>
#include <vector>

namespace apex::policy::testing_util {

/// A resource under analysis with these inputs.
inline pulumi::policy::AnalyzerResource Resource(std::string type, pulumi::PropertyMap inputs, std::string name = "r") {
  std::string urn = "urn:pulumi:stack::apex::" + type + "::" + name;
  return {.type = std::move(type),
          .name = std::move(name),
          .urn = std::move(urn),
          .properties = pulumi::policy::Properties(std::move(inputs))};
}

/// The pack for `stack` (apex:environment unset), configured with `config`.
inline pulumi::policy::Analyzer AnalyzerFor(std::string const& stack,
                                            std::map<std::string, pulumi::policy::PolicyConfig> config = {}) {
  pulumi::policy::Analyzer analyzer(MakeApexPolicyPack(OptionsFor(stack, std::nullopt)),
                                    {.project = "apex-test", .stack = stack});
  analyzer.Configure(std::move(config));
  return analyzer;
}

/// The diagnostics of one policy.
inline std::vector<pulumi::policy::Diagnostic> Of(std::string const& policy,
                                                  std::vector<pulumi::policy::Diagnostic> const& all) {
  std::vector<pulumi::policy::Diagnostic> out;
  for (auto const& d : all) {
    if (d.policy_name == policy) out.push_back(d);
  }
  return out;
}

/// `map` with the value at a dotted path (objects on the way created) set to `value`.
inline pulumi::PropertyMap With(pulumi::PropertyMap map, std::string const& path, pulumi::PropertyValue value) {
  auto dot = path.find('.');
  if (dot == std::string::npos) {
    map[path] = std::move(value);
    return map;
  }
  std::string head = path.substr(0, dot);
  pulumi::PropertyMap child =
      map.contains(head) && map[head].is_object() ? map[head].AsObject() : pulumi::PropertyMap{};
  map[head] = With(std::move(child), path.substr(dot + 1), std::move(value));
  return map;
}

/// `map` without the value at a dotted path.
inline pulumi::PropertyMap Without(pulumi::PropertyMap map, std::string const& path) {
  auto dot = path.find('.');
  if (dot == std::string::npos) {
    map.erase(path);
    return map;
  }
  std::string head = path.substr(0, dot);
  if (!map.contains(head) || !map[head].is_object()) return map;
  map[head] = Without(map[head].AsObject(), path.substr(dot + 1));
  return map;
}

/// The four labels every labelable Apex resource carries.
inline pulumi::PropertyMap StandardLabels() {
  return {
      {"environment", "prod"}, {"project", "apex-databases"}, {"managed-by", "pulumi"}, {"cost-center", "apex-memory"}};
}

}  // namespace apex::policy::testing_util

#endif  // APEX_POLICY_TESTS_POLICY_TEST_SUPPORT_H
