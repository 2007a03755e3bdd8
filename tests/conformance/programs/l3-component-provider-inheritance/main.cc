// l3-component-provider-inheritance: a local component given an explicit provider by package; the remote
// component inside it inherits it (through the engine) for its child of that package.
#include "pulumi/component/component_foreign_child.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/provider.h"

#include <string>

class Local : public pulumi::ComponentResource {
 public:
  Local(pulumi::Context& ctx, std::string const& name, pulumi::ResourceOptions const& opts = {})
      : ComponentResource(ctx, "components:index:Local", name, opts) {
    // No provider options here: the providers map is inherited from this component.
    pulumi::component::ComponentForeignChild mlc(ctx, name + "-mlc", {.value = true}, {.parent = *this});
    result = mlc.value();
    RegisterOutputs({{"result", result}});
  }

  pulumi::Output<bool> result;
};

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::simple::Provider explicit_provider(ctx, "explicit");
    Local with_providers(ctx, "withProviders", {.providers = {explicit_provider}});
    ctx.Export("result", with_providers.result);
  });
}
