// l2-invoke-depends-on-component: an invoke that depends on a remote component.
#include "pulumi/component/component_custom_ref_output.h"
#include "pulumi/component/identity.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using namespace pulumi::component;
    ComponentCustomRefOutput target(ctx, "target", {.value = "checked"});
    auto data = Identity(ctx, {.input = "reachable"}, {.depends_on = {target}});
    ctx.Export("echoed", data.Apply([](IdentityResult const& r) { return r.result; }));
  });
}
