// l2-parameterized-resource-twice: two parameterizations of the same plugin in one program.
#include "pulumi/byepackage/goodbye_world.h"
#include "pulumi/byepackage/goodbye_world_component.h"
#include "pulumi/hipackage/hello_world.h"
#include "pulumi/hipackage/hello_world_component.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    // The resource names come from the parameter values.
    pulumi::hipackage::HelloWorld example1(ctx, "example1");
    pulumi::hipackage::HelloWorldComponent example_component1(ctx, "exampleComponent1");
    ctx.Export("parameterValue1", example1.parameter_value());
    ctx.Export("parameterValueFromComponent1", example_component1.parameter_value());

    pulumi::byepackage::GoodbyeWorld example2(ctx, "example2");
    pulumi::byepackage::GoodbyeWorldComponent example_component2(ctx, "exampleComponent2");
    ctx.Export("parameterValue2", example2.parameter_value());
    ctx.Export("parameterValueFromComponent2", example_component2.parameter_value());
  });
}
