// l2-invoke-options: an invoke through an explicit provider, with a parent, a version and a plugin download URL.
#include "pulumi/pulumi.h"
#include "pulumi/simple_invoke/my_invoke.h"
#include "pulumi/simple_invoke/provider.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace si = pulumi::simple_invoke;
    si::Provider explicit_provider(ctx, "explicitProvider");
    auto data = si::MyInvoke(ctx, {.value = "hello"},
                             {.parent = explicit_provider,
                              .provider = explicit_provider,
                              .version = "10.0.0",
                              .plugin_download_url = "https://example.com/github/example"});
    ctx.Export("hello", data.Apply([](si::MyInvokeResult const& r) { return r.result; }));
  });
}
