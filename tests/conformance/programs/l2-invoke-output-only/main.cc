// l2-invoke-output-only: invokes of a function that has only the output form (schema `plain: false`).
#include "pulumi/output_only_invoke/my_invoke.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace ooi = pulumi::output_only_invoke;
    auto result = [](ooi::MyInvokeResult const& r) { return r.result; };
    ctx.Export("hello", ooi::MyInvoke(ctx, {.value = "hello"}).Apply(result));
    ctx.Export("goodbye", ooi::MyInvoke(ctx, {.value = "goodbye"}).Apply(result));
  });
}
