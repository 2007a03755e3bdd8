#include "apex/config.h"

#include "apex/stack_graph.h"

#include <algorithm>

namespace apex {
namespace {

std::string Join(std::vector<std::string> const& v) {
  std::string s;
  for (auto const& e : v) s += (s.empty() ? "" : ", ") + e;
  return s;
}

}  // namespace

void InvalidConfig(pulumi::Context& ctx, std::string const& key, std::string const& problem) {
  std::string full = key.find(':') == std::string::npos ? std::string(kConfigNamespace) + ":" + key : key;
  throw pulumi::ConfigError("Invalid configuration '" + full + "': " + problem + " (in Pulumi." + ctx.stack() +
                            ".yaml)");
}

std::string RequireOneOf(pulumi::Context& ctx, std::string const& key, std::vector<std::string> const& allowed) {
  std::string value = pulumi::Config(ctx, kConfigNamespace).Require(key);
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    InvalidConfig(ctx, key, "'" + value + "' is not one of " + Join(allowed));
  }
  return value;
}

int RequireIntInRange(pulumi::Context& ctx, std::string const& key, int min, int max) {
  int value = pulumi::Config(ctx, kConfigNamespace).RequireInt(key);
  if (value < min || value > max) {
    InvalidConfig(ctx, key, std::to_string(value) + " is outside " + std::to_string(min) + ".." + std::to_string(max));
  }
  return value;
}

int GetIntInRange(pulumi::Context& ctx, std::string const& key, int fallback, int min, int max) {
  auto value = pulumi::Config(ctx, kConfigNamespace).GetInt(key);
  if (!value) return fallback;
  if (*value < min || *value > max) {
    InvalidConfig(ctx, key, std::to_string(*value) + " is outside " + std::to_string(min) + ".." + std::to_string(max));
  }
  return *value;
}

bool GetBool(pulumi::Context& ctx, std::string const& key, bool fallback) {
  return pulumi::Config(ctx, kConfigNamespace).GetBool(key).value_or(fallback);
}

CommonConfig LoadCommonConfig(pulumi::Context& ctx) {
  pulumi::Config gcp(ctx, "gcp");
  pulumi::Config apex(ctx, kConfigNamespace);
  CommonConfig c;
  c.gcp_project = gcp.Require("project");
  c.region = gcp.Require("region");
  c.environment = RequireOneOf(ctx, "environment", {"dev", "staging", "prod"});
  c.cost_center = apex.Require("costCenter");
  c.stack_organization = apex.Get("stackOrganization").value_or(kDefaultStackOrganization);
  if (c.environment != ctx.stack()) {
    InvalidConfig(ctx, "environment", "'" + c.environment + "' does not match the stack '" + ctx.stack() + "'");
  }
  return c;
}

std::string ReferencedStack(pulumi::Context& ctx, CommonConfig const& common, std::string const& project) {
  if (auto explicit_name = pulumi::Config(ctx, kConfigNamespace).Get(ShortName(project) + "Stack")) return *explicit_name;
  return QualifiedStackName(common.stack_organization, project, ctx.stack());
}

}  // namespace apex
