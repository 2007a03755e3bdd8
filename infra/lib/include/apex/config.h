// Typed configuration shared by the Apex projects. Every project reads the common settings; each component
// takes a struct of the settings it needs, loaded and validated at the start of the program so a bad stack file
// fails before anything is registered, with the key and the stack file in the message.
//
// Every reader goes through ConfigReader: its Require* accessors take required settings, its Get* accessors
// optional ones whose fallback is the member of the settings struct being filled, so that a default is stated
// once, where the setting is declared:
//
//   ConfigReader config(ctx);
//   a.psa_prefix_length = config.GetInt("psaPrefixLength", a.psa_prefix_length, 8, 24);
//
//   auto common = apex::LoadCommonConfig(ctx);   // gcp:project, gcp:region, apex:environment, apex:costCenter
//   auto network = apex::ReferencedStack(ctx, common, "apex-network");   // "organization/apex-network/dev"
#ifndef APEX_CONFIG_H
#define APEX_CONFIG_H

#include "pulumi/pulumi.h"

#include <optional>
#include <string>
#include <vector>

namespace apex {

/// The config namespace of Apex's own settings: `apex:<key>` in Pulumi.<stack>.yaml.
inline constexpr char kConfigNamespace[] = "apex";

/// Validating accessors over the `apex` namespace. Every refusal throws pulumi::ConfigError as
/// "Invalid configuration 'apex:<key>': <problem> (in Pulumi.<stack>.yaml)"; a missing required setting throws
/// pulumi::Config's own error.
class ConfigReader {
 public:
  explicit ConfigReader(pulumi::Context& ctx);

  std::string RequireString(std::string const& key) const;
  std::optional<std::string> GetString(std::string const& key) const;
  std::string GetString(std::string const& key, std::string const& fallback) const;
  /// A value that must not be empty, `fallback` when unset (an empty fallback makes it required).
  std::string RequireNonEmpty(std::string const& key, std::string const& fallback = "") const;
  std::string RequireOneOf(std::string const& key, std::vector<std::string> const& allowed) const;
  std::string GetOneOf(std::string const& key, std::string const& fallback,
                       std::vector<std::string> const& allowed) const;
  int RequireInt(std::string const& key, int min, int max) const;
  int GetInt(std::string const& key, int fallback, int min, int max) const;
  double GetDouble(std::string const& key, double fallback) const;
  /// A number in (min, max]: thresholds and ratios, never the lower bound itself.
  double GetDouble(std::string const& key, double fallback, double min, double max) const;
  bool RequireBool(std::string const& key) const;
  bool GetBool(std::string const& key, bool fallback) const;
  /// "true" or "false" as text (the env value of a flag); `fallback` when unset.
  std::string GetFlag(std::string const& key, bool fallback) const;
  /// "HH:MM", 24-hour, as Cloud SQL backups and snapshot schedules take it.
  std::string GetTimeOfDay(std::string const& key, std::string const& fallback) const;

  /// Throws the refusal for `key` (an `apex:` key unless it names its namespace).
  [[noreturn]] void Invalid(std::string const& key, std::string const& problem) const;

  pulumi::Context& context() const { return ctx_; }

 private:
  pulumi::Context& ctx_;
  pulumi::Config config_;
};

struct CommonConfig {
  std::string gcp_project;         ///< gcp:project
  std::string region;              ///< gcp:region
  std::string environment;         ///< apex:environment: dev, staging or prod
  std::string cost_center;         ///< apex:costCenter
  std::string stack_organization;  ///< apex:stackOrganization (default kDefaultStackOrganization, the file backend's)
  bool is_prod() const { return environment == "prod"; }
};

/// Reads and validates the common settings; throws pulumi::ConfigError naming the key and the stack file.
CommonConfig LoadCommonConfig(pulumi::Context& ctx);

/// The fully qualified name of the stack of `project` that this stack reads: the config key
/// `apex:<ShortName(project)>Stack` (e.g. apex:networkStack) when set, else
/// QualifiedStackName(<stackOrganization>, project, <this stack's name>), so dev reads dev and prod reads prod.
std::string ReferencedStack(pulumi::Context& ctx, CommonConfig const& common, std::string const& project);

}  // namespace apex

#endif  // APEX_CONFIG_H
