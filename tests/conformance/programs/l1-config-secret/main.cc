// l1-config-secret: a secret number from config stays secret through arithmetic.
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    pulumi::Output<double> a_number = config.RequireSecretObject<double>("aNumber");
    ctx.Export("roundtrip", a_number);
    ctx.Export("theSecretNumber", a_number.Apply([](double n) { return n + 1.25; }));
  });
}
