// The data tier's Secret Manager secrets. Two kinds: secrets without a version, which a data VM fills with a
// value it generates at its first boot (the Neo4j password, the Qdrant API key), so that no value is in a
// state file or a repository; and secrets holding an output of an instance (Redis's AUTH string, the server
// CA certificates), which stays a secret output on its way into the version.
#include "apex/database_cluster.h"

#include "pulumi/gcp/secretmanager/secret.h"
#include "pulumi/gcp/secretmanager/secret_version.h"

namespace apex {

namespace secretmanager = pulumi::gcp::secretmanager;

pulumi::Output<std::string> DatabaseCluster::CreateSecret(pulumi::Context& ctx, std::string const& name,
                                                          DatabaseClusterArgs const& args,
                                                          std::string const& component) {
  secretmanager::Secret secret(
      ctx, name,
      {.deletion_protection = args.deletion_protection,
       .labels = WithComponent(args.labels, component),
       .replication = secretmanager::SecretReplicationArgs{.auto_ = secretmanager::SecretReplicationAutoArgs{}},
       .secret_id = name},
      Child());
  return secret.id();
}

pulumi::Output<std::string> DatabaseCluster::StoreSecret(pulumi::Context& ctx, std::string const& name,
                                                         DatabaseClusterArgs const& args, std::string const& component,
                                                         pulumi::Output<std::string> const& value) {
  pulumi::Output<std::string> id = CreateSecret(ctx, name, args, component);
  secretmanager::SecretVersion version(ctx, name + "-version", {.secret = id, .secret_data = value}, Child());
  return id;
}

}  // namespace apex
