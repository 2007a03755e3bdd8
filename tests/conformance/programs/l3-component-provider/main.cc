// l3-component-provider: a component that creates an explicit provider in its constructor and a resource
// that uses it, both parented to the component.
#include "pulumi/config/provider.h"
#include "pulumi/config/resource.h"
#include "pulumi/pulumi.h"

#include <string>

struct ProviderComponentArgs {
  pulumi::Input<std::string> text;
};

class ProviderComponent : public pulumi::ComponentResource {
 public:
  ProviderComponent(pulumi::Context& ctx, std::string const& name, ProviderComponentArgs const& args,
                    pulumi::ResourceOptions const& opts = {})
      : ComponentResource(ctx, "components:index:ProviderComponent", name, opts) {
    pulumi::config::Provider prov(ctx, "prov", {.name = "my config"}, {.parent = *this});
    pulumi::config::Resource res(ctx, "res", {.text = args.text}, {.parent = *this, .provider = prov});
    result = res.text();
    RegisterOutputs({{"result", result}});
  }

  pulumi::Output<std::string> result;
};

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    ProviderComponent my_component(ctx, "myComponent", {.text = "hello"});
    ctx.Export("result", my_component.result);
  });
}
