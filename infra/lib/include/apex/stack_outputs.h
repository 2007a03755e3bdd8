// The names of the stack outputs the Apex projects export and read from each other through StackReference:
// one list, so that a producer and its consumers cannot drift apart.
#ifndef APEX_STACK_OUTPUTS_H
#define APEX_STACK_OUTPUTS_H

namespace apex::outputs {

// apex-network
inline constexpr char kNetworkId[] = "networkId";
inline constexpr char kNetworkName[] = "networkName";
inline constexpr char kNetworkSelfLink[] = "networkSelfLink";
inline constexpr char kSubnetId[] = "subnetId";
inline constexpr char kSubnetName[] = "subnetName";
inline constexpr char kSubnetSelfLink[] = "subnetSelfLink";
inline constexpr char kPsaRangeName[] = "psaRangeName";
inline constexpr char kPrivateServiceConnection[] = "privateServiceConnection";
/// The Artifact Registry docker repository of the images: "<region>-docker.pkg.dev/<project>/apex".
inline constexpr char kImageRegistry[] = "imageRegistry";

// apex-databases
inline constexpr char kPostgresConnectionName[] = "postgresConnectionName";
inline constexpr char kPostgresPrivateIp[] = "postgresPrivateIp";
inline constexpr char kPostgresInstanceName[] = "postgresInstanceName";
inline constexpr char kDatabaseName[] = "databaseName";
/// Secret Manager secret holding Cloud SQL's server CA certificate (PEM).
inline constexpr char kPostgresCaSecretId[] = "postgresCaSecretId";
inline constexpr char kRedisHost[] = "redisHost";
inline constexpr char kRedisPort[] = "redisPort";
inline constexpr char kRedisInstanceId[] = "redisInstanceId";
inline constexpr char kRedisAuthSecretId[] = "redisAuthSecretId";
/// Secret Manager secret holding Memorystore's server CA certificate (PEM).
inline constexpr char kRedisCaSecretId[] = "redisCaSecretId";
inline constexpr char kNeo4jInternalIp[] = "neo4jInternalIp";
/// Secret Manager secret holding Neo4j's password (a version is written by the VM at first boot).
inline constexpr char kNeo4jPasswordSecretId[] = "neo4jPasswordSecretId";
/// The numeric instance ids of the two data VMs (gce_instance's resource.labels.instance_id), and names.
inline constexpr char kNeo4jInstanceId[] = "neo4jInstanceId";
inline constexpr char kNeo4jInstanceName[] = "neo4jInstanceName";
inline constexpr char kQdrantInstanceId[] = "qdrantInstanceId";
inline constexpr char kQdrantInstanceName[] = "qdrantInstanceName";
/// "http://<Qdrant VM internal IP>:6333".
inline constexpr char kQdrantUrl[] = "qdrantUrl";
/// Secret Manager secret holding Qdrant's API key (a version is written by the VM at first boot).
inline constexpr char kQdrantApiKeySecretId[] = "qdrantApiKeySecretId";

// apex-services
inline constexpr char kApiGatewayUri[] = "apiGatewayUri";
inline constexpr char kApiGatewayName[] = "apiGatewayName";
inline constexpr char kIngestionWorkerName[] = "ingestionWorkerName";
inline constexpr char kQueryRouterName[] = "queryRouterName";
inline constexpr char kTemporalWorkerName[] = "temporalWorkerName";
/// Where users reach the API: "https://<apex:publicDomain>" behind the load balancer, else the run.app URI.
inline constexpr char kPublicUrl[] = "publicUrl";
/// The load balancer's reserved address, for the domain's DNS A record (apex:publicEdge loadBalancer only).
inline constexpr char kPublicIpAddress[] = "publicIpAddress";
/// The Cloud Run job that creates the extensions and grants (run after `pulumi up`).
inline constexpr char kMigrationJobName[] = "migrationJobName";

// apex-monitoring
inline constexpr char kNotificationChannel[] = "notificationChannel";
inline constexpr char kUptimeCheckId[] = "uptimeCheckId";
inline constexpr char kDashboardId[] = "dashboardId";

}  // namespace apex::outputs

#endif  // APEX_STACK_OUTPUTS_H
