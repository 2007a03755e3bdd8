// l2-id-type: a resource id is a string: it fills string properties as is, and number and bool properties
// through PCL's conversions (pcl_conversions.h), and flows through a string function (toBase64).
#include "pcl_builtins.h"
#include "pcl_conversions.h"
#include "pulumi/primitive/resource.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::primitive::Resource source1(ctx, "source1",
                                        {
                                            .boolean = false,
                                            .boolean_map = std::map<std::string, bool>{{"source", false}},
                                            .float_ = 1,
                                            .integer = 2,
                                            .number_array = std::vector<double>{3},
                                            .string = "1234",
                                        });
    pulumi::primitive::Resource source2(ctx, "source2",
                                        {
                                            .boolean = false,
                                            .boolean_map = std::map<std::string, bool>{{"source", false}},
                                            .float_ = 1,
                                            .integer = 2,
                                            .number_array = std::vector<double>{3},
                                            .string = "true",
                                        });

    std::map<std::string, pulumi::Output<std::string>> id_map{{"source1Token", source1.id()},
                                                              {"source2Token", source2.id()}};
    auto as_number = [](std::string const& id) { return pcl::ToNumber(id); };
    auto as_int = [](std::string const& id) { return pcl::ToInt(id); };
    auto as_bool = [](std::string const& id) { return pcl::ToBool(id); };

    pulumi::primitive::Resource sink1(
        ctx, "sink1",
        {
            .boolean = false,
            .boolean_map = std::map<std::string, bool>{{"sink", false}},
            .float_ = id_map.at("source1Token").Apply(as_number),
            .integer = id_map.at("source1Token").Apply(as_int),
            .number_array = std::vector<pulumi::Output<double>>{id_map.at("source1Token").Apply(as_number)},
            .string = id_map.at("source1Token"),
        });
    pulumi::primitive::Resource sink2(
        ctx, "sink2",
        {
            .boolean = id_map.at("source2Token").Apply(as_bool),
            .boolean_map =
                std::map<std::string, pulumi::Output<bool>>{{"sink", id_map.at("source2Token").Apply(as_bool)}},
            .float_ = 1,
            .integer = 2,
            .number_array = std::vector<double>{3},
            .string = "abc",
        });

    ctx.Export("ids", pulumi::Input<std::map<std::string, std::string>>(id_map));
    ctx.Export("base64", sink2.id().Apply([](std::string const& id) { return pcl::ToBase64(id); }));
  });
}
