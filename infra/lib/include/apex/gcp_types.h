// The type tokens of the gcp resources (pulumi-gcp, the pinned version) that Apex's tools look at by type: the
// policy pack (infra/policy) and the offline plan's architecture (infra/plan). Header only: the policy pack, built
// on its own, includes it from here too.
#ifndef APEX_GCP_TYPES_H
#define APEX_GCP_TYPES_H

namespace apex::gcp {

// Networking
inline constexpr char kNetwork[] = "gcp:compute/network:Network";
inline constexpr char kSubnetwork[] = "gcp:compute/subnetwork:Subnetwork";
inline constexpr char kRouter[] = "gcp:compute/router:Router";
inline constexpr char kRouterNat[] = "gcp:compute/routerNat:RouterNat";
inline constexpr char kFirewall[] = "gcp:compute/firewall:Firewall";
inline constexpr char kGlobalAddress[] = "gcp:compute/globalAddress:GlobalAddress";
inline constexpr char kServiceNetworkingConnection[] = "gcp:servicenetworking/connection:Connection";

// The HTTPS load balancer
inline constexpr char kGlobalForwardingRule[] = "gcp:compute/globalForwardingRule:GlobalForwardingRule";
inline constexpr char kTargetHttpsProxy[] = "gcp:compute/targetHttpsProxy:TargetHttpsProxy";
inline constexpr char kTargetHttpProxy[] = "gcp:compute/targetHttpProxy:TargetHttpProxy";
inline constexpr char kUrlMap[] = "gcp:compute/uRLMap:URLMap";
inline constexpr char kBackendService[] = "gcp:compute/backendService:BackendService";
inline constexpr char kRegionNetworkEndpointGroup[] =
    "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup";

// Compute Engine and projects
inline constexpr char kInstance[] = "gcp:compute/instance:Instance";
inline constexpr char kInstanceTemplate[] = "gcp:compute/instanceTemplate:InstanceTemplate";
inline constexpr char kRegionInstanceTemplate[] = "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate";
inline constexpr char kProject[] = "gcp:organizations/project:Project";

// Data stores
inline constexpr char kSqlInstance[] = "gcp:sql/databaseInstance:DatabaseInstance";
inline constexpr char kSqlDatabase[] = "gcp:sql/database:Database";
inline constexpr char kSqlUser[] = "gcp:sql/user:User";
inline constexpr char kRedisInstance[] = "gcp:redis/instance:Instance";

// Cloud Run, and who may invoke it
inline constexpr char kRunService[] = "gcp:cloudrunv2/service:Service";
inline constexpr char kRunJob[] = "gcp:cloudrunv2/job:Job";
inline constexpr char kRunWorkerPool[] = "gcp:cloudrunv2/workerPool:WorkerPool";
inline constexpr char kRunServiceIamMember[] = "gcp:cloudrunv2/serviceIamMember:ServiceIamMember";
inline constexpr char kRunServiceIamBinding[] = "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding";
inline constexpr char kRunServiceIamPolicy[] = "gcp:cloudrunv2/serviceIamPolicy:ServiceIamPolicy";
inline constexpr char kRunJobIamMember[] = "gcp:cloudrunv2/jobIamMember:JobIamMember";
inline constexpr char kRunJobIamBinding[] = "gcp:cloudrunv2/jobIamBinding:JobIamBinding";
inline constexpr char kRunWorkerPoolIamMember[] = "gcp:cloudrunv2/workerPoolIamMember:WorkerPoolIamMember";
inline constexpr char kRunWorkerPoolIamBinding[] = "gcp:cloudrunv2/workerPoolIamBinding:WorkerPoolIamBinding";
inline constexpr char kRunV1IamMember[] = "gcp:cloudrun/iamMember:IamMember";
inline constexpr char kRunV1IamBinding[] = "gcp:cloudrun/iamBinding:IamBinding";
inline constexpr char kRunV1IamPolicy[] = "gcp:cloudrun/iamPolicy:IamPolicy";

// IAM, keys and secrets
inline constexpr char kProjectIamMember[] = "gcp:projects/iAMMember:IAMMember";
inline constexpr char kProjectIamBinding[] = "gcp:projects/iAMBinding:IAMBinding";
inline constexpr char kServiceAccountKey[] = "gcp:serviceaccount/key:Key";
inline constexpr char kCryptoKey[] = "gcp:kms/cryptoKey:CryptoKey";
inline constexpr char kSecret[] = "gcp:secretmanager/secret:Secret";
inline constexpr char kSecretVersion[] = "gcp:secretmanager/secretVersion:SecretVersion";
inline constexpr char kSecretIamMember[] = "gcp:secretmanager/secretIamMember:SecretIamMember";

// Monitoring
inline constexpr char kUptimeCheckConfig[] = "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig";
inline constexpr char kAlertPolicy[] = "gcp:monitoring/alertPolicy:AlertPolicy";
inline constexpr char kNotificationChannel[] = "gcp:monitoring/notificationChannel:NotificationChannel";
inline constexpr char kDashboard[] = "gcp:monitoring/dashboard:Dashboard";

}  // namespace apex::gcp

#endif  // APEX_GCP_TYPES_H
