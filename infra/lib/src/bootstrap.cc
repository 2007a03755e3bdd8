#include "apex/bootstrap.h"

#include "pulumi/gcp/iam/workload_identity_pool.h"
#include "pulumi/gcp/iam/workload_identity_pool_provider.h"
#include "pulumi/gcp/kms/crypto_key.h"
#include "pulumi/gcp/kms/crypto_key_iam_member.h"
#include "pulumi/gcp/kms/key_ring.h"
#include "pulumi/gcp/projects/iam_member.h"
#include "pulumi/gcp/serviceaccount/account.h"
#include "pulumi/gcp/serviceaccount/iam_member.h"
#include "pulumi/gcp/storage/bucket.h"
#include "pulumi/gcp/storage/bucket_iam_member.h"

#include <algorithm>

namespace apex {
namespace {

namespace iam = pulumi::gcp::iam;
namespace kms = pulumi::gcp::kms;
namespace storage = pulumi::gcp::storage;

constexpr char kGithubIssuer[] = "https://token.actions.githubusercontent.com";

// "roles/compute.networkAdmin" -> "compute-networkadmin", for resource names.
std::string RoleSuffix(std::string const& role) {
  std::string s = role.substr(role.find('/') + 1);
  std::replace(s.begin(), s.end(), '.', '-');
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

Bootstrap::Bootstrap(pulumi::Context& ctx, std::string const& name, BootstrapArgs const& args,
                     pulumi::ResourceOptions const& opts)
    : pulumi::ComponentResource(ctx, kType, name, opts) {
  pulumi::ResourceOptions child{.parent = *this, .depends_on = opts.depends_on};
  // What holds every stack's state and the key to its secrets: `pulumi destroy` of the bootstrap must not take
  // them along (Cloud KMS cannot delete a key ring; destroying the key would destroy its versions).
  pulumi::ResourceOptions kept = child;
  kept.protect = true;
  CreateStateBucket(ctx, name, args, kept);
  CreateSecretsKey(ctx, name, args, kept);
  CreateWorkloadIdentity(ctx, name, args, child);
  CreateDeployer(ctx, name, args, child);
  RegisterOutputs({{bootstrap_outputs::kStateBucket, state_bucket},
                   {bootstrap_outputs::kBackendUrl, backend_url},
                   {bootstrap_outputs::kSecretsProvider, secrets_provider},
                   {bootstrap_outputs::kWorkloadIdentityProvider, workload_identity_provider},
                   {bootstrap_outputs::kDeployerServiceAccount, deployer_service_account}});
}

void Bootstrap::CreateStateBucket(pulumi::Context& ctx, std::string const& name, BootstrapArgs const& args,
                                  pulumi::ResourceOptions const& kept) {
  auto const& project = args.common.gcp_project;
  auto const& region = args.common.region;
  // The state bucket: every checkpoint is a new object version, so an earlier state can be restored; old
  // versions go after the retention period so the bucket does not grow without bound.
  storage::Bucket bucket(
      ctx, name + "-state",
      {.force_destroy = false,
       .labels = args.labels,
       .lifecycle_rules =
           std::vector<storage::BucketLifecycleRuleArgs>{
               {.action = storage::BucketLifecycleRuleActionArgs{.type = "Delete"},
                .condition =
                    storage::BucketLifecycleRuleConditionArgs{
                        .days_since_noncurrent_time = args.noncurrent_version_days, .with_state = "ARCHIVED"}}},
       .location = region,
       .name = args.state_bucket,
       .project = project,
       .public_access_prevention = "enforced",
       .uniform_bucket_level_access = true,
       .versioning = storage::BucketVersioningArgs{.enabled = true}},
      kept);
  state_bucket = bucket.name();
  backend_url = bucket.name().Apply([](std::string const& b) { return "gs://" + b; });
}

void Bootstrap::CreateSecretsKey(pulumi::Context& ctx, std::string const& name, BootstrapArgs const& args,
                                 pulumi::ResourceOptions const& kept) {
  auto const& project = args.common.gcp_project;
  auto const& region = args.common.region;
  kms::KeyRing ring(ctx, name + "-keyring", {.location = region, .name = kKeyRingName, .project = project}, kept);
  // Built from the ring's outputs (not its id) so that the reference is the API's resource name in any cloud.
  auto ring_path = pulumi::All(ring.project(), ring.location(), ring.name())
                       .Apply([](std::string const& p, std::string const& l, std::string const& r) {
                         return "projects/" + p + "/locations/" + l + "/keyRings/" + r;
                       });
  kms::CryptoKey key(ctx, name + "-stack-secrets",
                     {.deletion_policy = "PREVENT",
                      .key_ring = ring_path,
                      .labels = args.labels,
                      .name = kCryptoKeyName,
                      .purpose = "ENCRYPT_DECRYPT",
                      .rotation_period = std::to_string(args.key_rotation_days * 86400) + "s"},
                     kept);
  auto key_path = pulumi::All(ring_path, key.name()).Apply([](std::string const& r, std::string const& k) {
    return r + "/cryptoKeys/" + k;
  });
  crypto_key_id = key_path;
  secrets_provider = key_path.Apply([](std::string const& k) { return "gcpkms://" + k; });
}

void Bootstrap::CreateWorkloadIdentity(pulumi::Context& ctx, std::string const& name, BootstrapArgs const& args,
                                       pulumi::ResourceOptions const& child) {
  auto const& project = args.common.gcp_project;
  // GitHub Actions' OIDC tokens are exchanged for Google credentials; only the repository's are accepted.
  iam::WorkloadIdentityPool pool(ctx, name + "-github-pool",
                                 {.description = "GitHub Actions workflows of " + args.github_repository,
                                  .display_name = "GitHub Actions",
                                  .project = project,
                                  .workload_identity_pool_id = args.pool_id},
                                 child);
  iam::WorkloadIdentityPoolProvider provider(
      ctx, name + "-github-provider",
      {.attribute_condition = RepositoryCondition(args.github_repository),
       .attribute_mapping =
           std::map<std::string, std::string>{{"google.subject", "assertion.sub"},
                                              {"attribute.actor", "assertion.actor"},
                                              {"attribute.ref", "assertion.ref"},
                                              {"attribute.repository", "assertion.repository"},
                                              {"attribute.repository_owner", "assertion.repository_owner"}},
       .description = "OIDC tokens of " + args.github_repository + "'s workflows",
       .display_name = "GitHub Actions",
       .oidc = iam::WorkloadIdentityPoolProviderOidcArgs{.issuer_uri = kGithubIssuer},
       .project = project,
       .workload_identity_pool_id = pool.workload_identity_pool_id(),
       .workload_identity_pool_provider_id = args.provider_id},
      child);
  workload_identity_pool = pool.name();
  workload_identity_provider = provider.name();
}

void Bootstrap::CreateDeployer(pulumi::Context& ctx, std::string const& name, BootstrapArgs const& args,
                               pulumi::ResourceOptions const& child) {
  auto const& project = args.common.gcp_project;
  pulumi::gcp::serviceaccount::Account deployer(
      ctx, name + "-deployer",
      {.account_id = args.deployer_account_id,
       .description = "Runs ops/preview, ops/deploy and ops/drift from " + args.github_repository + "'s workflows",
       .display_name = "Apex deployer (GitHub Actions)",
       .project = project},
      child);
  for (auto const& role : DeployerProjectRoles()) {
    pulumi::gcp::projects::IAMMember(ctx, name + "-deployer-" + RoleSuffix(role),
                                     {.member = deployer.member(), .project = project, .role = role}, child);
  }
  // The stacks grant their runtime accounts a few project roles; the deployer may grant those and no others
  // (without the condition, projectIamAdmin could make it an owner).
  pulumi::gcp::projects::IAMMember(
      ctx, name + "-deployer-projectiamadmin",
      {.condition =
           pulumi::gcp::projects::IAMMemberConditionArgs{
               .description = "Only the roles the Apex stacks grant their runtime accounts",
               .expression = GrantableRolesCondition(),
               .title = "apex-runtime-roles-only"},
       .member = deployer.member(),
       .project = project,
       .role = "roles/resourcemanager.projectIamAdmin"},
      child);
  // A workflow of the repository may act as the deployer.
  pulumi::gcp::serviceaccount::IAMMember(
      ctx, name + "-deployer-wif",
      {.member = workload_identity_pool.Apply([repo = args.github_repository](std::string const& pool_name) {
         return "principalSet://iam.googleapis.com/" + pool_name + "/attribute.repository/" + repo;
       }),
       .role = "roles/iam.workloadIdentityUser",
       .service_account_id = deployer.name()},
      child);
  storage::BucketIAMMember(ctx, name + "-deployer-state",
                           {.bucket = state_bucket, .member = deployer.member(), .role = "roles/storage.objectAdmin"},
                           child);
  kms::CryptoKeyIAMMember(ctx, name + "-deployer-secrets",
                          {.crypto_key_id = crypto_key_id,
                           .member = deployer.member(),
                           .role = "roles/cloudkms.cryptoKeyEncrypterDecrypter"},
                          child);
  deployer_service_account = deployer.email();
}

}  // namespace apex
