// l2-invoke-options-depends-on: an invoke that depends on a resource, and a resource that uses its result
// (and so depends on that resource too).
#include "pulumi/pulumi.h"
#include "pulumi/simple_invoke/my_invoke.h"
#include "pulumi/simple_invoke/string_resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace si = pulumi::simple_invoke;
    si::StringResource first(ctx, "first", {.text = "first hello"});
    auto data = si::MyInvoke(ctx, {.value = "hello"}, {.depends_on = {first}});
    auto result = data.Apply([](si::MyInvokeResult const& r) { return r.result; });
    si::StringResource second(ctx, "second", {.text = result});
    ctx.Export("hello", result);
  });
}
