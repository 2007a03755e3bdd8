#include "apex_bootstrap/program.h"

#include "apex/bootstrap.h"
#include "apex/config.h"
#include "apex/project_apis.h"

namespace apex::bootstrap {

void Program(pulumi::Context& ctx) {
  auto common = LoadCommonConfig(ctx);
  auto args = LoadBootstrapArgs(ctx, common);
  auto apis = EnableApis(ctx, common, kBootstrapApis);
  Bootstrap boot(ctx, "apex", args, {.depends_on = apis});
  ctx.Export(bootstrap_outputs::kStateBucket, boot.state_bucket);
  ctx.Export(bootstrap_outputs::kBackendUrl, boot.backend_url);
  ctx.Export(bootstrap_outputs::kSecretsProvider, boot.secrets_provider);
  ctx.Export(bootstrap_outputs::kWorkloadIdentityProvider, boot.workload_identity_provider);
  ctx.Export(bootstrap_outputs::kDeployerServiceAccount, boot.deployer_service_account);
}

}  // namespace apex::bootstrap
