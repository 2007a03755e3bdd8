// l2-invoke-simple: two invokes of the simple-invoke provider's myInvoke, their results exported.
#include "pulumi/pulumi.h"
#include "pulumi/simple_invoke/my_invoke.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace si = pulumi::simple_invoke;
    auto result = [](si::MyInvokeResult const& r) { return r.result; };
    ctx.Export("hello", si::MyInvoke(ctx, {.value = "hello"}).Apply(result));
    ctx.Export("goodbye", si::MyInvoke(ctx, {.value = "goodbye"}).Apply(result));
  });
}
