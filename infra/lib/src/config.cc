#include "apex/config.h"

#include "apex/stack_graph.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace apex {
namespace {

std::string Join(std::vector<std::string> const& v) {
  std::string s;
  for (auto const& e : v) s += (s.empty() ? "" : ", ") + e;
  return s;
}

std::string Text(double d) {
  std::ostringstream out;
  out << d;
  return out.str();
}

std::string OutsideRange(int value, int min, int max) {
  return std::to_string(value) + " is outside " + std::to_string(min) + ".." + std::to_string(max);
}

}  // namespace

ConfigReader::ConfigReader(pulumi::Context& ctx) : ctx_(ctx), config_(ctx, kConfigNamespace) {}

void ConfigReader::Invalid(std::string const& key, std::string const& problem) const {
  std::string full = key.find(':') == std::string::npos ? std::string(kConfigNamespace) + ":" + key : key;
  throw pulumi::ConfigError("Invalid configuration '" + full + "': " + problem + " (in Pulumi." + ctx_.stack() +
                            ".yaml)");
}

std::string ConfigReader::RequireString(std::string const& key) const { return config_.Require(key); }

std::optional<std::string> ConfigReader::GetString(std::string const& key) const { return config_.Get(key); }

std::string ConfigReader::GetString(std::string const& key, std::string const& fallback) const {
  return config_.Get(key).value_or(fallback);
}

std::string ConfigReader::RequireNonEmpty(std::string const& key, std::string const& fallback) const {
  std::string value = GetString(key, fallback);
  if (value.empty()) Invalid(key, "is missing or empty");
  return value;
}

std::string ConfigReader::RequireOneOf(std::string const& key, std::vector<std::string> const& allowed) const {
  std::string value = config_.Require(key);
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    Invalid(key, "'" + value + "' is not one of " + Join(allowed));
  }
  return value;
}

std::string ConfigReader::GetOneOf(std::string const& key, std::string const& fallback,
                                   std::vector<std::string> const& allowed) const {
  if (!config_.Get(key)) return fallback;
  return RequireOneOf(key, allowed);
}

int ConfigReader::RequireInt(std::string const& key, int min, int max) const {
  int value = config_.RequireInt(key);
  if (value < min || value > max) Invalid(key, OutsideRange(value, min, max));
  return value;
}

int ConfigReader::GetInt(std::string const& key, int fallback, int min, int max) const {
  auto value = config_.GetInt(key);
  if (!value) return fallback;
  if (*value < min || *value > max) Invalid(key, OutsideRange(*value, min, max));
  return *value;
}

double ConfigReader::GetDouble(std::string const& key, double fallback) const {
  return config_.GetDouble(key).value_or(fallback);
}

double ConfigReader::GetDouble(std::string const& key, double fallback, double min, double max) const {
  auto value = config_.GetDouble(key);
  if (!value) return fallback;
  if (*value <= min || *value > max) Invalid(key, Text(*value) + " is outside (" + Text(min) + ", " + Text(max) + "]");
  return *value;
}

bool ConfigReader::RequireBool(std::string const& key) const { return config_.RequireBool(key); }

bool ConfigReader::GetBool(std::string const& key, bool fallback) const {
  return config_.GetBool(key).value_or(fallback);
}

std::string ConfigReader::GetFlag(std::string const& key, bool fallback) const {
  auto value = config_.Get(key);
  if (!value) return fallback ? "true" : "false";
  if (*value != "true" && *value != "false") Invalid(key, "'" + *value + "' is not \"true\" or \"false\"");
  return *value;
}

std::string ConfigReader::GetTimeOfDay(std::string const& key, std::string const& fallback) const {
  std::string value = GetString(key, fallback);
  auto digit = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>(value[i])) != 0; };
  bool ok = value.size() == 5 && digit(0) && digit(1) && value[2] == ':' && digit(3) && digit(4) &&
            std::stoi(value.substr(0, 2)) < 24 && std::stoi(value.substr(3, 2)) < 60;
  if (!ok) Invalid(key, "'" + value + "' is not a time of day HH:MM");
  return value;
}

CommonConfig LoadCommonConfig(pulumi::Context& ctx) {
  pulumi::Config gcp(ctx, "gcp");
  ConfigReader config(ctx);
  CommonConfig c;
  c.gcp_project = gcp.Require("project");
  c.region = gcp.Require("region");
  c.environment = config.RequireOneOf("environment", {"dev", "staging", "prod"});
  c.cost_center = config.RequireString("costCenter");
  c.stack_organization = config.GetString("stackOrganization", kDefaultStackOrganization);
  if (c.environment != ctx.stack()) {
    config.Invalid("environment", "'" + c.environment + "' does not match the stack '" + ctx.stack() + "'");
  }
  return c;
}

std::string ReferencedStack(pulumi::Context& ctx, CommonConfig const& common, std::string const& project) {
  if (auto explicit_name = ConfigReader(ctx).GetString(ShortName(project) + "Stack")) return *explicit_name;
  return QualifiedStackName(common.stack_organization, project, ctx.stack());
}

}  // namespace apex
