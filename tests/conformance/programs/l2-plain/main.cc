// l2-plain: plain (non-Input) object inputs, nested, in lists and in maps, filled and empty.
#include "pulumi/plain/resource.h"
#include "pulumi/pulumi.h"

using pulumi::plain::Data;
using pulumi::plain::InnerData;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::plain::Resource res(
        ctx, "res",
        {.data = Data{.bool_array = {true, false},
                      .boolean = true,
                      .float_ = 4.5,
                      .inner_data = InnerData{.bool_array = {false, true},
                                              .boolean = false,
                                              .float_ = 2.17,
                                              .integer = -12,
                                              .string = "Goodbye",
                                              .string_map = {{"two", "turtle doves"}, {"three", "french hens"}}},
                      .integer = 1024,
                      .string = "Hello",
                      .string_map = {{"x", "100"}, {"y", "200"}}},
         .data_list = std::vector<InnerData>{InnerData{.bool_array = {true},
                                                       .boolean = true,
                                                       .float_ = 3.14,
                                                       .integer = 42,
                                                       .string = "Plain",
                                                       .string_map = {{"one", "partridge"}}}}});
    pulumi::plain::Resource empty_list_res(
        ctx, "emptyListRes", {.data = Data{.inner_data = InnerData{}}, .data_list = std::vector<InnerData>{}});
  });
}
