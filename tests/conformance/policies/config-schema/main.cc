// Policy pack "config-schema": a config schema (a required boolean `value`, a required non-empty list of
// `names`) that the engine checks, and an advisory warning for each named simple:index:Resource whose value
// differs from `value`.
#include "pulumi/policy/policy.h"

#include <algorithm>
#include <string>
#include <vector>

namespace policy = pulumi::policy;

int main(int argc, char** argv) {
  return policy::Main(argc, argv, [](pulumi::Context&) {
    policy::ConfigSchema schema{
        .properties = {{"value", {{"type", "boolean"}}},
                       {"names", {{"type", "array"}, {"items", {{"type", "string"}}}, {"minItems", 1}}}},
        .required = {"value", "names"}};
    return policy::PolicyPack(
        "config-schema", "3.0.0",
        {policy::ResourceValidationPolicy{
            .name = "validator",
            .description = "Verifies property matches config",
            .enforcement_level = policy::EnforcementLevel::kAdvisory,
            .config_schema = std::move(schema),
            .validate =
                [](policy::ResourceValidationArgs const& args) {
                  if (args.resource.type != "simple:index:Resource") return;
                  bool want = args.config.at("value").get<bool>();
                  auto names = args.config.at("names").get<std::vector<std::string>>();
                  if (std::find(names.begin(), names.end(), args.resource.name) == names.end()) return;
                  auto value = args.resource.properties.GetBool("value");
                  if (value && *value != want) {
                    args.ReportViolation(std::string("Property was ") + (*value ? "true" : "false"));
                  }
                }}},
        policy::EnforcementLevel::kAdvisory);
  });
}
