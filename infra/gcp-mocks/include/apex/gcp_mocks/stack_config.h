// Reading a project's real stack files (Pulumi.yaml, Pulumi.<stack>.yaml) for mocks runs: the tests and
// the offline plan run exactly the config that `pulumi up` would.
#ifndef APEX_GCP_MOCKS_STACK_CONFIG_H
#define APEX_GCP_MOCKS_STACK_CONFIG_H

#include "pulumi/mocks/mocks.h"

#include <map>
#include <string>

namespace apex::gcp_mocks {

struct StackConfig {
  std::string project;  ///< `name` in Pulumi.yaml
  std::string stack;
  std::map<std::string, std::string> config;         ///< plain values, "ns:key" -> value as a string
  std::map<std::string, std::string> secret_config;  ///< `secure:` values, as a placeholder (never decrypted)

  /// A plain value, or `fallback` when the stack file does not set it.
  std::string Get(std::string const& key, std::string const& fallback) const {
    auto it = config.find(key);
    return it == config.end() ? fallback : it->second;
  }
  /// What GcpMocks needs: gcp:project and gcp:region, with the defaults the mocks runs use.
  std::string GcpProject() const { return Get("gcp:project", "project"); }
  std::string Region() const { return Get("gcp:region", "us-central1"); }
};

/// Reads `<project_dir>/Pulumi.yaml` and `<project_dir>/Pulumi.<stack>.yaml`. Keys without a namespace get
/// the project's; non-string values are kept as their YAML/JSON text. Throws std::runtime_error naming the
/// file when one is missing or malformed.
StackConfig LoadStackConfig(std::string const& project_dir, std::string const& stack);

/// The placeholder a `secure:` value becomes in mocks runs: "<secret apex:dbPassword>".
std::string SecretPlaceholder(std::string const& key);

/// MockOptions for a run of the project: its name, the stack, config and secret config, dry_run, and the
/// given stack references.
pulumi::mocks::MockOptions MockOptionsFor(StackConfig const& config, bool dry_run,
                                          std::map<std::string, pulumi::PropertyMap> stack_references = {});

/// The directory of a project in the source tree: APEX_INFRA_DIR/<project>.
std::string ProjectDirectory(std::string const& project);

}  // namespace apex::gcp_mocks

#endif  // APEX_GCP_MOCKS_STACK_CONFIG_H
