// l2-resource-invoke-dynamic-function: a function whose input is a list of `any` values and whose result is
// an `any` value (any-type-function's dynListToDyn); the result object is exported as it comes back.
#include "pulumi/any_type_function/dyn_list_to_dyn.h"
#include "pulumi/pulumi.h"

#include <string>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace atf = pulumi::any_type_function;
    std::string local_value = "hello";
    auto result = atf::DynListToDyn(
        ctx, {.inputs = std::vector<pulumi::PropertyValue>{"hello", local_value, pulumi::PropertyMap{}}});
    ctx.Export("dynamic", result.Apply([](atf::DynListToDynResult const& r) { return r.result; }));
  });
}
