// l2-ref-ref: a resource whose input is an object type that refers to another object type.
#include "pulumi/pulumi.h"
#include "pulumi/ref_ref/resource.h"

#include <map>
#include <string>
#include <vector>

namespace rr = pulumi::ref_ref;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    rr::Resource res(
        ctx, "res",
        {.data = rr::DataArgs{
             .bool_array = std::vector<bool>{},
             .boolean = true,
             .float_ = 4.5,
             .inner_data =
                 rr::InnerDataArgs{.bool_array = std::vector<bool>{false, true},
                                   .boolean = false,
                                   .float_ = 2.17,
                                   .integer = -12,
                                   .string = "Goodbye",
                                   .string_map = std::map<std::string, std::string>{{"two", "turtle doves"},
                                                                                    {"three", "french hens"}}},
             .integer = 1024,
             .string = "Hello",
             .string_map = std::map<std::string, std::string>{{"x", "100"}, {"y", "200"}},
         }});
  });
}
