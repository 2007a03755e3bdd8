// l2-invoke-union-dependencies: a resource using an invoke's result depends on every resource its arguments
// come from.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"
#include "pulumi/simple_invoke/secret_invoke.h"
#include "pulumi/simple_invoke/string_resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace si = pulumi::simple_invoke;
    si::StringResource a(ctx, "a", {.text = "hello"});
    pulumi::simple::Resource b(ctx, "b", {.value = true});
    auto data = si::SecretInvoke(ctx, {.secret_response = b.value(), .value = a.text()});
    si::StringResource d(ctx, "d", {.text = data.Apply([](si::SecretInvokeResult const& r) { return r.response; })});
  });
}
