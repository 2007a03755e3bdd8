// l2-component-program-resource-ref: a remote component returns a reference to its child; the program uses
// the component's output and the referenced resource's output.
#include "pulumi/component/component_custom_ref_output.h"
#include "pulumi/component/custom.h"
#include "pulumi/pulumi.h"

#include <string>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using pulumi::component::Custom;
    pulumi::component::ComponentCustomRefOutput component1(ctx, "component1", {.value = "foo-bar-baz"});
    Custom custom1(ctx, "custom1", {.value = component1.value()});
    auto ref_value = component1.ref().Apply([&ctx](pulumi::ResourceReference const& ref) {
      return pulumi::CustomResource::FromReference(ctx, ref).GetOutput<std::string>("value");
    });
    Custom custom2(ctx, "custom2", {.value = ref_value});
  });
}
