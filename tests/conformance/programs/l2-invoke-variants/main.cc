// l2-invoke-variants: an invoke whose argument is a resource's output, and one without arguments.
#include "pulumi/pulumi.h"
#include "pulumi/simple_invoke/my_invoke.h"
#include "pulumi/simple_invoke/string_resource.h"
#include "pulumi/simple_invoke/unit.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace si = pulumi::simple_invoke;
    si::StringResource res(ctx, "res", {.text = "hello"});
    ctx.Export("outputInput",
               si::MyInvoke(ctx, {.value = res.text()}).Apply([](si::MyInvokeResult const& r) { return r.result; }));
    ctx.Export("unit", si::Unit(ctx).Apply([](si::UnitResult const& r) { return r.result; }));
  });
}
