// l3-resource-keyword-overlap: a component (the PCL's ./keywordComponent) whose resources are named
// `this` and `parent`. In C++ `this` is a keyword, so its variable is `this_`; the `parent` variable and the
// `.parent` option (the component itself) do not collide.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <string>

struct KeywordComponentArgs {
  /// An input passed to the component.
  pulumi::Input<bool> input;
};

class KeywordComponent : public pulumi::ComponentResource {
 public:
  KeywordComponent(pulumi::Context& ctx, std::string const& name, KeywordComponentArgs const& args,
                   pulumi::ResourceOptions const& opts = {})
      : ComponentResource(ctx, "components:index:KeywordComponent", name, {{"input", args.input}}, opts) {
    pulumi::simple::Resource this_(ctx, name + "-this", {.value = args.input}, {.parent = *this});
    pulumi::simple::Resource parent(ctx, name + "-parent", {.value = this_.value()}, {.parent = *this});
    result = parent.value();
    RegisterOutputs({{"result", result}});
  }

  pulumi::Output<bool> result;
};

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    KeywordComponent comp(ctx, "comp", {.input = true});
    ctx.Export("result", comp.result);
  });
}
