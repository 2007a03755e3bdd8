// l2-invoke-secrets: an invoke's result is secret when the provider returns a secret or an argument is secret.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"
#include "pulumi/simple_invoke/secret_invoke.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace si = pulumi::simple_invoke;
    pulumi::simple::Resource res(ctx, "res", {.value = true});
    auto response = [](si::SecretInvokeResult const& r) { return r.response; };
    // Plain arguments, plain response.
    ctx.Export("nonSecret", si::SecretInvoke(ctx, {.secret_response = false, .value = "hello"}).Apply(response));
    // The provider makes the response secret.
    ctx.Export("firstSecret",
               si::SecretInvoke(ctx, {.secret_response = res.value(), .value = "hello"}).Apply(response));
    // A secret argument makes the result secret.
    auto goodbye = pulumi::MakeSecret(pulumi::MakeOutput("goodbye"));
    ctx.Export("secondSecret", si::SecretInvoke(ctx, {.secret_response = false, .value = goodbye}).Apply(response));
  });
}
