// VPC firewall rules: no ingress from the whole internet to SSH, RDP or all ports (policy-checks row 22).
#include "apex/gcp_types.h"
#include "policies.h"
#include "policy_support.h"

namespace apex::policy {
namespace {

// The protocols whose rules name ports (by name or IANA number); "all" includes them.
bool HasPorts(std::string const& protocol) {
  return protocol == "tcp" || protocol == "udp" || protocol == "sctp" || protocol == "6" || protocol == "17" ||
         protocol == "132";
}

// "22" or "20-25" covers 22.
bool Covers(std::string const& range, int port) {
  try {
    auto dash = range.find('-');
    int low = std::stoi(range.substr(0, dash));
    int high = dash == std::string::npos ? low : std::stoi(range.substr(dash + 1));
    return low <= port && port <= high;
  } catch (std::exception const&) {
    return false;
  }
}

/// The public source ranges of an ingress rule; a rule without any source is open to 0.0.0.0/0.
std::vector<std::string> PublicSources(pp::Properties const& p) {
  std::vector<std::string> found;
  auto ranges = ListSize(p, "sourceRanges");
  for (std::size_t i = 0; i < ranges; ++i) {
    auto range = p.GetString("sourceRanges[" + std::to_string(i) + "]").value_or("");
    if (IsWholeInternet(range)) found.push_back(range);
  }
  if (ranges == 0 && ListSize(p, "sourceTags") == 0 && ListSize(p, "sourceServiceAccounts") == 0) {
    found.emplace_back("0.0.0.0/0 (no source given)");
  }
  return found;
}

void NoPublicIngress(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  if (p.GetBool("disabled").value_or(false) || p.GetString("direction").value_or("INGRESS") != "INGRESS") return;
  auto sources = PublicSources(p);
  if (sources.empty()) return;
  for (std::size_t i = 0, n = ListSize(p, "allows"); i < n; ++i) {
    std::string const at = "allows[" + std::to_string(i) + "]";
    auto protocol = Lower(p.GetString(at + ".protocol").value_or(""));
    if (protocol != "all" && !HasPorts(protocol)) continue;
    auto ports = ListSize(p, at + ".ports");
    std::vector<std::string> exposed;
    if (protocol == "all" || ports == 0) exposed.emplace_back("all ports");
    for (std::size_t j = 0; j < ports; ++j) {
      auto range = p.GetString(at + ".ports[" + std::to_string(j) + "]").value_or("");
      for (int port : {22, 3389}) {
        if (!Covers(range, port)) continue;
        exposed.push_back(range == std::to_string(port) ? range : range + " (" + std::to_string(port) + ")");
      }
    }
    if (!exposed.empty()) {
      args.ReportViolation(at + " opens " + (protocol == "all" ? "all protocols" : protocol) + " " + Join(exposed) +
                           " to " + Join(sources));
    }
  }
}

}  // namespace

Policies FirewallPolicies() {
  return {
      ForTypes("firewall-no-public-ingress",
               "Firewall rules allow no ingress from 0.0.0.0/0 to SSH (22), RDP (3389) or all ports (CKV_GCP_2, "
               "CKV_GCP_3, CKV2_GCP_12, google-compute-no-public-ingress)",
               {gcp::kFirewall}, NoPublicIngress),
  };
}

}  // namespace apex::policy
