#include "managed_secret.h"

namespace infra {

void Program(pulumi::Context& ctx) {
  pulumi::Config config(ctx);
  // `pulumi config set --secret apiKey ...`: encrypted in the stack file, secret in the state.
  ManagedSecret api_key(
      ctx, "api-key",
      {.secret_id = config.Get("secretId").value_or("app-api-key"), .value = config.RequireSecret("apiKey")});
  ctx.Export("secretName", api_key.secret_name);
  ctx.Export("versionName", api_key.version_name);
}

}  // namespace infra
