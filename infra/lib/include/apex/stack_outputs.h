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

// apex-databases
inline constexpr char kPostgresConnectionName[] = "postgresConnectionName";
inline constexpr char kPostgresPrivateIp[] = "postgresPrivateIp";
inline constexpr char kPostgresInstanceName[] = "postgresInstanceName";
inline constexpr char kDatabaseName[] = "databaseName";
inline constexpr char kDatabaseUser[] = "databaseUser";
inline constexpr char kDbPasswordSecretId[] = "dbPasswordSecretId";
inline constexpr char kRedisHost[] = "redisHost";
inline constexpr char kRedisPort[] = "redisPort";
inline constexpr char kRedisInstanceId[] = "redisInstanceId";
inline constexpr char kRedisAuthSecretId[] = "redisAuthSecretId";
inline constexpr char kNeo4jInternalIp[] = "neo4jInternalIp";
inline constexpr char kNeo4jPasswordSecretId[] = "neo4jPasswordSecretId";
inline constexpr char kQdrantUri[] = "qdrantUri";
inline constexpr char kQdrantServiceName[] = "qdrantServiceName";
inline constexpr char kDatabaseServiceAccount[] = "databaseServiceAccountEmail";

// apex-services
inline constexpr char kApiGatewayUri[] = "apiGatewayUri";
inline constexpr char kApiGatewayName[] = "apiGatewayName";
inline constexpr char kIngestionWorkerName[] = "ingestionWorkerName";
inline constexpr char kQueryRouterName[] = "queryRouterName";
inline constexpr char kTemporalWorkerName[] = "temporalWorkerName";

// apex-monitoring
inline constexpr char kNotificationChannel[] = "notificationChannel";
inline constexpr char kUptimeCheckId[] = "uptimeCheckId";
inline constexpr char kDashboardId[] = "dashboardId";

}  // namespace apex::outputs

#endif  // APEX_STACK_OUTPUTS_H
