// The public edge: a global external Application Load Balancer in front of one Cloud Run service.
#include "apex/cloud_run_service.h"

#include "pulumi/gcp/compute/backend_service.h"
#include "pulumi/gcp/compute/global_address.h"
#include "pulumi/gcp/compute/global_forwarding_rule.h"
#include "pulumi/gcp/compute/managed_ssl_certificate.h"
#include "pulumi/gcp/compute/region_network_endpoint_group.h"
#include "pulumi/gcp/compute/security_policy.h"
#include "pulumi/gcp/compute/ssl_policy.h"
#include "pulumi/gcp/compute/target_http_proxy.h"
#include "pulumi/gcp/compute/target_https_proxy.h"
#include "pulumi/gcp/compute/url_map.h"

#include <stdexcept>

namespace apex {
namespace {

namespace compute = pulumi::gcp::compute;

constexpr int kDefaultRulePriority = 2147483647;

compute::SecurityPolicyRule_Args Rule(int priority, std::string const& action, std::string const& description,
                                      compute::SecurityPolicyRuleMatchArgs match) {
  return {.action = action, .description = description, .match = std::move(match), .priority = priority};
}

compute::SecurityPolicyRuleMatchArgs AllSources() {
  return {.config = compute::SecurityPolicyRuleMatchConfigArgs{.src_ip_ranges = std::vector<std::string>{"*"}},
          .versioned_expr = "SRC_IPS_V1"};
}

compute::SecurityPolicyRuleMatchArgs Waf(std::string const& rule_set) {
  return {.expr = compute::SecurityPolicyRuleMatchExprArgs{.expression = "evaluatePreconfiguredWaf('" + rule_set +
                                                                         "', {'sensitivity': 1})"}};
}

// OWASP preconfigured WAF rules (SQL injection, cross-site scripting), a per-client-IP throttle, then allow.
std::vector<compute::SecurityPolicyRule_Args> ArmorRules(int rate_limit_per_minute) {
  auto throttle =
      Rule(2000, "throttle", "at most " + std::to_string(rate_limit_per_minute) + " requests a minute per client IP",
           AllSources());
  throttle.rate_limit_options = compute::SecurityPolicyRuleRateLimitOptionsArgs{
      .conform_action = "allow",
      .enforce_on_key = "IP",
      .exceed_action = "deny(429)",
      .rate_limit_threshold = compute::SecurityPolicyRuleRateLimitOptionsRateLimitThresholdArgs{
          .count = rate_limit_per_minute, .interval_sec = 60}};
  return {Rule(1000, "deny(403)", "OWASP: SQL injection", Waf("sqli-v33-stable")),
          Rule(1001, "deny(403)", "OWASP: cross-site scripting", Waf("xss-v33-stable")), throttle,
          Rule(kDefaultRulePriority, "allow", "default: allow", AllSources())};
}

}  // namespace

PublicEdge::PublicEdge(pulumi::Context& ctx, std::string const& name, PublicEdgeArgs const& args,
                       pulumi::ResourceOptions const& opts)
    : pulumi::ComponentResource(ctx, kType, name, opts) {
  if (args.domain.empty()) throw std::invalid_argument("public edge '" + name + "': no domain");
  if (args.rate_limit_per_minute < 1) throw std::invalid_argument("public edge '" + name + "': no rate limit");
  auto child = internal::ChildOf(*this, opts.depends_on);
  auto const& p = args.prefix;
  auto const& project = args.common.gcp_project;

  compute::RegionNetworkEndpointGroup neg(
      ctx, name + "-neg",
      {.cloud_run = compute::RegionNetworkEndpointGroupCloudRunArgs{.service = args.service_name},
       .name = p + "-neg",
       .network_endpoint_type = "SERVERLESS",
       .project = project,
       .region = args.common.region},
      child);
  compute::SecurityPolicy armor(
      ctx, name + "-armor",
      {// JSON bodies are inspected by the WAF rules too (the API speaks JSON).
       .advanced_options_config =
           compute::SecurityPolicyAdvancedOptionsConfigArgs{.json_parsing = "STANDARD", .log_level = "NORMAL"},
       .description = "Apex public edge (" + args.common.environment + "): OWASP WAF rules and a per-IP rate limit",
       .labels = args.labels,
       .name = p + "-armor",
       .project = project,
       .rules = ArmorRules(args.rate_limit_per_minute),
       .type = "CLOUD_ARMOR"},
      child);
  // A serverless NEG backend has no health check, port or timeout: Cloud Run answers for itself.
  compute::BackendService backend(
      ctx, name + "-backend",
      {.backends = std::vector<compute::BackendServiceBackendArgs>{{.group = neg.id()}},
       .load_balancing_scheme = "EXTERNAL_MANAGED",
       .log_config = compute::BackendServiceLogConfigArgs{.enable = true, .sample_rate = 1.0},
       .name = p + "-backend",
       .project = project,
       .protocol = "HTTPS",
       .security_policy = armor.id()},
      child);
  compute::URLMap url_map(ctx, name + "-url-map",
                          {.default_service = backend.id(), .name = p + "-url-map", .project = project}, child);
  compute::ManagedSslCertificate certificate(
      ctx, name + "-certificate",
      {.managed = compute::ManagedSslCertificateManagedArgs{.domains = std::vector<std::string>{args.domain}},
       .name = p + "-certificate",
       .project = project,
       .type = "MANAGED"},
      child);
  compute::SSLPolicy tls(ctx, name + "-tls",
                         {.min_tls_version = "TLS_1_2", .name = p + "-tls", .profile = "MODERN", .project = project},
                         child);
  compute::TargetHttpsProxy https_proxy(
      ctx, name + "-https-proxy",
      {.name = p + "-https-proxy",
       .project = project,
       .ssl_certificates = pulumi::All(std::vector<pulumi::Output<std::string>>{certificate.id()}),
       .ssl_policy = tls.id(),
       .url_map = url_map.id()},
      child);
  compute::GlobalAddress address(
      ctx, name + "-ip",
      {.address_type = "EXTERNAL", .ip_version = "IPV4", .labels = args.labels, .name = p + "-ip", .project = project},
      child);
  compute::GlobalForwardingRule https(ctx, name + "-https",
                                      {.ip_address = address.id(),
                                       .ip_protocol = "TCP",
                                       .labels = args.labels,
                                       .load_balancing_scheme = "EXTERNAL_MANAGED",
                                       .name = p + "-https",
                                       .port_range = "443",
                                       .project = project,
                                       .target = https_proxy.id()},
                                      child);
  // Port 80 only redirects to HTTPS.
  compute::URLMap redirect(
      ctx, name + "-http-redirect",
      {.default_url_redirect =
           compute::URLMapDefaultUrlRedirectArgs{
               .https_redirect = true, .redirect_response_code = "MOVED_PERMANENTLY_DEFAULT", .strip_query = false},
       .name = p + "-http-redirect",
       .project = project},
      child);
  compute::TargetHttpProxy http_proxy(ctx, name + "-http-proxy",
                                      {.name = p + "-http-proxy", .project = project, .url_map = redirect.id()}, child);
  compute::GlobalForwardingRule http(ctx, name + "-http",
                                     {.ip_address = address.id(),
                                      .ip_protocol = "TCP",
                                      .labels = args.labels,
                                      .load_balancing_scheme = "EXTERNAL_MANAGED",
                                      .name = p + "-http",
                                      .port_range = "80",
                                      .project = project,
                                      .target = http_proxy.id()},
                                     child);

  url = pulumi::Output<std::string>("https://" + args.domain);
  ip_address = address.address();
  RegisterOutputs({{"url", url}, {"ipAddress", ip_address}});
}

}  // namespace apex
