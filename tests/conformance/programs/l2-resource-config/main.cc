// l2-resource-config: an explicit config provider whose outputs feed a resource of the default provider.
#include "pulumi/config/provider.h"
#include "pulumi/config/resource.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::config::Provider prov(
        ctx, "prov", {.name = "my config", .plugin_download_url = "not the same as the pulumi resource option"});
    // Not using the explicit provider: only reading a value from it.
    pulumi::config::Resource res(ctx, "res", {.text = prov.version()});
    ctx.Export("pluginDownloadURL", prov.plugin_download_url());
  });
}
