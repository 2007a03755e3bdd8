// The Secret Manager secrets holding the Postgres and Neo4j passwords. The values come from the stack's
// secret config and stay secret outputs all the way into the SecretVersion; who may read them is granted in
// database_cluster_access.cc and database_cluster_neo4j.cc.
#include "apex/database_cluster.h"

#include "pulumi/gcp/secretmanager/secret.h"
#include "pulumi/gcp/secretmanager/secret_version.h"

namespace apex {
namespace {

namespace secretmanager = pulumi::gcp::secretmanager;

/// A secret (automatic replication) with one version holding `value`; returns the secret's full id.
pulumi::Output<std::string> PasswordSecret(pulumi::Context& ctx, std::string const& name,
                                           DatabaseClusterArgs const& args, std::string const& component,
                                           pulumi::Output<std::string> const& value,
                                           pulumi::ResourceOptions const& child) {
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

}  // namespace

void DatabaseCluster::CreateSecrets(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args) {
  pulumi::ResourceOptions child{.parent = *this};
  db_password_secret_id = PasswordSecret(ctx, name + "-password", args, "postgres", args.db_password, child);
  neo4j_password_secret_id = PasswordSecret(ctx, name + "-neo4j-password", args, "neo4j", args.neo4j_password, child);
}

}  // namespace apex
