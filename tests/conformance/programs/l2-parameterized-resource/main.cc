// l2-parameterized-resource: a custom resource and a remote component of a parameterized package (the
// parameterized plugin given "HelloWorld").
#include "pulumi/pulumi.h"
#include "pulumi/subpackage/hello_world.h"
#include "pulumi/subpackage/hello_world_component.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    // The resource's name comes from the parameter value.
    pulumi::subpackage::HelloWorld example(ctx, "example");
    pulumi::subpackage::HelloWorldComponent example_component(ctx, "exampleComponent");
    ctx.Export("parameterValue", example.parameter_value());
    ctx.Export("parameterValueFromComponent", example_component.parameter_value());
  });
}
