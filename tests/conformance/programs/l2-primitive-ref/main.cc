// l2-primitive-ref: a resource whose one property is an object type holding a value of each primitive type,
// a list of bools and a map of strings.
#include "pulumi/primitive_ref/resource.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::primitive_ref::Resource res(
        ctx, "res",
        {.data = pulumi::primitive_ref::DataArgs{
             .bool_array = std::vector<bool>{false, true},
             .boolean = false,
             .float_ = 2.17,
             .integer = -12,
             .string = "Goodbye",
             .string_map = std::map<std::string, std::string>{{"two", "turtle doves"}, {"three", "french hens"}},
         }});
  });
}
