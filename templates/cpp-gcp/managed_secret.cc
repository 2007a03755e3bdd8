#include "managed_secret.h"

#include "pulumi/gcp/secretmanager/secret.h"
#include "pulumi/gcp/secretmanager/secret_version.h"

namespace infra {

namespace secretmanager = pulumi::gcp::secretmanager;

ManagedSecret::ManagedSecret(pulumi::Context& ctx, std::string const& name, ManagedSecretArgs const& args,
                             pulumi::ResourceOptions const& opts)
    : ComponentResource(ctx, "infra:index:ManagedSecret", name, opts) {
  secretmanager::Secret secret(
      ctx, name,
      {.labels = std::map<std::string, std::string>{{"managed-by", "pulumi"}},
       .replication = secretmanager::SecretReplicationArgs{.auto_ = secretmanager::SecretReplicationAutoArgs{}},
       .secret_id = args.secret_id},
      {.parent = *this});
  secretmanager::SecretVersion version(ctx, name + "-v1", {.secret = secret.id(), .secret_data = args.value},
                                       {.parent = *this});
  secret_name = secret.name();
  version_name = version.name();
  RegisterOutputs({{"secretName", secret_name}, {"versionName", version_name}});
}

}  // namespace infra
