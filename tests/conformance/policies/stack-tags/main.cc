// Policy pack "stack-tags": a mandatory error for each simple:index:Resource whose value differs from the
// stack tag `value` (a JSON boolean).
#include "pulumi/policy/policy.h"

#include <nlohmann/json.hpp>

#include <string>

namespace policy = pulumi::policy;

int main(int argc, char** argv) {
  return policy::Main(argc, argv, [](pulumi::Context&) {
    return policy::PolicyPack(
        "stack-tags", "2.0.0",
        {policy::ResourceValidationPolicy{
            .name = "allowed",
            .description = "Verifies property equals the stack tag value",
            .enforcement_level = policy::EnforcementLevel::kMandatory,
            .validate =
                [](policy::ResourceValidationArgs const& args) {
                  if (args.resource.type != "simple:index:Resource") return;
                  auto tag = args.stack.tags.find("value");
                  if (tag == args.stack.tags.end()) {
                    args.ReportViolation("Stack tag 'value' is required");
                    return;
                  }
                  auto expected = nlohmann::json::parse(tag->second, nullptr, /*allow_exceptions=*/false);
                  if (!expected.is_boolean()) {
                    args.ReportViolation("Stack tag 'value' must be a boolean, got '" + tag->second + "'");
                    return;
                  }
                  auto value = args.resource.properties.GetBool("value");
                  if (value && *value != expected.get<bool>()) {
                    args.ReportViolation(std::string("Property was ") + (*value ? "true" : "false"));
                  }
                }}},
        policy::EnforcementLevel::kMandatory);
  });
}
