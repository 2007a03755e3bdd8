// l2-namespaced-provider: a resource of a package with a namespace, taking a resource of another package
// (the child a remote component returns a reference to, hydrated as Pulumi's other SDKs do).
#include "pulumi/component/component_custom_ref_output.h"
#include "pulumi/namespaced/resource.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::component::ComponentCustomRefOutput component_res(ctx, "componentRes", {.value = "foo-bar-baz"});
    auto child = component_res.ref().Apply(
        [&ctx](pulumi::ResourceReference const& ref) { return pulumi::CustomResource::FromReference(ctx, ref); });
    pulumi::namespaced::Resource res(ctx, "res", {.resource_ref = child, .value = true});
  });
}
