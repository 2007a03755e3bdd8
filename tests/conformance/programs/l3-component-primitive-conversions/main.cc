// l3-component-primitive-conversions: config values of one primitive type are converted (PCL's implicit
// conversions, pcl_conversions.h) into the typed inputs of a component written in the program (the PCL's
// ./conversionComponent), which passes them to its resource and returns the resource's values; converting
// a secret keeps it secret.
#include "pcl_conversions.h"
#include "pulumi/primitive/resource.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

struct ConversionComponentArgs {
  pulumi::Input<bool> boolean;
  pulumi::Input<double> float_;
  pulumi::Input<int> integer;
  pulumi::Input<std::string> string;
};

class ConversionComponent : public pulumi::ComponentResource {
 public:
  ConversionComponent(pulumi::Context& ctx, std::string const& name, ConversionComponentArgs const& args,
                      pulumi::ResourceOptions const& opts = {})
      : ComponentResource(
            ctx, "components:index:ConversionComponent", name,
            {{"boolean", args.boolean}, {"float", args.float_}, {"integer", args.integer}, {"string", args.string}},
            opts) {
    pulumi::primitive::Resource res(
        ctx, name + "-res",
        {
            .boolean = args.boolean,
            .boolean_map = std::map<std::string, bool>{{"fromBool", true}, {"fromString", true}},
            .float_ = args.float_,
            .integer = args.integer,
            .number_array = std::vector<double>{2.0, 42.0, 6.5},
            .string = args.string,
        },
        {.parent = *this});
    boolean = res.boolean();
    float_ = res.float_();
    integer = res.integer();
    string = res.string();
    RegisterOutputs({{"boolean", boolean}, {"float", float_}, {"integer", integer}, {"string", string}});
  }

  pulumi::Output<bool> boolean;
  pulumi::Output<double> float_;
  pulumi::Output<int> integer;
  pulumi::Output<std::string> string;
};

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    double plain_number = config.RequireDouble("plainNumber");
    int plain_integer = config.RequireInt("plainInteger");
    std::string plain_string = config.Require("plainString");
    std::string plain_numeric_string = config.Require("plainNumericString");
    auto secret_number = config.RequireSecretObject<double>("secretNumber");
    auto secret_integer = config.RequireSecretObject<int>("secretInteger");
    auto secret_string = config.RequireSecret("secretString");
    auto secret_numeric_string = config.RequireSecret("secretNumericString");

    ConversionComponent plain_values(ctx, "plainValues",
                                     {
                                         .boolean = pcl::ToBool(plain_string),
                                         .float_ = plain_integer,
                                         .integer = pcl::ToInt(plain_numeric_string),
                                         .string = pcl::ToString(plain_number),
                                     });
    ConversionComponent secret_values(
        ctx, "secretValues",
        {
            .boolean = secret_string.Apply([](std::string const& s) { return pcl::ToBool(s); }),
            .float_ = secret_integer,
            .integer = secret_numeric_string.Apply([](std::string const& s) { return pcl::ToInt(s); }),
            .string = secret_number.Apply([](double d) { return pcl::ToString(d); }),
        });
  });
}
