// l2-resource-primitive-defaults: a resource given every property, and one given none, which the generated
// SDK fills with the schema's defaults.
#include "pulumi/primitive_defaults/resource.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::primitive_defaults::Resource res_explicit(ctx, "resExplicit",
                                                      {
                                                          .boolean = true,
                                                          .float_ = 3.14,
                                                          .integer = 42,
                                                          .string = "hello",
                                                      });
    pulumi::primitive_defaults::Resource res_defaulted(ctx, "resDefaulted");
  });
}
