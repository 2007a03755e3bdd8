// l2-secret-unknown: secret() of an output that is unknown during the preview stays secret (and unknown).
#include "pulumi/output/resource.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::output::Resource r(ctx, "r", {.value = 1});
    ctx.Export("wrapped", pulumi::MakeSecret(r.output()));
  });
}
