// l2-map-keys: map keys that are not identifiers ("my key", "my.key", "my-key", "my_key", "MY_KEY", "myKey")
// kept verbatim through the primitive, primitive-ref, ref-ref and plain SDKs (maps of bools and of strings,
// inside Input and plain object types).
#include "pulumi/plain/resource.h"
#include "pulumi/primitive/resource.h"
#include "pulumi/primitive_ref/resource.h"
#include "pulumi/pulumi.h"
#include "pulumi/ref_ref/resource.h"

#include <map>
#include <string>
#include <vector>

namespace {

std::map<std::string, std::string> StringMap() {
  return {{"my key", "one"},  {"my.key", "two"},  {"my-key", "three"},
          {"my_key", "four"}, {"MY_KEY", "five"}, {"myKey", "six"}};
}

pulumi::plain::Data PlainData() {
  return pulumi::plain::Data{.bool_array = {true, false},
                             .boolean = true,
                             .float_ = 4.5,
                             .inner_data = pulumi::plain::InnerData{.bool_array = {false, true},
                                                                    .boolean = false,
                                                                    .float_ = 2.17,
                                                                    .integer = -12,
                                                                    .string = "Goodbye",
                                                                    .string_map = StringMap()},
                             .integer = 1024,
                             .string = "Hello",
                             .string_map = StringMap()};
}

}  // namespace

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::primitive::Resource prim(ctx, "prim",
                                     {
                                         .boolean = false,
                                         .boolean_map = std::map<std::string, bool>{{"my key", false},
                                                                                    {"my.key", true},
                                                                                    {"my-key", false},
                                                                                    {"my_key", true},
                                                                                    {"MY_KEY", false},
                                                                                    {"myKey", true}},
                                         .float_ = 2.17,
                                         .integer = -12,
                                         .number_array = std::vector<double>{0.0, 1.0},
                                         .string = "Goodbye",
                                     });

    pulumi::primitive_ref::Resource ref(ctx, "ref",
                                        {.data = pulumi::primitive_ref::DataArgs{
                                             .bool_array = std::vector<bool>{false, true},
                                             .boolean = false,
                                             .float_ = 2.17,
                                             .integer = -12,
                                             .string = "Goodbye",
                                             .string_map = StringMap(),
                                         }});

    namespace rr = pulumi::ref_ref;
    rr::Resource rref(ctx, "rref",
                      {.data = rr::DataArgs{
                           .bool_array = std::vector<bool>{},
                           .boolean = true,
                           .float_ = 4.5,
                           .inner_data = rr::InnerDataArgs{.bool_array = std::vector<bool>{},
                                                           .boolean = false,
                                                           .float_ = -2.17,
                                                           .integer = 123,
                                                           .string = "Goodbye",
                                                           .string_map = StringMap()},
                           .integer = 1024,
                           .string = "Hello",
                           .string_map = StringMap(),
                       }});

    pulumi::plain::Data data = PlainData();
    pulumi::plain::Resource plains(ctx, "plains",
                                   {.data = data,
                                    .non_plain_data = pulumi::plain::DataArgs{
                                        .bool_array = data.bool_array,
                                        .boolean = data.boolean,
                                        .float_ = data.float_,
                                        .inner_data = data.inner_data,
                                        .integer = data.integer,
                                        .string = data.string,
                                        .string_map = data.string_map,
                                    }});
  });
}
