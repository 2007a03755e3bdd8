// Typed configuration shared by the four Apex projects. Every project reads the common settings; each
// component takes a struct of the settings it needs, loaded and validated at the start of the program so a
// bad stack file fails before anything is registered, with the key and the stack file in the message.
//
//   auto common = apex::LoadCommonConfig(ctx);   // gcp:project, gcp:region, apex:environment, apex:costCenter
//   auto network = apex::ReferencedStack(ctx, common, "apex-network");   // "organization/apex-network/dev"
#ifndef APEX_CONFIG_H
#define APEX_CONFIG_H

#include "pulumi/pulumi.h"

#include <string>
#include <vector>

namespace apex {

/// The config namespace of Apex's own settings: `apex:<key>` in Pulumi.<stack>.yaml.
inline constexpr char kConfigNamespace[] = "apex";

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

/// Throws pulumi::ConfigError for an invalid value: "<full key> <problem> (in Pulumi.<stack>.yaml)".
[[noreturn]] void InvalidConfig(pulumi::Context& ctx, std::string const& key, std::string const& problem);

/// Validating accessors over the `apex` namespace; each throws through InvalidConfig.
std::string RequireOneOf(pulumi::Context& ctx, std::string const& key, std::vector<std::string> const& allowed);
int RequireIntInRange(pulumi::Context& ctx, std::string const& key, int min, int max);
int GetIntInRange(pulumi::Context& ctx, std::string const& key, int fallback, int min, int max);
bool GetBool(pulumi::Context& ctx, std::string const& key, bool fallback);

/// The fully qualified name of the stack of `project` that this stack reads: the config key
/// `apex:<ShortName(project)>Stack` (e.g. apex:networkStack) when set, else
/// QualifiedStackName(<stackOrganization>, project, <this stack's name>), so dev reads dev and prod reads prod.
std::string ReferencedStack(pulumi::Context& ctx, CommonConfig const& common, std::string const& project);

}  // namespace apex

#endif  // APEX_CONFIG_H
