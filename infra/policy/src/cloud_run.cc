// Cloud Run exposure: who may invoke a service and where its traffic may come from (policy-checks row 17, which
// CKV_GCP_102 checks for the v1 IAM resources only, ported to v2; APEX-7, APEX-8). Only the services named in
// the config property publicServices (the API gateway) may be public.
#include "apex/gcp_types.h"
#include "policies.h"
#include "policy_support.h"

namespace apex::policy {
namespace {

std::vector<std::string> const kPublicServices = {"apex-api-gateway"};

bool IsPublicMember(std::string const& member) { return member == "allUsers" || member == "allAuthenticatedUsers"; }

pp::ConfigSchema PublicServicesSchema() {
  return {
      .properties = {{"publicServices", StringListSchema("Cloud Run services (their names) that the internet may reach",
                                                         kPublicServices)}}};
}

struct IamShape {
  std::string what;         // "Cloud Run service", "Cloud Run job", ...
  std::string target_path;  // the input naming the service, job or worker pool
  bool may_be_public;       // services in publicServices may be
};

IamShape ShapeOf(std::string const& type) {
  if (type == gcp::kRunJobIamMember || type == gcp::kRunJobIamBinding) return {"Cloud Run job", "name", false};
  if (type == gcp::kRunWorkerPoolIamMember || type == gcp::kRunWorkerPoolIamBinding) {
    return {"Cloud Run worker pool", "name", false};
  }
  if (type == gcp::kRunV1IamMember || type == gcp::kRunV1IamBinding || type == gcp::kRunV1IamPolicy) {
    return {"Cloud Run service", "service", true};
  }
  return {"Cloud Run service", "name", true};
}

/// The public members a grant gives access to.
std::vector<std::string> PublicMembers(pp::Properties const& p, std::string const& type) {
  std::vector<std::string> found;
  if (type == gcp::kRunServiceIamPolicy || type == gcp::kRunV1IamPolicy) {
    std::string policy = p.GetString("policyData").value_or("");
    for (char const* member : {"allUsers", "allAuthenticatedUsers"}) {
      if (policy.find(std::string("\"") + member + "\"") != std::string::npos) found.emplace_back(member);
    }
    return found;
  }
  if (IsSet(p, "member")) {
    auto member = p.GetString("member").value_or("");
    if (IsPublicMember(member)) found.push_back(member);
    return found;
  }
  for (std::size_t i = 0, n = ListSize(p, "members"); i < n; ++i) {
    auto member = p.GetString("members[" + std::to_string(i) + "]").value_or("");
    if (IsPublicMember(member)) found.push_back(member);
  }
  return found;
}

void NoPublicInvoker(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  auto members = PublicMembers(p, args.resource.type);
  if (members.empty()) return;
  auto shape = ShapeOf(args.resource.type);
  std::string target = LastSegment(p.GetString(shape.target_path).value_or(""));
  auto allowed = ConfigStrings(args.config, "publicServices", kPublicServices);
  if (shape.may_be_public && Contains(allowed, target)) return;
  args.ReportViolation(Join(members) + " may call " + shape.what + " " + target + " (role " +
                       p.GetString("role").value_or("in policyData") + "); only " +
                       (allowed.empty() ? std::string("no service") : Join(allowed)) + " may be public");
}

void InternalIngress(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  std::string name = LastSegment(p.GetString("name").value_or(""));
  if (Contains(ConfigStrings(args.config, "publicServices", kPublicServices), name)) return;
  auto ingress = p.GetString("ingress");
  if (ingress.value_or("INGRESS_TRAFFIC_ALL") != "INGRESS_TRAFFIC_INTERNAL_ONLY") {
    args.ReportViolation("ingress of Cloud Run service " + name + " is " +
                         (ingress ? *ingress : "not set (the provider's default is INGRESS_TRAFFIC_ALL)") +
                         ": a service that is not public takes INGRESS_TRAFFIC_INTERNAL_ONLY");
  }
}

}  // namespace

Policies CloudRunPolicies() {
  return {
      ForTypes("cloud-run-no-public-invoker",
               "Cloud Run services, jobs and worker pools are not public (allUsers, allAuthenticatedUsers), except the "
               "public gateway (CKV_GCP_102 ported to cloudrunv2; APEX-8)",
               {gcp::kRunServiceIamMember, gcp::kRunServiceIamBinding, gcp::kRunServiceIamPolicy, gcp::kRunJobIamMember,
                gcp::kRunJobIamBinding, gcp::kRunWorkerPoolIamMember, gcp::kRunWorkerPoolIamBinding,
                gcp::kRunV1IamMember, gcp::kRunV1IamBinding, gcp::kRunV1IamPolicy},
               NoPublicInvoker, PublicServicesSchema()),
      ForTypes("cloud-run-internal-ingress",
               "Cloud Run services other than the public gateway take internal traffic only: ingress "
               "INGRESS_TRAFFIC_INTERNAL_ONLY (APEX-7)",
               {gcp::kRunService}, InternalIngress, PublicServicesSchema()),
  };
}

}  // namespace apex::policy
