// l1-stack-reference: outputs of another stack, plain and secret.
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::StackReference ref(ctx, "ref", {.name = "organization/other/dev"});
    ctx.Export("plain", ref.GetOutput("plain"));
    ctx.Export("secret", ref.GetOutput("secret"));
    ctx.Export("secret_unsecret", pulumi::Unsecret(ref.GetOutput("secret")));
  });
}
