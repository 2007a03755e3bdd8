// Analyzer: runs a pack's policies on resources as the engine asks, without gRPC: the server of Main is a thin
// layer over it, and unit tests of a pack call it with hand-built resources.
//
//   pulumi::policy::Analyzer analyzer(MakePack(), {.stack = "prod", .dry_run = true});
//   analyzer.Configure({{"sql-no-public-ip", {.enforcement_level = EnforcementLevel::kMandatory}}});
//   auto diagnostics = analyzer.AnalyzeResource({.type = "gcp:sql/databaseInstance:DatabaseInstance", ...});
#ifndef PULUMI_POLICY_ANALYZER_H
#define PULUMI_POLICY_ANALYZER_H

#include "pulumi/policy/policy.h"

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace pulumi::policy {

/// One policy's configuration for a stack (from `--policy-pack-config`): a level override and its properties.
struct PolicyConfig {
  std::optional<EnforcementLevel> enforcement_level{};
  nlohmann::json properties = nlohmann::json::object();
};

/// A violation, as the engine shows it: message = the policy's description, a newline, the reported message.
struct Diagnostic {
  std::string policy_name{};
  std::string description{};
  std::string message{};
  std::string urn{};
  EnforcementLevel enforcement_level = EnforcementLevel::kAdvisory;
};

/// A remediation policy's rewrite of a resource's inputs.
struct Remediation {
  std::string policy_name{};
  std::string description{};
  PropertyMap properties{};
};

/// A policy that threw (anything but UnknownValueError): the engine fails the operation with this message.
class PolicyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Analyzer {
 public:
  explicit Analyzer(PolicyPack pack, StackInfo stack = {});

  PolicyPack const& pack() const { return pack_; }
  StackInfo const& stack() const { return stack_; }

  /// Replaces the per-policy configuration; policies without an entry keep their default level.
  void Configure(std::map<std::string, PolicyConfig> config);
  /// The level a policy runs at: configured, else its default.
  EnforcementLevel LevelOf(Policy const& policy) const;

  /// Every resource validation policy not disabled, on one resource's inputs. A policy that reads an unknown
  /// value gives one advisory diagnostic "can't run policy '<name>' during preview: ...".
  std::vector<Diagnostic> AnalyzeResource(AnalyzerResource const& resource) const;
  /// Every stack validation policy not disabled, on all resources' outputs.
  std::vector<Diagnostic> AnalyzeStack(std::vector<AnalyzerResource> const& resources) const;
  /// Every remediation policy at level remediate, in order, each seeing the previous one's result.
  std::vector<Remediation> Remediate(AnalyzerResource const& resource) const;

 private:
  nlohmann::json const& ConfigOf(std::string const& policy) const;

  PolicyPack pack_;
  StackInfo stack_;
  std::map<std::string, PolicyConfig> config_;
};

}  // namespace pulumi::policy

#endif  // PULUMI_POLICY_ANALYZER_H
