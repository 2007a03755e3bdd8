// VPC networks and subnets: flow logs, Private Google Access, no default or auto-mode network, and firewall
// rules for every network (policy-checks rows 23-24).
#include "apex/gcp_types.h"
#include "policies.h"
#include "policy_support.h"

namespace apex::policy {
namespace {

// Proxy-only and Private Service Connect subnets carry no VM traffic: flow logs and Private Google Access do
// not apply to them.
bool CarriesVmTraffic(pp::Properties const& p) {
  auto purpose = p.GetString("purpose").value_or("PRIVATE");
  return purpose == "PRIVATE" || purpose == "PRIVATE_RFC_1918";
}

void FlowLogs(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  if (!CarriesVmTraffic(p) || IsSet(p, "logConfig")) return;
  args.ReportViolation("logConfig is not set: subnet " + p.GetString("name").value_or(args.resource.name) +
                       " records no VPC flow logs");
}

void PrivateGoogleAccess(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  if (!CarriesVmTraffic(p)) return;
  auto access = p.GetBool("privateIpGoogleAccess");
  if (!access.value_or(false)) {
    args.ReportViolation(std::string("privateIpGoogleAccess is ") +
                         (access ? "false" : "not set (the provider's default is false)") +
                         ": VMs without an external IP cannot reach Google APIs");
  }
}

void NoDefaultNetwork(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  if (args.resource.type == gcp::kProject) {
    auto create = p.GetBool("autoCreateNetwork");
    if (create.value_or(true)) {
      args.ReportViolation(std::string("autoCreateNetwork is ") +
                           (create ? "true" : "not set (the provider's default is true)") +
                           ": the project gets the default network with its permissive firewall rules");
    }
    return;
  }
  if (p.GetString("name") == "default") {
    args.ReportViolation("the network is named default, the name of the network Google creates with permissive rules");
  }
  auto auto_subnets = p.GetBool("autoCreateSubnetworks");
  if (auto_subnets.value_or(true)) {
    args.ReportViolation(std::string("autoCreateSubnetworks is ") +
                         (auto_subnets ? "true" : "not set (the provider's default is true)") +
                         ": an auto-mode network, like the default one, has a subnet in every region");
  }
}

// A firewall's `network` is a self link, an id ("projects/p/global/networks/n") or a name: compare names.
void DefinesFirewalls(pp::StackValidationArgs const& args) {
  std::vector<std::string> guarded;
  for (auto const& r : args.resources) {
    if (r.type == gcp::kFirewall) guarded.push_back(LastSegment(r.properties.GetString("network").value_or("")));
  }
  for (auto const& r : args.resources) {
    if (r.type != gcp::kNetwork) continue;
    std::string name = r.properties.GetString("name").value_or(r.name);
    if (!Contains(guarded, name)) {
      args.ReportViolation("network " + name + " has no firewall rule in this stack: only the implied rules guard it",
                           r.urn);
    }
  }
}

}  // namespace

Policies NetworkPolicies() {
  return {
      ForTypes("subnet-flow-logs",
               "Subnets record VPC flow logs: logConfig (CKV_GCP_26, google-compute-enable-vpc-flow-logs)",
               {gcp::kSubnetwork}, FlowLogs),
      ForTypes("subnet-private-google-access", "Subnets have Private Google Access: privateIpGoogleAccess (CKV_GCP_74)",
               {gcp::kSubnetwork}, PrivateGoogleAccess),
      ForTypes("network-no-default",
               "No default network: projects do not auto-create it, networks are custom-mode and not named default "
               "(CKV_GCP_27, google-project-no-default-network)",
               {gcp::kProject, gcp::kNetwork}, NoDefaultNetwork),
      pp::StackValidationPolicy{
          .name = "network-defines-firewalls",
          .description = "Every VPC network of the stack has firewall rules of its own (CKV2_GCP_18)",
          .enforcement_level = std::nullopt,
          .config_schema = std::nullopt,
          .validate = DefinesFirewalls},
  };
}

}  // namespace apex::policy
