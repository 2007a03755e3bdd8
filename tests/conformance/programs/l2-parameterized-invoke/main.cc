// l2-parameterized-invoke: a function of a parameterized package (the parameterized plugin given
// "HelloWorld"), which the generated SDK calls by the package's reference.
#include "pulumi/pulumi.h"
#include "pulumi/subpackage/do_hello_world.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    auto result = pulumi::subpackage::DoHelloWorld(ctx, {.input = "goodbye"});
    ctx.Export("parameterValue",
               result.Apply([](pulumi::subpackage::DoHelloWorldResult const& r) { return r.output; }));
  });
}
