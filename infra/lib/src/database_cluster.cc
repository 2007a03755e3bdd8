#include "apex/database_cluster.h"

namespace apex {

std::vector<std::string> DatabaseCluster::Apis() {
  // Service accounts (iam), the VMs, disks and snapshot schedules (compute), Cloud SQL, Memorystore, secrets.
  return {"compute.googleapis.com", "iam.googleapis.com", "redis.googleapis.com", "secretmanager.googleapis.com",
          "sqladmin.googleapis.com"};
}

DatabaseCluster::DatabaseCluster(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                                 DatabaseNetwork const& network, std::vector<pulumi::Resource> apis,
                                 pulumi::ResourceOptions const& opts)
    : pulumi::ComponentResource(ctx, kType, name, opts), apis_(std::move(apis)) {
  // Cloud SQL and Memorystore get their private IPs through the private service connection, which lives in
  // apex-network: depends_on cannot name a resource of another stack. So their network input is the VPC id
  // joined with the connection's id (a stack output that exists only once the connection does): the input
  // resolves only after the connection is known, the run fails if apex-network has no connection, and the
  // value sent stays the plain VPC id.
  pulumi::Output<std::string> private_network =
      pulumi::All(network.network_id, network.private_service_connection)
          .Apply([](std::string const& network_id, std::string const&) { return network_id; });

  CreatePostgres(ctx, name, args, network, private_network);
  CreateRedis(ctx, name, args, network, private_network);
  CreateNeo4j(ctx, name, args, network);
  CreateQdrant(ctx, name, args, network);

  RegisterOutputs({{"postgresConnectionName", postgres_connection_name},
                   {"postgresPrivateIp", postgres_private_ip},
                   {"redisHost", redis_host},
                   {"redisPort", redis_port},
                   {"neo4jInternalIp", neo4j_internal_ip},
                   {"qdrantUrl", qdrant_url}});
}

pulumi::ResourceOptions DatabaseCluster::Child(std::vector<pulumi::Resource> also) const {
  std::vector<pulumi::Resource> depends_on = apis_;
  depends_on.insert(depends_on.end(), also.begin(), also.end());
  return {.parent = *this, .depends_on = std::move(depends_on)};
}

}  // namespace apex
