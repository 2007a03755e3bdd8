// Policy packs in C++: resource validation, stack validation and remediation policies that the Pulumi engine
// runs on every preview and update (`pulumi preview --policy-pack DIR`, PulumiPolicy.yaml `runtime: cpp`).
//
//   int main(int argc, char** argv) {
//     return pulumi::policy::Main(argc, argv, [](pulumi::Context& ctx) {
//       return pulumi::policy::PolicyPack("apex", "1.0.0", {
//           pulumi::policy::ResourceValidationPolicy{
//               .name = "sql-no-public-ip",
//               .description = "Cloud SQL has no public IP (CKV_GCP_60)",
//               .enforcement_level = pulumi::policy::EnforcementLevel::kMandatory,
//               .validate = [](pulumi::policy::ResourceValidationArgs const& args) {
//                 if (args.resource.type != "gcp:sql/databaseInstance:DatabaseInstance") return;
//                 if (args.resource.properties.GetBool("settings.ipConfiguration.ipv4Enabled").value_or(true)) {
//                   args.ReportViolation("ipv4Enabled must be false");
//                 }
//               }}});
//     });
//   }
//
// A property that is not known yet (a preview) cannot be judged: reading it throws UnknownValueError, and the
// pack reports "can't run policy '<name>' during preview: ..." as an advisory diagnostic instead.
#ifndef PULUMI_POLICY_POLICY_H
#define PULUMI_POLICY_POLICY_H

#include "pulumi/context.h"
#include "pulumi/property_value.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pulumi::policy {

/// What a violation does: advisory warns, mandatory stops the deployment, remediate fixes the resource's inputs
/// (remediation policies), disabled does not run. The values are the protocol's.
enum class EnforcementLevel { kAdvisory = 0, kMandatory = 1, kDisabled = 2, kRemediate = 3 };

/// "advisory", "mandatory", "disabled", "remediate".
std::string_view ToString(EnforcementLevel level);

/// Thrown when a policy reads a value that is not known yet (during a preview).
class UnknownValueError : public std::runtime_error {
 public:
  explicit UnknownValueError(std::string path);
  /// The property path, e.g. ".settings.ipConfiguration.ipv4Enabled".
  std::string const& path() const { return path_; }

 private:
  std::string path_;
};

/// A resource's properties as a policy reads them: secrets unwrapped, unknown values refused.
/// Paths are dotted keys with [i] for list elements: "settings.databaseFlags[0].name".
class Properties {
 public:
  Properties() = default;
  explicit Properties(PropertyMap map) : map_(std::move(map)) {}

  /// The value at path with every secret removed (recursively); nullopt when absent or null. Throws
  /// UnknownValueError when the value, or anything on the path or inside the value, is unknown.
  std::optional<PropertyValue> Get(std::string_view path) const;
  /// Typed reads; a value of another type throws std::invalid_argument naming the path and both types.
  std::optional<bool> GetBool(std::string_view path) const;
  std::optional<double> GetNumber(std::string_view path) const;
  std::optional<std::string> GetString(std::string_view path) const;
  /// The list at path (empty when absent).
  PropertyArray GetList(std::string_view path) const;
  /// The object at path (empty when absent).
  PropertyMap GetObject(std::string_view path) const;
  bool Has(std::string_view path) const;
  /// True when the value at path is or contains a secret (unknown or not; never throws).
  bool IsSecret(std::string_view path) const;

  /// The raw map, with secrets, output values and unknowns as the engine sent them.
  PropertyMap const& raw() const { return map_; }

 private:
  PropertyMap map_;
};

struct CustomTimeouts {
  std::string create{};  ///< Go duration strings, e.g. "5m0s"; empty when unset
  std::string update{};
  std::string del{};
  std::string read{};
};

/// The resource options a policy sees.
struct ResourceOptions {
  bool protect = false;
  std::vector<std::string> ignore_changes{};
  bool delete_before_replace = false;
  std::vector<std::string> additional_secret_outputs{};
  std::vector<std::string> aliases{};
  std::optional<CustomTimeouts> custom_timeouts{};
};

/// The provider that manages a resource.
struct ProviderResource {
  std::string type{};  ///< e.g. "pulumi:providers:gcp"
  std::string name{};
  std::string urn{};
  Properties properties{};
};

