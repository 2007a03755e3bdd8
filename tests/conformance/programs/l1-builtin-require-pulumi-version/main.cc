// l1-builtin-require-pulumi-version: `pulumi { requiredVersionRange = version }` fails the program when the
// CLI does not satisfy the range.
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    ctx.RequirePulumiVersion(config.Require("version"));
  });
}
