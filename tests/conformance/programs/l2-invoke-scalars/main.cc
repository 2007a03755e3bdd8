// l2-invoke-scalars: invokes whose results are a (secret) number, an array and a (secret) map.
#include "pulumi/pulumi.h"
#include "pulumi/scalar_returns/invoke_array.h"
#include "pulumi/scalar_returns/invoke_map.h"
#include "pulumi/scalar_returns/invoke_secret.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace sr = pulumi::scalar_returns;
    ctx.Export("secret", sr::InvokeSecret(ctx, {.value = "goodbye"}));
    ctx.Export("array", sr::InvokeArray(ctx, {.value = "the word"}));
    ctx.Export("map", sr::InvokeMap(ctx, {.value = "hello"}));
    ctx.Export("secretMap", sr::InvokeMap(ctx, {.value = "secret"}));
  });
}
