// The public entry (external load balancers, public run.app URLs) and the monitoring that watches it.
#include "architecture_builder.h"

#include <cctype>
#include <map>

namespace apex::plan::arch {
namespace {

constexpr char kEdge[] = "edge";
constexpr char kMonitoring[] = "monitoring";

// "TLS_1_2" -> "TLS 1.2+"
std::string TlsText(std::string const& min_version) {
  std::string out = min_version;
  if (out.rfind("TLS_", 0) == 0) out = "TLS " + out.substr(4);
  for (auto& c : out) {
    if (c == '_') c = '.';
  }
  return out + "+";
}

// A Cloud Armor policy in two lines: the preconfigured WAF rules it denies with, and its rate limits.
std::vector<std::string> ArmorSummary(Res const& policy) {
  std::vector<std::string> waf, limits;
  for (auto const* rule : policy.InObjects("rules[]")) {
    auto expression = TextAt(*rule, "match.expr.expression");
    auto waf_at = expression.find("evaluatePreconfiguredWaf('");
    if (waf_at != std::string::npos) {
      auto name = expression.substr(waf_at + 26);
      name = name.substr(0, name.find_first_of("-'"));
      waf.push_back(name);
    }
    auto count = TextAt(*rule, "rateLimitOptions.rateLimitThreshold.count");
    if (!count.empty()) {
      auto key = TextAt(*rule, "rateLimitOptions.enforceOnKey");
      limits.push_back(count + " req/" + TextAt(*rule, "rateLimitOptions.rateLimitThreshold.intervalSec") + "s" +
                       (key.empty() ? "" : " per " + key));
    }
  }
  std::vector<std::string> out;
  if (!waf.empty()) out.push_back("WAF: " + Join(waf, ", "));
  if (!limits.empty()) out.push_back("rate limit " + Join(limits, ", "));
  return out;
}

}  // namespace

void Builder::PublicEntry() {
  std::string project;
  bool load_balancer = false;
  for (auto const& rule : index_.OfType(gcp::kGlobalForwardingRule)) {
    auto scheme = rule.In("loadBalancingScheme");
    if (!scheme.empty() && scheme.rfind("EXTERNAL", 0) != 0) continue;  // internal load balancers are not an entry
    LoadBalancer(rule);
    load_balancer = true;
    project = rule.project;
  }
  // A run.app URL anyone can call: ingress from all, and allUsers may invoke.
  for (auto const& w : workloads_) {
    if (w.res.Type() != kCloudRunService || IngressText(w.res.In("ingress")) != "all") continue;
    if (!public_services_.count(w.node)) continue;
    auto host = EndpointOf(w.res.Out("uri")).host;
    if (host.empty()) continue;
    std::string id = "url:" + host;
    AddNode({.id = id,
             .kind = NodeKind::kPublicUrl,
             .title = "Public run.app URL",
             .details = {"https://" + host},
             .project = w.res.project,
             .cluster = kEdge});
    AddEdge({.from = kInternet, .to = id, .kind = EdgeKind::kRequest, .label = "HTTPS"});
    AddEdge({.from = id, .to = w.node, .kind = EdgeKind::kRequest, .label = ""});
    entry_by_host_[host] = id;
    project = w.res.project;
  }
  if (project.empty()) return;
  AddNode(
      {.id = kInternet, .kind = NodeKind::kInternet, .title = "Internet", .details = {}, .project = "", .cluster = ""});
  AddCluster(kEdge, load_balancer ? "Public edge: external HTTPS load balancer  (" + project + ")"
                                  : "Public entry  (" + project + ")");
}

// forwarding rule -> target proxy -> URL map -> backend services.
void Builder::LoadBalancer(Res const& rule) {
  std::string id = "lb:" + rule.Name();
  auto const* address = index_.Resolve(rule.In("ipAddress"));
  std::string ip = address ? address->Out("address") : rule.In("ipAddress");
  auto port = rule.In("portRange");
  auto const* proxy = index_.Resolve(rule.In("target"));
  bool https = proxy && proxy->Type() == gcp::kTargetHttpsProxy;
  std::vector<std::string> details;
  if (!ip.empty())
    details.push_back((address ? "IP " + address->Name() + " " : "") + ip + (port.empty() ? "" : ":" + port));
  AddNode({.id = id,
           .kind = NodeKind::kForwardingRule,
           .title = "Forwarding rule " + rule.Name(),
           .details = details,
           .project = rule.project,
           .cluster = kEdge});
  AddEdge({.from = kInternet,
           .to = id,
           .kind = EdgeKind::kRequest,
           .label = std::string(https ? "HTTPS" : "HTTP") + (port.empty() ? "" : " :" + port)});
  if (!proxy) return;

  std::string proxy_id = "proxy:" + proxy->Name();
  std::vector<std::string> proxy_details;
  if (auto const* policy = index_.Resolve(proxy->In("sslPolicy"))) {
    proxy_details.push_back(TlsText(policy->In("minTlsVersion")) + " " + policy->In("profile"));
  }
  for (auto const& reference : proxy->InList("sslCertificates")) {
    auto const* certificate = index_.Resolve(reference);
    if (!certificate) continue;
    auto domains = certificate->InList("managed.domains");
    if (domains.empty()) continue;
    proxy_details.push_back("certificate " + Join(domains, ", "));
    for (auto const& domain : domains) entry_by_host_[domain] = id;
  }
  AddNode({.id = proxy_id,
           .kind = NodeKind::kProxy,
           .title = std::string(https ? "HTTPS proxy " : "HTTP proxy ") + proxy->Name(),
           .details = proxy_details,
           .project = proxy->project,
           .cluster = kEdge});
  AddEdge({.from = id, .to = proxy_id, .kind = EdgeKind::kRequest, .label = ""});

  auto const* url_map = index_.Resolve(proxy->In("urlMap"));
  if (!url_map) return;
  std::string map_id = "urlmap:" + url_map->Name();
  std::vector<std::string> map_details;
  if (url_map->In("defaultUrlRedirect.httpsRedirect") == "true") map_details.push_back("redirects to HTTPS");
  AddNode({.id = map_id,
           .kind = NodeKind::kUrlMap,
           .title = "URL map " + url_map->Name(),
           .details = map_details,
           .project = url_map->project,
           .cluster = kEdge});
  AddEdge({.from = proxy_id, .to = map_id, .kind = EdgeKind::kRequest, .label = ""});
  std::vector<std::string> services = url_map->InList("defaultService");
  for (auto const& s : url_map->InList("pathMatchers[].defaultService")) services.push_back(s);
  for (auto const& s : url_map->InList("pathMatchers[].pathRules[].service")) services.push_back(s);
  for (auto const& reference : services) {
    if (auto const* backend = index_.Resolve(reference); backend && backend->Type() == gcp::kBackendService) {
      BackendService(*backend, map_id);
    }
  }
}

// backend service (with its Cloud Armor policy) -> serverless NEGs -> Cloud Run services.
void Builder::BackendService(Res const& backend, std::string const& from) {
  std::string id = "backend:" + backend.Name();
  std::vector<std::string> details = {backend.In("protocol") + ", " + backend.In("loadBalancingScheme")};
  if (backend.In("logConfig.enable") == "true") details.push_back("request logging");
  AddNode({.id = id,
           .kind = NodeKind::kBackendService,
           .title = "Backend service " + backend.Name(),
           .details = details,
           .project = backend.project,
           .cluster = kEdge});
  AddEdge({.from = from, .to = id, .kind = EdgeKind::kRequest, .label = ""});
  if (auto const* policy = index_.Resolve(backend.In("securityPolicy"))) {
    std::string armor = "armor:" + policy->Name();
    AddNode({.id = armor,
             .kind = NodeKind::kSecurityPolicy,
             .title = "Cloud Armor " + policy->Name(),
             .details = ArmorSummary(*policy),
             .project = policy->project,
             .cluster = kEdge});
    AddEdge({.from = id, .to = armor, .kind = EdgeKind::kPolicy, .label = "security policy"});
  }
  for (auto const& group : backend.InList("backends[].group")) {
    auto const* neg = index_.Resolve(group);
    if (!neg || neg->Type() != gcp::kRegionNetworkEndpointGroup) continue;
    std::string neg_id = "neg:" + neg->Name();
    AddNode({.id = neg_id,
             .kind = NodeKind::kNeg,
             .title = (neg->In("networkEndpointType") == "SERVERLESS" ? "Serverless NEG " : "NEG ") + neg->Name(),
             .details = {neg->In("region")},
             .project = neg->project,
             .cluster = kEdge});
    AddEdge({.from = id, .to = neg_id, .kind = EdgeKind::kRequest, .label = ""});
    if (auto const* service = index_.Named(kCloudRunService, neg->In("cloudRun.service"))) {
      AddEdge({.from = neg_id, .to = "run:" + service->Name(), .kind = EdgeKind::kRequest, .label = ""});
    }
  }
}

// Uptime checks on the public entry; the alert policies as one node, with the channels they notify.
void Builder::Monitoring() {
  auto checks = index_.OfType(gcp::kUptimeCheckConfig);
  auto alerts = index_.OfType(gcp::kAlertPolicy);
  auto channels = index_.OfType(gcp::kNotificationChannel);
  auto dashboards = index_.OfType(gcp::kDashboard);
  std::string project;
  for (auto const* group : {&checks, &alerts, &channels, &dashboards}) {
    if (!group->empty() && project.empty()) project = group->front().project;
  }
  if (project.empty()) return;
  std::string label = "Cloud Monitoring  (" + project + ")";
  if (!dashboards.empty()) {
    label += "\n" + std::to_string(dashboards.size()) + " dashboard" + (dashboards.size() > 1 ? "s" : "");
  }
  AddCluster(kMonitoring, label);

  for (auto const& check : checks) {
    std::string id = "uptime:" + check.Name();
    auto host = check.In("monitoredResource.labels.host");
    auto path = check.In("httpCheck.path");
    std::string scheme = check.In("httpCheck.useSsl") == "true" ? "https://" : "http://";
    AddNode({.id = id,
             .kind = NodeKind::kUptimeCheck,
             .title = "Uptime check",
             .details = {scheme + host + path, "every " + check.In("period")},
             .project = check.project,
             .cluster = kMonitoring});
    std::string target;
    if (auto it = entry_by_host_.find(host); it != entry_by_host_.end())
      target = it->second;
    else if (auto node = node_by_host_.find(host); node != node_by_host_.end())
      target = node->second;
    if (!target.empty()) {
      AddEdge({.from = id, .to = target, .kind = EdgeKind::kMonitor, .label = "GET " + (path.empty() ? "/" : path)});
    }
  }
  if (!alerts.empty()) {
    std::map<std::string, int> by_severity;
    for (auto const& a : alerts) {
      auto severity = a.In("severity");
      for (auto& ch : severity) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      ++by_severity[severity.empty() ? "no severity" : severity];
    }
    std::vector<std::string> counts;
    for (auto const& [severity, n] : by_severity) counts.push_back(std::to_string(n) + " " + severity);
    AddNode({.id = "alerts",
             .kind = NodeKind::kAlertPolicies,
             .title = std::to_string(alerts.size()) + " alert polic" + (alerts.size() > 1 ? "ies" : "y"),
             .details = {Join(counts, ", ")},
             .project = alerts.front().project,
             .cluster = kMonitoring});
  }
  for (auto const& channel : channels) {
    std::string id = "channel:" + channel.Name();
    AddNode({.id = id,
             .kind = NodeKind::kNotificationChannel,
             .title = "Notification channel",
             .details = {channel.In("type") + ": " + channel.In("displayName")},
             .project = channel.project,
             .cluster = kMonitoring});
    for (auto const& a : alerts) {
      for (auto const& reference : a.InList("notificationChannels")) {
        auto const* target = index_.Resolve(reference);
        if (target && target->r == channel.r)
          AddEdge({.from = "alerts", .to = id, .kind = EdgeKind::kMonitor, .label = "notify"});
      }
    }
  }
}

}  // namespace apex::plan::arch
