// l2-component-call-simple: a remote component with methods, called through its generated class.
#include "pulumi/component/component_callable.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using pulumi::component::ComponentCallable;
    ComponentCallable component1(ctx, "component1", {.value = "bar"});
    ctx.Export("from_identity",
               component1.identity().Apply(
                   [](pulumi::component::ComponentCallableIdentityResult const& r) { return r.result; }));
    ctx.Export(
        "from_prefixed",
        component1.prefixed({.prefix = "foo-"}).Apply([](pulumi::component::ComponentCallablePrefixedResult const& r) {
          return r.result;
        }));
  });
}
