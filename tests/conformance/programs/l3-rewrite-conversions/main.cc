// l3-rewrite-conversions: literals of one primitive type fill properties of another, of a resource and of
// a component written in the program (the PCL's ./converted); PCL converts them (pcl_conversions.h), and
// the component records its converted inputs.
#include "pcl_conversions.h"
#include "pulumi/primitive/resource.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

struct ConvertedArgs {
  pulumi::Input<bool> boolean;
  pulumi::Input<double> float_;
  pulumi::Input<int> integer;
  pulumi::Input<std::string> string;
  pulumi::Input<std::vector<double>> number_array;
  pulumi::Input<std::map<std::string, bool>> boolean_map;
};

class Converted : public pulumi::ComponentResource {
 public:
  Converted(pulumi::Context& ctx, std::string const& name, ConvertedArgs const& args,
            pulumi::ResourceOptions const& opts = {})
      : ComponentResource(ctx, "components:index:Converted", name,
                          {{"boolean", args.boolean},
                           {"float", args.float_},
                           {"integer", args.integer},
                           {"string", args.string},
                           {"numberArray", args.number_array},
                           {"booleanMap", args.boolean_map}},
                          opts) {
    pulumi::primitive::Resource res(ctx, name + "-res",
                                    {
                                        .boolean = args.boolean,
                                        .boolean_map = args.boolean_map,
                                        .float_ = args.float_,
                                        .integer = args.integer,
                                        .number_array = args.number_array,
                                        .string = args.string,
                                    },
                                    {.parent = *this});
    RegisterOutputs({});
  }
};

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::primitive::Resource direct(
        ctx, "direct",
        {
            .boolean = pcl::ToBool("true"),
            .boolean_map = std::map<std::string, bool>{{"t", pcl::ToBool("true")}, {"f", pcl::ToBool("false")}},
            .float_ = pcl::ToNumber("3.14"),
            .integer = pcl::ToInt("42"),
            .number_array = std::vector<double>{pcl::ToNumber("-1"), pcl::ToNumber("0"), pcl::ToNumber("1")},
            .string = pcl::ToString(false),
        });
    Converted converted(
        ctx, "converted",
        {
            .boolean = pcl::ToBool("false"),
            .float_ = pcl::ToNumber("2.5"),
            .integer = pcl::ToInt("7"),
            .string = pcl::ToString(true),
            .number_array = std::vector<double>{pcl::ToNumber("10"), pcl::ToNumber("11")},
            .boolean_map = std::map<std::string, bool>{{"left", pcl::ToBool("true")}, {"right", pcl::ToBool("false")}},
        });
  });
}
