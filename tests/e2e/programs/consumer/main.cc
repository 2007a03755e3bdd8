// Reads the e2e-app stack named by config `appStack` through a StackReference.
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    pulumi::StackReference app(ctx, "app", {.name = config.Require("appStack")});
    ctx.Export("upstreamRegion", app.RequireOutput<std::string>("region"));
    ctx.Export("upstreamToken", app.RequireOutput<std::string>("token"));
    ctx.Export("upstreamGreeting", pulumi::Format("{} (via reference)", app.RequireOutput<std::string>("greeting")));
  });
}
