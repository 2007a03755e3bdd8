#include "key_properties.h"

#include <map>

namespace apex::plan {

std::vector<std::string> const& KeyProperties(std::string const& type_token) {
  static std::map<std::string, std::vector<std::string>> const kTable = {
      // apex-network
      {"gcp:compute/network:Network", {"autoCreateSubnetworks", "routingMode"}},
      {"gcp:compute/subnetwork:Subnetwork",
       {"ipCidrRange", "region", "privateIpGoogleAccess", "logConfig.flowSampling"}},
      {"gcp:compute/router:Router", {"region"}},
      {"gcp:compute/routerNat:RouterNat", {"natIpAllocateOption", "sourceSubnetworkIpRangesToNat", "logConfig.filter"}},
      {"gcp:compute/firewall:Firewall", {"direction", "sourceRanges", "allows", "targetTags"}},
      {"gcp:compute/globalAddress:GlobalAddress", {"purpose", "addressType", "prefixLength"}},
      {"gcp:servicenetworking/connection:Connection", {"service", "reservedPeeringRanges", "deletionPolicy"}},
      {"gcp:artifactregistry/repository:Repository", {"format", "location", "dockerConfig.immutableTags"}},
      // every project: the APIs it enables
      {"gcp:projects/service:Service", {"service", "disableOnDestroy"}},
      // apex-databases
      {"gcp:sql/databaseInstance:DatabaseInstance",
       {"databaseVersion", "settings.tier", "settings.availabilityType", "settings.ipConfiguration.ipv4Enabled",
        "settings.ipConfiguration.sslMode", "settings.backupConfiguration.enabled",
        "settings.backupConfiguration.pointInTimeRecoveryEnabled", "deletionProtection"}},
      {"gcp:sql/database:Database", {"name"}},
      {"gcp:sql/user:User", {"name", "type", "databaseRoles", "password"}},
      {"gcp:redis/instance:Instance",
       {"tier", "memorySizeGb", "redisVersion", "connectMode", "authEnabled", "transitEncryptionMode"}},
      {"gcp:compute/instance:Instance",
       {"machineType", "zone", "networkInterfaces[0].accessConfigs", "shieldedInstanceConfig.enableSecureBoot",
        "serviceAccount.email"}},
      {"gcp:compute/disk:Disk", {"type", "size", "zone"}},
      {"gcp:compute/resourcePolicy:ResourcePolicy", {"snapshotSchedulePolicy.retentionPolicy.maxRetentionDays"}},
      {"gcp:compute/diskResourcePolicyAttachment:DiskResourcePolicyAttachment", {"disk"}},
      {"gcp:storage/bucket:Bucket", {"location", "storageClass", "uniformBucketLevelAccess"}},
      {"gcp:secretmanager/secret:Secret", {"secretId", "replication"}},
      {"gcp:secretmanager/secretVersion:SecretVersion", {"secretData"}},
      // apex-services
      {"gcp:cloudrunv2/service:Service",
       {"ingress", "template.scaling.minInstanceCount", "template.scaling.maxInstanceCount", "scaling.minInstanceCount",
        "template.containers[0].image", "template.containers[0].resources.limits", "template.vpcAccess.egress",
        "deletionProtection"}},
      {"gcp:cloudrunv2/workerPool:WorkerPool",
       {"scaling.manualInstanceCount", "scaling.minInstanceCount", "scaling.maxInstanceCount",
        "template.containers[0].image", "template.vpcAccess.egress"}},
      {"gcp:serviceaccount/account:Account", {"accountId"}},
      {"gcp:cloudrunv2/job:Job", {"template.template.containers[0].image", "template.template.vpcAccess.egress"}},
      // apex-services in prod: the public edge
      {"gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
       {"networkEndpointType", "cloudRun.service"}},
      {"gcp:compute/securityPolicy:SecurityPolicy", {"type", "rules"}},
      {"gcp:compute/backendService:BackendService", {"loadBalancingScheme", "protocol", "securityPolicy"}},
      {"gcp:compute/uRLMap:URLMap", {"defaultService", "defaultUrlRedirect.httpsRedirect"}},
      {"gcp:compute/managedSslCertificate:ManagedSslCertificate", {"managed.domains"}},
      {"gcp:compute/sSLPolicy:SSLPolicy", {"minTlsVersion", "profile"}},
      {"gcp:compute/targetHttpsProxy:TargetHttpsProxy", {"sslCertificates", "sslPolicy"}},
      {"gcp:compute/targetHttpProxy:TargetHttpProxy", {"urlMap"}},
      {"gcp:compute/globalForwardingRule:GlobalForwardingRule", {"portRange", "loadBalancingScheme", "ipAddress"}},
      // IAM bindings, wherever they are
      {"gcp:projects/iAMMember:IAMMember", {"role", "member"}},
      {"gcp:cloudrunv2/serviceIamMember:ServiceIamMember", {"role", "member"}},
      {"gcp:cloudrunv2/workerPoolIamMember:WorkerPoolIamMember", {"role", "member"}},
      {"gcp:secretmanager/secretIamMember:SecretIamMember", {"role", "member"}},
      {"gcp:storage/bucketIAMMember:BucketIAMMember", {"role", "member"}},
      {"gcp:serviceaccount/iAMMember:IAMMember", {"role", "member"}},
      // apex-monitoring
      {"gcp:monitoring/notificationChannel:NotificationChannel", {"type", "displayName"}},
      {"gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig", {"displayName", "period", "httpCheck.path"}},
      {"gcp:monitoring/alertPolicy:AlertPolicy", {"displayName", "severity", "combiner"}},
      {"gcp:monitoring/dashboard:Dashboard", {}},
  };
  static std::vector<std::string> const kNone;
  auto it = kTable.find(type_token);
  return it == kTable.end() ? kNone : it->second;
}

}  // namespace apex::plan
