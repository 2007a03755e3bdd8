// l3-component-nested: a component (the PCL's ./outerComponent) that holds another component
// (./outerComponent/innerComponent) that holds a simple resource; each records its input and output.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <string>

namespace {

pulumi::Output<bool> Not(pulumi::Input<bool> const& value) {
  return value.ToOutput().Apply([](bool v) { return !v; });
}

}  // namespace

struct InnerComponentArgs {
  /// An input passed to the inner component.
  pulumi::Input<bool> input;
};

class InnerComponent : public pulumi::ComponentResource {
 public:
  InnerComponent(pulumi::Context& ctx, std::string const& name, InnerComponentArgs const& args,
                 pulumi::ResourceOptions const& opts = {})
      : ComponentResource(ctx, "components:index:InnerComponent", name, {{"input", args.input}}, opts) {
    pulumi::simple::Resource res(ctx, name + "-res", {.value = Not(args.input)}, {.parent = *this});
    output = res.value();
    RegisterOutputs({{"output", output}});
  }

  pulumi::Output<bool> output;
};

struct OuterComponentArgs {
  /// An input passed to the outer component.
  pulumi::Input<bool> input;
};

class OuterComponent : public pulumi::ComponentResource {
 public:
  OuterComponent(pulumi::Context& ctx, std::string const& name, OuterComponentArgs const& args,
                 pulumi::ResourceOptions const& opts = {})
      : ComponentResource(ctx, "components:index:OuterComponent", name, {{"input", args.input}}, opts) {
    InnerComponent inner_component(ctx, name + "-innerComponent", {.input = Not(args.input)}, {.parent = *this});
    output = inner_component.output;
    RegisterOutputs({{"output", output}});
  }

  pulumi::Output<bool> output;
};

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    OuterComponent outer_component(ctx, "outerComponent", {.input = true});
    ctx.Export("result", outer_component.output);
  });
}
