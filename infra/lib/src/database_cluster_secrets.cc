// The Secret Manager secrets holding the Postgres and Neo4j passwords (and, from database_cluster_redis.cc,
// Redis's AUTH string). The values come from the stack's
// secret config and stay secret outputs all the way into the SecretVersion; who may read them is granted in
// database_cluster_access.cc and database_cluster_neo4j.cc.
#include "apex/database_cluster.h"

#include "pulumi/gcp/secretmanager/secret.h"
#include "pulumi/gcp/secretmanager/secret_version.h"

namespace apex {

namespace secretmanager = pulumi::gcp::secretmanager;

pulumi::Output<std::string> DatabaseCluster::CreateSecret(pulumi::Context& ctx, std::string const& name,
                                                          DatabaseClusterArgs const& args, std::string const& component,
                                                          pulumi::Output<std::string> const& value) {
  pulumi::ResourceOptions child{.parent = *this};
  secretmanager::Secret secret(
      ctx, name,
      {.deletion_protection = args.deletion_protection,
       .labels = WithComponent(args.labels, component),
       .replication = secretmanager::SecretReplicationArgs{.auto_ = secretmanager::SecretReplicationAutoArgs{}},
       .secret_id = name},
      child);
  secretmanager::SecretVersion version(ctx, name + "-version", {.secret = secret.id(), .secret_data = value}, child);
  return secret.id();
}

void DatabaseCluster::CreateSecrets(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args) {
  db_password_secret_id = CreateSecret(ctx, name + "-password", args, "postgres", args.db_password);
  neo4j_password_secret_id = CreateSecret(ctx, name + "-neo4j-password", args, "neo4j", args.neo4j_password);
}

}  // namespace apex
