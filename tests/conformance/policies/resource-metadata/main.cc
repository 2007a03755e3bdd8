// Policy pack "resource-metadata": one advisory policy per piece of metadata a policy sees (name, type, URN
// and properties; the protect, ignoreChanges, deleteBeforeReplace, additionalSecretOutputs and
// customTimeouts options; the provider; the parent; dependencies and property dependencies), each reporting
// "metadata matched" on the resource the program set it on.
#include "pulumi/policy/policy.h"

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace policy = pulumi::policy;

namespace {

bool Contains(std::vector<std::string> const& values, std::string const& expected) {
  return std::find(values.begin(), values.end(), expected) != values.end();
}

bool ContainsUrnOf(std::vector<std::string> const& urns, std::string const& name) {
  return std::any_of(urns.begin(), urns.end(),
                     [&](std::string const& urn) { return urn.find("::" + name) != std::string::npos; });
}

/// A resource policy that reports "metadata matched" when the resource named `name` satisfies `matches`.
policy::ResourceValidationPolicy MetadataPolicy(std::string policy_name, std::string description, std::string name,
                                                std::function<bool(policy::AnalyzerResource const&)> matches) {
  return {
      .name = std::move(policy_name),
      .description = std::move(description),
      .enforcement_level = policy::EnforcementLevel::kAdvisory,
      .validate = [name = std::move(name), matches = std::move(matches)](policy::ResourceValidationArgs const& args) {
        auto const& r = args.resource;
        if (r.type == "simple:index:Resource" && r.name == name && matches(r)) {
          args.ReportViolation("metadata matched");
        }
      }};
}

policy::AnalyzerResource const* StackResourceNamed(std::vector<policy::AnalyzerResource> const& resources,
                                                   std::string const& name) {
  for (auto const& r : resources) {
    if (r.type == "simple:index:Resource" && r.name == name) return &r;
  }
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  return policy::Main(argc, argv, [](pulumi::Context&) {
    using Resource = policy::AnalyzerResource;
    return policy::PolicyPack(
        "resource-metadata", "1.0.0",
        {MetadataPolicy("name-type-urn-props", "Resource identity metadata is available", "identity",
                        [](Resource const& r) {
                          return r.properties.GetBool("value") == true && r.urn.find("::identity") != std::string::npos;
                        }),
         MetadataPolicy("protect", "Protect option metadata is available", "protected",
                        [](Resource const& r) { return r.options.protect; }),
         MetadataPolicy("ignore-changes", "IgnoreChanges option metadata is available", "ignoreChanges",
                        [](Resource const& r) { return Contains(r.options.ignore_changes, "value"); }),
         MetadataPolicy("delete-before-replace", "DeleteBeforeReplace option metadata is available",
                        "deleteBeforeReplace", [](Resource const& r) { return r.options.delete_before_replace; }),
         MetadataPolicy("additional-secret-outputs", "AdditionalSecretOutputs option metadata is available",
                        "secretOutput",
                        [](Resource const& r) { return Contains(r.options.additional_secret_outputs, "value"); }),
         MetadataPolicy("custom-timeouts", "CustomTimeouts option metadata is available", "customTimeouts",
                        [](Resource const& r) {
                          return r.options.custom_timeouts && r.options.custom_timeouts->create == "5m0s";
                        }),
         MetadataPolicy("provider", "Provider metadata is available", "explicitProvider",
                        [](Resource const& r) {
                          return r.provider && r.provider->type == "pulumi:providers:simple" &&
                                 r.provider->name == "prov";
                        }),
         MetadataPolicy("parent", "Parent metadata is available", "child",
                        [](Resource const& r) { return r.parent.find("::parent") != std::string::npos; }),
         policy::StackValidationPolicy{.name = "dependencies",
                                       .description = "Dependency metadata is available",
                                       .enforcement_level = policy::EnforcementLevel::kAdvisory,
                                       .validate =
                                           [](policy::StackValidationArgs const& args) {
                                             auto const* r = StackResourceNamed(args.resources, "dependsOn");
                                             if (r && ContainsUrnOf(r->dependencies, "dependency"))
                                               args.ReportViolation("metadata matched", r->urn);
                                           }},
         policy::StackValidationPolicy{.name = "property-dependencies",
                                       .description = "Property dependency metadata is available",
                                       .enforcement_level = policy::EnforcementLevel::kAdvisory,
                                       .validate =
                                           [](policy::StackValidationArgs const& args) {
                                             auto const* r = StackResourceNamed(args.resources, "propertyDependency");
                                             if (!r) return;
                                             auto deps = r->property_dependencies.find("value");
                                             if (deps != r->property_dependencies.end() &&
                                                 ContainsUrnOf(deps->second, "dependency")) {
                                               args.ReportViolation("metadata matched", r->urn);
                                             }
                                           }}},
        policy::EnforcementLevel::kAdvisory);
  });
}
