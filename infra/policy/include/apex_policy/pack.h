// The Apex policy pack: the checks of policy-checks.md over the gcp resources the Apex stacks register.
// Every validation policy is mandatory on a prod stack and advisory elsewhere; `--policy-pack-config` overrides
// any policy's level per stack. The remediation `labels-remediate` runs only when configured at `remediate`.
//
//   auto options = apex::policy::OptionsFor("prod", std::nullopt);   // or OptionsFor(ctx) in main
//   pulumi::policy::Analyzer analyzer(apex::policy::MakeApexPolicyPack(options), {.stack = "prod"});
//   auto diagnostics = analyzer.AnalyzeResource(resource);
#ifndef APEX_POLICY_PACK_H
#define APEX_POLICY_PACK_H

#include "pulumi/policy/policy.h"

#include <optional>
#include <string>

namespace apex::policy {

/// What the pack needs to know about the stack it runs against.
struct PackOptions {
  /// "dev", "staging", "prod": the stack's apex:environment, else its name.
  std::string environment;
  /// Whether the stack is prod: its policies are mandatory and the prod-only rules apply.
  bool prod = false;
  /// The stack's apex:decommission: prod is being torn down on purpose (README, "A deliberate teardown of
  /// prod"), so the deletion-protection rules stand aside.
  bool decommission = false;
};

/// The stack is prod when `environment` (the stack's apex:environment config) is "prod", or, without it, when
/// the stack's name (after any "org/project/" prefix) is "prod" or ends with "-prod" ("apex-prod"; not "nonprod").
PackOptions OptionsFor(std::string const& stack, std::optional<std::string> const& environment);

/// OptionsFor the context's stack and its apex:environment config.
PackOptions OptionsFor(pulumi::Context& ctx);

/// The pack "apex-policy" 1.0.0.
pulumi::policy::PolicyPack MakeApexPolicyPack(PackOptions const& options);

}  // namespace apex::policy

#endif  // APEX_POLICY_PACK_H
