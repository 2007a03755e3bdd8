// l2-camel-names: a package, module and properties named in camelCase (camelNames:CoolModule:SomeResource),
// used through their C++ names.
#include "pulumi/camel_names/cool_module/some_resource.h"
#include "pulumi/pulumi.h"

using pulumi::camel_names::cool_module::SomeResource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    SomeResource first(ctx, "firstResource", {.the_input = true});
    SomeResource second(ctx, "secondResource", {.the_input = first.the_output()});
    SomeResource third(ctx, "thirdResource", {.resource_name = "my-cluster", .the_input = true});
  });
}
