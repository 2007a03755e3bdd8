// l1-component-sourceless: a component without a source registers under the type token it names, with its
// inputs.
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::ComponentResource my_component(
        ctx, "my:custom:Component", "myComponent",
        {{"aNumber", 42}, {"aString", "hello"}, {"aJson", nlohmann::json{{"key", "value"}}.dump()}}, {});
  });
}
