// l1-builtin-min-max: min and max of number and int config values.
#include "pulumi/pulumi.h"

#include <algorithm>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    double a = config.RequireDouble("a");
    double b = config.RequireDouble("b");
    int c = config.RequireInt("c");
    int d = config.RequireInt("d");
    ctx.Export("maxResult", std::max(a, b));
    ctx.Export("minResult", std::min(a, b));
    ctx.Export("intMaxResult", std::max(c, d));
    ctx.Export("intMinResult", std::min(c, d));
  });
}
