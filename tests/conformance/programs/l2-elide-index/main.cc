// l2-elide-index: a resource and an invoke whose tokens elide the index module ("simple:Resource",
// "simple-invoke:myInvoke"); in C++ both are the packages' top-level classes and functions.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"
#include "pulumi/simple_invoke/my_invoke.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace si = pulumi::simple_invoke;
    pulumi::simple::Resource res(ctx, "res", {.value = true});
    ctx.Export("inv", si::MyInvoke(ctx, {.value = "test"}).Apply([](si::MyInvokeResult const& r) { return r.result; }));
  });
}
