// l1-builtin-base64: fromBase64 and toBase64 of a config value.
#include "pcl_builtins.h"
#include "pulumi/pulumi.h"

#include <string>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    auto input = config.Require("input");
    auto bytes = pcl::FromBase64(input);
    ctx.Export("data", bytes);
    ctx.Export("roundtrip", pcl::ToBase64(bytes));
  });
}
