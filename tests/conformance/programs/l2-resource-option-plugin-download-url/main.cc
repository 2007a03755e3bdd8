// l2-resource-option-plugin-download-url: the SDK's download URL by default and given explicitly, and two
// custom URLs (each its own default provider).
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource with_default_url(ctx, "withDefaultURL", {.value = true});
    Resource with_explicit_default_url(
        ctx, "withExplicitDefaultURL", {.value = true},
        {.plugin_download_url = "https://github.com/pulumi/pulumi-simple/releases/v${VERSION}"});
    Resource with_custom_url1(ctx, "withCustomURL1", {.value = true},
                              {.plugin_download_url = "https://custom.pulumi.test/provider1"});
    Resource with_custom_url2(ctx, "withCustomURL2", {.value = false},
                              {.plugin_download_url = "https://custom.pulumi.test/provider2"});
  });
}
