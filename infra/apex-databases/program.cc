#include "apex_databases/program.h"

#include "apex/config.h"
#include "apex/database_cluster.h"
#include "apex/project_apis.h"
#include "apex/stack_outputs.h"
#include "apex/stack_reads.h"

namespace apex::databases {

void Program(pulumi::Context& ctx) {
  auto common = LoadCommonConfig(ctx);
  auto args = LoadDatabaseClusterArgs(ctx, common);

  StackReads stacks(ctx, common, "apex-databases");
  auto network_output = [&](char const* key) { return stacks.Require("apex-network", key); };
  DatabaseNetwork network{.network_id = network_output(outputs::kNetworkId),
                          .subnet_self_link = network_output(outputs::kSubnetSelfLink),
                          .psa_range_name = network_output(outputs::kPsaRangeName),
                          .private_service_connection = network_output(outputs::kPrivateServiceConnection)};

  DatabaseCluster cluster(ctx, "apex-db", args, network, EnableApis(ctx, common, DatabaseCluster::Apis()));
  ctx.Export(outputs::kPostgresConnectionName, cluster.postgres_connection_name);
  ctx.Export(outputs::kPostgresPrivateIp, cluster.postgres_private_ip);
  ctx.Export(outputs::kPostgresInstanceName, cluster.postgres_instance_name);
  ctx.Export(outputs::kDatabaseName, cluster.database_name);
  ctx.Export(outputs::kPostgresCaSecretId, cluster.postgres_ca_secret_id);
  ctx.Export(outputs::kRedisHost, cluster.redis_host);
  ctx.Export(outputs::kRedisPort, cluster.redis_port);
  ctx.Export(outputs::kRedisInstanceId, cluster.redis_instance_id);
  ctx.Export(outputs::kRedisAuthSecretId, cluster.redis_auth_secret_id);
  ctx.Export(outputs::kRedisCaSecretId, cluster.redis_ca_secret_id);
  ctx.Export(outputs::kNeo4jInternalIp, cluster.neo4j_internal_ip);
  ctx.Export(outputs::kNeo4jPasswordSecretId, cluster.neo4j_password_secret_id);
  ctx.Export(outputs::kNeo4jInstanceId, cluster.neo4j_instance_id);
  ctx.Export(outputs::kNeo4jInstanceName, cluster.neo4j_instance_name);
  ctx.Export(outputs::kQdrantUrl, cluster.qdrant_url);
  ctx.Export(outputs::kQdrantApiKeySecretId, cluster.qdrant_api_key_secret_id);
  ctx.Export(outputs::kQdrantInstanceId, cluster.qdrant_instance_id);
  ctx.Export(outputs::kQdrantInstanceName, cluster.qdrant_instance_name);
}

}  // namespace apex::databases
