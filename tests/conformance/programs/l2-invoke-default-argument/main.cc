// l2-invoke-default-argument: an invoke whose argument is left to its schema default, and one that sets it.
#include "pulumi/pulumi.h"
#include "pulumi/simple_invoke/invoke_with_default.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace si = pulumi::simple_invoke;
    auto result = [](si::InvokeWithDefaultResult const& r) { return r.result; };
    ctx.Export("result", si::InvokeWithDefault(ctx).Apply(result));
    ctx.Export("explicitResult", si::InvokeWithDefault(ctx, {.value = "explicit"}).Apply(result));
  });
}
