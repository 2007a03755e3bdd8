// Bootstrap: what the Apex stacks need before they can exist, created once per Google Cloud project by the
// apex-bootstrap project (ops/bootstrap runs it): the GCS bucket the stacks' state lives in, the Cloud KMS key
// that encrypts their secrets, the workload identity pool and GitHub OIDC provider that let the repository's
// workflows in without a JSON key, and the deployer service account those workflows act as, with only the roles
// a deploy needs.
//
//   auto common = apex::LoadCommonConfig(ctx);
//   auto apis = apex::EnableApis(ctx, common, apex::kBootstrapApis);
//   apex::Bootstrap boot(ctx, "apex", apex::LoadBootstrapArgs(ctx, common), {.depends_on = apis});
//   ctx.Export("backendUrl", boot.backend_url);
#ifndef APEX_BOOTSTRAP_H
#define APEX_BOOTSTRAP_H

#include "apex/config.h"
#include "apex/labels.h"
#include "pulumi/pulumi.h"

#include <string>
#include <vector>

namespace apex {

/// The APIs the bootstrap calls: Cloud Storage, Cloud KMS, IAM, the IAM credentials API (a workflow's federated
/// token becomes the deployer's access token there), the security token service (the federation's token
/// exchange) and Resource Manager (the project-level role grants).
inline std::vector<std::string> const kBootstrapApis = {
    "storage.googleapis.com",        "cloudkms.googleapis.com", "iam.googleapis.com",
    "iamcredentials.googleapis.com", "sts.googleapis.com",      "cloudresourcemanager.googleapis.com"};

/// The project roles of the deployer service account (bootstrap_config.cc says why each is needed).
std::vector<std::string> const& DeployerProjectRoles();

/// The roles the stacks grant their runtime accounts at project level: the deployer's
/// roles/resourcemanager.projectIamAdmin is conditioned on granting or revoking only these.
std::vector<std::string> const& DeployerGrantableRoles();

/// The IAM condition expression of that grant.
std::string GrantableRolesCondition();

/// The bootstrap's stack outputs.
namespace bootstrap_outputs {
inline constexpr char kStateBucket[] = "stateBucket";
/// "gs://<bucket>": what `pulumi login` takes and PULUMI_BACKEND_URL holds.
inline constexpr char kBackendUrl[] = "backendUrl";
/// "gcpkms://projects/<p>/locations/<region>/keyRings/apex-pulumi/cryptoKeys/stack-secrets": the stacks'
/// `secretsprovider:`.
inline constexpr char kSecretsProvider[] = "secretsProvider";
/// The provider's full resource name, google-github-actions/auth's `workload_identity_provider`.
inline constexpr char kWorkloadIdentityProvider[] = "workloadIdentityProvider";
/// The deployer's email, google-github-actions/auth's `service_account`.
inline constexpr char kDeployerServiceAccount[] = "deployerServiceAccount";
}  // namespace bootstrap_outputs

inline constexpr char kKeyRingName[] = "apex-pulumi";
inline constexpr char kCryptoKeyName[] = "stack-secrets";

struct BootstrapArgs {
  CommonConfig common;
  Labels labels;
  std::string github_repository;     ///< apex:githubRepository, "owner/name"
  std::string state_bucket;          ///< apex:stateBucket, default "<project>-pulumi-state"
  int noncurrent_version_days = 30;  ///< apex:stateVersionRetentionDays: old checkpoints are kept this long
  int key_rotation_days = 90;        ///< apex:keyRotationDays: a new primary key version this often
  std::string deployer_account_id = "apex-deployer";  ///< apex:deployerAccountId
  std::string pool_id = "github";                     ///< apex:workloadIdentityPoolId
  std::string provider_id = "github-actions";         ///< apex:workloadIdentityProviderId
};

/// Reads BootstrapArgs from the stack's config (validated; errors name the key and the stack file).
BootstrapArgs LoadBootstrapArgs(pulumi::Context& ctx, CommonConfig const& common);

/// The attribute condition of the GitHub provider: only tokens of `repository` are accepted.
std::string RepositoryCondition(std::string const& repository);

class Bootstrap : public pulumi::ComponentResource {
 public:
  static constexpr char kType[] = "apex:bootstrap:Bootstrap";

  /// Every child depends on what `opts.depends_on` names (the APIs). The bucket, the key ring and the key are
  /// protected: deleting them would lose every stack's state or make its secrets unreadable.
  Bootstrap(pulumi::Context& ctx, std::string const& name, BootstrapArgs const& args,
            pulumi::ResourceOptions const& opts = {});

  pulumi::Output<std::string> state_bucket;
  pulumi::Output<std::string> backend_url;
  pulumi::Output<std::string> secrets_provider;
  pulumi::Output<std::string> crypto_key_id;
  pulumi::Output<std::string> workload_identity_pool;
  pulumi::Output<std::string> workload_identity_provider;
  pulumi::Output<std::string> deployer_service_account;

 private:
  // One per part (bootstrap.cc), in this order; each sets its outputs above. `kept`: the children's options with
  // protect; `child`: without.
  /// The versioned state bucket.
  void CreateStateBucket(pulumi::Context& ctx, std::string const& name, BootstrapArgs const& args,
                         pulumi::ResourceOptions const& kept);
  /// The key ring and the key of the stacks' secrets.
  void CreateSecretsKey(pulumi::Context& ctx, std::string const& name, BootstrapArgs const& args,
                        pulumi::ResourceOptions const& kept);
  /// The workload identity pool and its GitHub provider.
  void CreateWorkloadIdentity(pulumi::Context& ctx, std::string const& name, BootstrapArgs const& args,
                              pulumi::ResourceOptions const& child);
  /// The deployer service account, its roles, and who may act as it.
  void CreateDeployer(pulumi::Context& ctx, std::string const& name, BootstrapArgs const& args,
                      pulumi::ResourceOptions const& child);
};

}  // namespace apex

#endif  // APEX_BOOTSTRAP_H
