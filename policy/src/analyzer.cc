#include "pulumi/policy/analyzer.h"

namespace pulumi::policy {
namespace {

std::string ViolationMessage(std::string const& description, std::string const& message) {
  return message.empty() ? description : description + "\n" + message;
}

/// Runs a policy's function; an unknown value becomes the "can't run" diagnostic, anything else a PolicyError.
template <typename Fn>
void RunPolicy(std::string const& name, std::string const& description, std::string const& urn, Fn&& fn,
               std::vector<Diagnostic>& out) {
  try {
    fn();
  } catch (UnknownValueError const& e) {
    out.push_back({.policy_name = name,
                   .description = description,
                   .message = ViolationMessage(
                       description, "can't run policy '" + name + "' during preview: " + std::string(e.what())),
                   .urn = urn,
                   .enforcement_level = EnforcementLevel::kAdvisory});
  } catch (std::exception const& e) {
    throw PolicyError("policy '" + name + "' failed" + (urn.empty() ? "" : " on " + urn) + ": " + e.what());
  }
}

/// Runs every validation policy of type P that is not disabled (run calls its function); a violation without a
/// URN is about `subject`.
template <typename P, typename Run>
std::vector<Diagnostic> ValidateEach(Analyzer const& analyzer, std::string const& subject, Run const& run) {
  std::vector<Diagnostic> out;
  for (auto const& policy : analyzer.pack().policies()) {
    auto const* p = std::get_if<P>(&policy);
    if (!p) continue;
    auto level = analyzer.LevelOf(policy);
    if (level == EnforcementLevel::kDisabled) continue;
    ViolationReporter report = [&](std::string const& message, std::string const& urn) {
      out.push_back({.policy_name = p->name,
                     .description = p->description,
                     .message = ViolationMessage(p->description, message),
                     .urn = urn.empty() ? subject : urn,
                     .enforcement_level = level});
    };
    RunPolicy(
        p->name, p->description, subject, [&] { run(*p, report); }, out);
  }
  return out;
}

}  // namespace

Analyzer::Analyzer(PolicyPack pack, StackInfo stack) : pack_(std::move(pack)), stack_(std::move(stack)) {}

void Analyzer::Configure(std::map<std::string, PolicyConfig> config) { config_ = std::move(config); }

EnforcementLevel Analyzer::LevelOf(Policy const& policy) const {
  if (auto it = config_.find(NameOf(policy)); it != config_.end() && it->second.enforcement_level) {
    return *it->second.enforcement_level;
  }
  return pack_.DefaultLevel(policy);
}

nlohmann::json const& Analyzer::ConfigOf(std::string const& policy) const {
  static nlohmann::json const kEmpty = nlohmann::json::object();
  auto it = config_.find(policy);
  return it == config_.end() ? kEmpty : it->second.properties;
}

std::vector<Diagnostic> Analyzer::AnalyzeResource(AnalyzerResource const& resource) const {
  return ValidateEach<ResourceValidationPolicy>(
      *this, resource.urn, [&](ResourceValidationPolicy const& p, ViolationReporter const& report) {
        p.validate({.resource = resource, .config = ConfigOf(p.name), .stack = stack_, .report = report});
      });
}

std::vector<Diagnostic> Analyzer::AnalyzeStack(std::vector<AnalyzerResource> const& resources) const {
  return ValidateEach<StackValidationPolicy>(
      *this, "", [&](StackValidationPolicy const& p, ViolationReporter const& report) {
        p.validate({.resources = resources, .config = ConfigOf(p.name), .stack = stack_, .report = report});
      });
}

std::vector<Remediation> Analyzer::Remediate(AnalyzerResource const& resource) const {
  std::vector<Remediation> out;
  AnalyzerResource current = resource;
  for (auto const& policy : pack_.policies()) {
    auto const* p = std::get_if<ResourceRemediationPolicy>(&policy);
    if (!p || LevelOf(policy) != EnforcementLevel::kRemediate) continue;
    std::optional<PropertyMap> result;
    std::vector<Diagnostic> unknown;
    ResourceRemediationArgs args{.resource = current, .config = ConfigOf(p->name), .stack = stack_};
    // A remediation that needs an unknown value leaves the resource as it is.
    RunPolicy(
        p->name, p->description, resource.urn, [&] { result = p->remediate(args); }, unknown);
    if (!result) continue;
    current.properties = Properties(*result);
    out.push_back({.policy_name = p->name, .description = p->description, .properties = std::move(*result)});
  }
  return out;
}

}  // namespace pulumi::policy
