#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    ctx.Export("greeting", config.Get("greeting").value_or("hello"));
  });
}
