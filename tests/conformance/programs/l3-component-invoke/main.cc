// l3-component-invoke: a component given an explicit config provider through its `providers` option; the
// invokes in its body are parented to it, so the multi-argument invoke (positional arguments) uses the
// default provider and getConfig uses the component's config provider.
#include "pulumi/config/get_config.h"
#include "pulumi/config/provider.h"
#include "pulumi/multi_argument_invoke/multi_argument_invoke.h"
#include "pulumi/pulumi.h"

#include <string>

class InvokeComponent : public pulumi::ComponentResource {
 public:
  InvokeComponent(pulumi::Context& ctx, std::string const& name, pulumi::ResourceOptions const& opts = {})
      : ComponentResource(ctx, "components:index:InvokeComponent", name, opts) {
    namespace mai = pulumi::multi_argument_invoke;
    auto greeting = mai::MultiArgumentInvoke(ctx, "hello", std::nullopt, {.parent = *this});
    auto provider_config = pulumi::config::GetConfig(
        ctx, {.text = greeting.Apply([](mai::MultiArgumentInvokeResult const& r) { return r.result; })},
        {.parent = *this});
    result = provider_config.Apply([](pulumi::config::GetConfigResult const& r) { return r.text; });
    RegisterOutputs({{"result", result}});
  }

  pulumi::Output<std::string> result;
};

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::config::Provider prov(ctx, "prov", {.name = "my config"});
    InvokeComponent my_component(ctx, "myComponent", {.providers = {prov}});
  });
}
