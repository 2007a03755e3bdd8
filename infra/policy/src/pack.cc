#include "apex_policy/pack.h"

#include "policies.h"
#include "pulumi/config.h"

namespace apex::policy {
namespace {

bool EndsWith(std::string const& s, std::string const& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

PackOptions OptionsFor(std::string const& stack, std::optional<std::string> const& environment) {
  std::string name = stack.substr(stack.rfind('/') == std::string::npos ? 0 : stack.rfind('/') + 1);
  if (environment && !environment->empty()) return {.environment = *environment, .prod = *environment == "prod"};
  return {.environment = name, .prod = name == "prod" || EndsWith(name, "-prod")};
}

PackOptions OptionsFor(pulumi::Context& ctx) {
  pulumi::Config apex(ctx, "apex");
  auto options = OptionsFor(ctx.stack(), apex.Get("environment"));
  options.decommission = apex.Get("decommission") == "true";
  if (options.prod && options.decommission) {
    ctx.log().Warn("apex:decommission is set: the deletion-protection policies stand aside for a deliberate teardown");
  }
  return options;
}

pulumi::policy::PolicyPack MakeApexPolicyPack(PackOptions const& options) {
  Policies all;
  for (auto&& family : {CloudSqlPolicies(options), CloudSqlFlagPolicies(), RedisPolicies(options), CloudRunPolicies(),
                        CloudRunEnvPolicies(), ComputePolicies(), FirewallPolicies(), NetworkPolicies(), IamPolicies(),
                        KmsPolicies(), SecretPolicies(options), DeletionProtectionPolicies(options), LabelPolicies(),
                        LabelRemediationPolicies(options)}) {
    all.insert(all.end(), family.begin(), family.end());
  }
  auto level =
      options.prod ? pulumi::policy::EnforcementLevel::kMandatory : pulumi::policy::EnforcementLevel::kAdvisory;
  return pulumi::policy::PolicyPack("apex-policy", "1.0.0", std::move(all), level);
}

}  // namespace apex::policy
