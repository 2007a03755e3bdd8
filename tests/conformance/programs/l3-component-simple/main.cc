// l3-component-simple: a component written in the program (the PCL's ./myComponent) whose input comes
// from another resource's output; the component records its input, and the dependency on that resource
// reaches the component's child through the input.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <string>

struct MyComponentArgs {
  /// A simple input.
  pulumi::Input<bool> input;
};

class MyComponent : public pulumi::ComponentResource {
 public:
  MyComponent(pulumi::Context& ctx, std::string const& name, MyComponentArgs const& args,
              pulumi::ResourceOptions const& opts = {})
      : ComponentResource(ctx, "components:index:MyComponent", name, {{"input", args.input}}, opts) {
    pulumi::simple::Resource res(ctx, name + "-res", {.value = args.input}, {.parent = *this});
    output = res.value();
    RegisterOutputs({{"output", output}});
  }

  pulumi::Output<bool> output;
};

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::simple::Resource input(ctx, "input", {.value = true});
    MyComponent some_component(ctx, "someComponent", {.input = input.value()});
    ctx.Export("result", some_component.output);
  });
}
