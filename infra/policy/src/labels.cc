// Every labelable resource carries environment, project, managed-by and cost-center (APEX-11). The table covers
// the labelable resources of the gcp modules Apex uses (pulumi-gcp, the pinned version); Monitoring keeps them
// in userLabels (a notification channel's `labels` are its settings), Cloud SQL in settings.userLabels.
#include "labels.h"

#include "policies.h"
#include "policy_support.h"

#include <map>

namespace apex::policy {
namespace {

std::map<std::string, std::string> const kLabelPaths = {
    {"gcp:artifactregistry/repository:Repository", "labels"},
    {"gcp:cloudrunv2/job:Job", "labels"},
    {"gcp:cloudrunv2/service:Service", "labels"},
    {"gcp:cloudrunv2/workerPool:WorkerPool", "labels"},
    {"gcp:compute/address:Address", "labels"},
    {"gcp:compute/disk:Disk", "labels"},
    {"gcp:compute/forwardingRule:ForwardingRule", "labels"},
    {"gcp:compute/globalAddress:GlobalAddress", "labels"},
    {"gcp:compute/globalForwardingRule:GlobalForwardingRule", "labels"},
    {"gcp:compute/image:Image", "labels"},
    {"gcp:compute/instance:Instance", "labels"},
    {"gcp:compute/instanceTemplate:InstanceTemplate", "labels"},
    {"gcp:compute/regionDisk:RegionDisk", "labels"},
    {"gcp:compute/regionInstanceTemplate:RegionInstanceTemplate", "labels"},
    {"gcp:compute/securityPolicy:SecurityPolicy", "labels"},
    {"gcp:compute/snapshot:Snapshot", "labels"},
    {"gcp:kms/cryptoKey:CryptoKey", "labels"},
    {"gcp:monitoring/alertPolicy:AlertPolicy", "userLabels"},
    {"gcp:monitoring/customService:CustomService", "userLabels"},
    {"gcp:monitoring/genericService:GenericService", "userLabels"},
    {"gcp:monitoring/notificationChannel:NotificationChannel", "userLabels"},
    {"gcp:monitoring/slo:Slo", "userLabels"},
    {"gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig", "userLabels"},
    {"gcp:organizations/project:Project", "labels"},
    {"gcp:redis/cluster:Cluster", "labels"},
    {"gcp:redis/instance:Instance", "labels"},
    {"gcp:secretmanager/regionalSecret:RegionalSecret", "labels"},
    {"gcp:secretmanager/secret:Secret", "labels"},
    {"gcp:sql/databaseInstance:DatabaseInstance", "settings.userLabels"},
    {"gcp:storage/bucket:Bucket", "labels"},
};

void RequiredLabelsPresent(pp::ResourceValidationArgs const& args) {
  auto path = LabelsPathOf(args.resource.type);
  if (!path) return;
  std::vector<std::string> missing;
  for (auto const& key : ConfigStrings(args.config, "requiredLabels", RequiredLabels())) {
    auto value = args.resource.properties.GetString(*path + "." + key);
    if (!value || value->empty()) missing.push_back(key);
  }
  if (!missing.empty()) args.ReportViolation(*path + " lacks " + Join(missing));
}

}  // namespace

std::vector<std::string> const& RequiredLabels() {
  static std::vector<std::string> const kRequired = {"environment", "project", "managed-by", "cost-center"};
  return kRequired;
}

std::optional<std::string> LabelsPathOf(std::string const& type) {
  auto it = kLabelPaths.find(type);
  if (it == kLabelPaths.end()) return std::nullopt;
  return it->second;
}

Policies LabelPolicies() {
  return {pp::ResourceValidationPolicy{
      .name = "labels-present",
      .description = "Labelable resources carry the labels environment, project, managed-by and cost-center (APEX-11)",
      .enforcement_level = std::nullopt,
      .config_schema = pp::ConfigSchema{.properties = {{"requiredLabels",
                                                        StringListSchema("the labels every labelable resource carries",
                                                                         RequiredLabels())}}},
      .validate = RequiredLabelsPresent}};
}

}  // namespace apex::policy
