// l2-proxy-index: indexing into the properties of an object output (fields, list elements, map entries).
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
             .bool_array = std::vector<bool>{true},
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
             .inner_data_list = std::vector<rr::InnerDataArgs>{{
                 .bool_array = std::vector<bool>{true},
                 .boolean = false,
                 .float_ = 3.14,
                 .integer = 42,
                 .string = "Partridge",
                 .string_map = std::map<std::string, std::string>{{"one", "in a pear tree"}},
             }},
             .integer = 1024,
             .string = "Hello",
             .string_map = std::map<std::string, std::string>{{"x", "100"}, {"y", "200"}},
         }});
    auto data = res.data();
    ctx.Export("bool", data.Apply([](rr::Data const& d) { return d.boolean; }));
    ctx.Export("array", data.Apply([](rr::Data const& d) { return static_cast<bool>(d.bool_array.at(0)); }));
    ctx.Export("map", data.Apply([](rr::Data const& d) { return d.string_map.at("x"); }));
    ctx.Export("nested", data.Apply([](rr::Data const& d) { return d.inner_data.string_map.at("three"); }));
    ctx.Export("listIndex", data.Apply([](rr::Data const& d) { return d.inner_data_list.value().at(0).string; }));
  });
}
