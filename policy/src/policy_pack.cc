#include "pulumi/policy/policy.h"

#include <regex>
#include <set>
#include <stdexcept>

namespace pulumi::policy {
namespace {

std::optional<EnforcementLevel> const& OwnLevelOf(Policy const& policy) {
  return std::visit([](auto const& p) -> std::optional<EnforcementLevel> const& { return p.enforcement_level; },
                    policy);
}

std::optional<ConfigSchema> const& SchemaOf(Policy const& policy) {
  return std::visit([](auto const& p) -> std::optional<ConfigSchema> const& { return p.config_schema; }, policy);
}

bool HasFunction(Policy const& policy) {
  return std::visit(
      [](auto const& p) {
        using P = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<P, ResourceRemediationPolicy>) {
          return static_cast<bool>(p.remediate);
        } else {
          return static_cast<bool>(p.validate);
        }
      },
      policy);
}

}  // namespace

std::string_view ToString(EnforcementLevel level) {
  switch (level) {
    case EnforcementLevel::kAdvisory: return "advisory";
    case EnforcementLevel::kMandatory: return "mandatory";
    case EnforcementLevel::kDisabled: return "disabled";
    case EnforcementLevel::kRemediate: return "remediate";
  }
  return "advisory";
}

std::string const& NameOf(Policy const& policy) {
  return std::visit([](auto const& p) -> std::string const& { return p.name; }, policy);
}

PolicyPack::PolicyPack(std::string name, std::string version, std::vector<Policy> policies,
                       EnforcementLevel default_level)
    : name_(std::move(name)),
      version_(std::move(version)),
      policies_(std::move(policies)),
      default_level_(default_level) {
  static std::regex const kName("^[a-zA-Z0-9-_.]{1,100}$");
  if (!std::regex_match(name_, kName)) {
    throw std::invalid_argument("invalid policy pack name \"" + name_ +
                                "\": use 1 to 100 letters, digits, '-', '_' or '.'");
  }
  std::set<std::string> seen;
  for (auto const& policy : policies_) {
    auto const& policy_name = NameOf(policy);
    if (policy_name.empty()) throw std::invalid_argument("policy pack " + name_ + ": a policy has no name");
    if (policy_name == "all") {
      throw std::invalid_argument("invalid policy name \"all\" in policy pack " + name_ +
                                  ": \"all\" is reserved (it configures every policy)");
    }
    if (!seen.insert(policy_name).second) {
      throw std::invalid_argument("policy pack " + name_ + " has two policies named \"" + policy_name + "\"");
    }
    if (!HasFunction(policy)) {
      throw std::invalid_argument("policy " + policy_name + " in policy pack " + name_ + " has no function to run");
    }
    if (auto const& schema = SchemaOf(policy)) {
      if (!schema->properties.is_object()) {
        throw std::invalid_argument("policy " + policy_name + ": configSchema properties must be a JSON object");
      }
      bool reserved = schema->properties.contains("enforcementLevel");
      for (auto const& r : schema->required) reserved = reserved || r == "enforcementLevel";
      if (reserved) {
        throw std::invalid_argument("policy " + policy_name +
                                    ": enforcementLevel cannot be in configSchema (it is a reserved property)");
      }
    }
  }
}

EnforcementLevel PolicyPack::DefaultLevel(Policy const& policy) const {
  if (auto const& own = OwnLevelOf(policy)) return *own;
  // A remediation policy exists to remediate (as in Go's policyx); the pack's level is for validations.
  return std::holds_alternative<ResourceRemediationPolicy>(policy) ? EnforcementLevel::kRemediate : default_level_;
}

}  // namespace pulumi::policy
