// l2-component-component-resource-ref: a reference returned by one remote component is the input of
// another; the program uses the outputs of the resources both references name.
#include "pulumi/component/component_custom_ref_input_output.h"
#include "pulumi/component/component_custom_ref_output.h"
#include "pulumi/component/custom.h"
#include "pulumi/pulumi.h"

#include <string>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using namespace pulumi::component;
    auto value_of = [&ctx](pulumi::ResourceReference const& ref) {
      return pulumi::CustomResource::FromReference(ctx, ref).GetOutput<std::string>("value");
    };
    ComponentCustomRefOutput component1(ctx, "component1", {.value = "foo-bar-baz"});
    ComponentCustomRefInputOutput component2(ctx, "component2", {.input_ref = component1.ref()});
    Custom custom1(ctx, "custom1", {.value = component2.input_ref().Apply(value_of)});
    Custom custom2(ctx, "custom2", {.value = component2.output_ref().Apply(value_of)});
  });
}
