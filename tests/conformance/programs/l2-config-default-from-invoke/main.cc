// l2-config-default-from-invoke: a config value whose default is an invoke's result, so the value is an output.
#include "pulumi/pulumi.h"
#include "pulumi/simple_invoke/my_invoke.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace si = pulumi::simple_invoke;
    auto my_invoke_result = si::MyInvoke(ctx, {.value = "hello"});
    pulumi::Config config(ctx);
    auto configured = config.Get("defaultFromInvoke");
    pulumi::Output<std::string> default_from_invoke =
        configured ? pulumi::Output<std::string>(*configured)
                   : my_invoke_result.Apply([](si::MyInvokeResult const& r) { return r.result; });
    ctx.Export("result", default_from_invoke);
  });
}
