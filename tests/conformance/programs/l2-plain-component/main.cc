// l2-plain-component: a remote component whose inputs are all plain (a string and an object holding a map),
// its output exported.
#include "pulumi/plaincomponent/component.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace pc = pulumi::plaincomponent;
    pc::Component my_component(
        ctx, "myComponent",
        {.name = "my-resource", .settings = pc::Settings{.enabled = true, .tags = {{"env", "test"}}}});
    ctx.Export("label", my_component.label());
  });
}
