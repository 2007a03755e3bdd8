// l2-invoke-multi-argument: a function whose arguments are positional (schema multiArgumentInputs), the
// optional trailing one given or left out.
#include "pulumi/multi_argument_invoke/multi_argument_invoke.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace mai = pulumi::multi_argument_invoke;
    auto result = [](mai::MultiArgumentInvokeResult const& r) { return r.result; };
    ctx.Export("both", mai::MultiArgumentInvoke(ctx, "hello", "world").Apply(result));
    ctx.Export("onlyRequired", mai::MultiArgumentInvoke(ctx, "hello").Apply(result));
  });
}