/// A resource under analysis: inputs when validating or remediating one resource, outputs in a stack policy.
struct AnalyzerResource {
  std::string type{};
  std::string name{};
  std::string urn{};
  std::string parent{};  ///< the parent's URN; empty for none
  Properties properties{};
  ResourceOptions options{};
  std::optional<ProviderResource> provider{};
  /// Stack policies only: the URNs the resource depends on, all and per property.
  std::vector<std::string> dependencies{};
  std::map<std::string, std::vector<std::string>> property_dependencies{};
};

/// The stack the pack runs against (from the engine's ConfigureStack).
struct StackInfo {
  std::string project{};
  std::string stack{};
  std::string organization{};
  bool dry_run = false;
  std::map<std::string, std::string> tags{};
};

/// Reports violations of the policy being run; urn defaults to the resource under analysis.
using ViolationReporter = std::function<void(std::string const& message, std::string const& urn)>;

struct ResourceValidationArgs {
  AnalyzerResource const& resource;
  /// The policy's configuration properties (a JSON object, validated by the engine against the config schema).
  nlohmann::json const& config;
  StackInfo const& stack;
  ViolationReporter const& report;
  void ReportViolation(std::string const& message, std::string const& urn = "") const { report(message, urn); }
};

struct StackValidationArgs {
  std::vector<AnalyzerResource> const& resources;
  nlohmann::json const& config;
  StackInfo const& stack;
  ViolationReporter const& report;
  void ReportViolation(std::string const& message, std::string const& urn = "") const { report(message, urn); }
};

struct ResourceRemediationArgs {
  AnalyzerResource const& resource;
  nlohmann::json const& config;
  StackInfo const& stack;
};

/// A policy's configuration: JSON schemas of its properties and the required ones.
struct ConfigSchema {
  nlohmann::json properties = nlohmann::json::object();
  std::vector<std::string> required{};
};

struct ResourceValidationPolicy {
  std::string name{};
  std::string description{};
  /// The default level; the pack's when unset. Config may override it per stack.
  std::optional<EnforcementLevel> enforcement_level{};
  std::optional<ConfigSchema> config_schema{};
  std::function<void(ResourceValidationArgs const&)> validate{};
};

struct StackValidationPolicy {
  std::string name{};
  std::string description{};
  std::optional<EnforcementLevel> enforcement_level{};
  std::optional<ConfigSchema> config_schema{};
  std::function<void(StackValidationArgs const&)> validate{};
};

/// Runs (before validation) only at level remediate, its default; returns the resource's new inputs, or nullopt
/// to leave them as they are.
struct ResourceRemediationPolicy {
  std::string name{};
  std::string description{};
  std::optional<EnforcementLevel> enforcement_level{};
  std::optional<ConfigSchema> config_schema{};
  std::function<std::optional<PropertyMap>(ResourceRemediationArgs const&)> remediate{};
};

using Policy = std::variant<ResourceValidationPolicy, StackValidationPolicy, ResourceRemediationPolicy>;

/// A named, versioned list of policies. The constructor enforces the pack rules and throws std::invalid_argument:
/// the name matches ^[a-zA-Z0-9-_.]{1,100}$, no policy is named "all" (reserved for config) or appears twice, no
/// config schema declares "enforcementLevel" (reserved), and every policy has its function.
class PolicyPack {
 public:
  PolicyPack(std::string name, std::string version, std::vector<Policy> policies,
             EnforcementLevel default_level = EnforcementLevel::kAdvisory);

  std::string const& name() const { return name_; }
  std::string const& version() const { return version_; }
  std::vector<Policy> const& policies() const { return policies_; }
  /// A policy's level before config: its own, else remediate for a remediation policy, else the pack's default.
  EnforcementLevel DefaultLevel(Policy const& policy) const;

 private:
  std::string name_;
  std::string version_;
  std::vector<Policy> policies_;
  EnforcementLevel default_level_;
};

/// The name of any policy.
std::string const& NameOf(Policy const& policy);

/// Builds the pack once the engine has said which stack it runs against (config, dry run) and serves the
/// Analyzer protocol until the engine hangs up: the port on stdout, the engine's address as the last argument.
/// Returns the process exit code; a factory that throws makes the pack fail to start with its message.
int Main(int argc, char** argv, std::function<PolicyPack(Context&)> factory);

}  // namespace pulumi::policy

#endif  // PULUMI_POLICY_POLICY_H
