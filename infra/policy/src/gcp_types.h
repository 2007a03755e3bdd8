// The type tokens of the gcp resources the policies judge (pulumi-gcp 9.37.0).
#ifndef APEX_POLICY_GCP_TYPES_H
#define APEX_POLICY_GCP_TYPES_H

namespace apex::policy::gcp {

inline constexpr char kSqlInstance[] = "gcp:sql/databaseInstance:DatabaseInstance";
inline constexpr char kRedisInstance[] = "gcp:redis/instance:Instance";

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

inline constexpr char kInstance[] = "gcp:compute/instance:Instance";
inline constexpr char kInstanceTemplate[] = "gcp:compute/instanceTemplate:InstanceTemplate";
inline constexpr char kRegionInstanceTemplate[] = "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate";
inline constexpr char kFirewall[] = "gcp:compute/firewall:Firewall";
inline constexpr char kNetwork[] = "gcp:compute/network:Network";
inline constexpr char kSubnetwork[] = "gcp:compute/subnetwork:Subnetwork";
inline constexpr char kProject[] = "gcp:organizations/project:Project";

inline constexpr char kProjectIamMember[] = "gcp:projects/iAMMember:IAMMember";
inline constexpr char kProjectIamBinding[] = "gcp:projects/iAMBinding:IAMBinding";
inline constexpr char kServiceAccountKey[] = "gcp:serviceaccount/key:Key";

inline constexpr char kCryptoKey[] = "gcp:kms/cryptoKey:CryptoKey";
inline constexpr char kSecret[] = "gcp:secretmanager/secret:Secret";

}  // namespace apex::policy::gcp

#endif  // APEX_POLICY_GCP_TYPES_H
