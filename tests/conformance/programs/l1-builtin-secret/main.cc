// l1-builtin-secret: secret config, secret() and unsecret().
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    auto a_secret = config.RequireSecret("aSecret");
    auto not_secret = pulumi::MakeOutput(config.Require("notSecret"));
    ctx.Export("roundtripSecret", a_secret);
    ctx.Export("roundtripNotSecret", not_secret);
    ctx.Export("double", pulumi::MakeSecret(a_secret));
    ctx.Export("open", pulumi::Unsecret(a_secret));
    ctx.Export("close", pulumi::MakeSecret(not_secret));
  });
}
