// l2-resource-primitive-conversions: config values of one primitive type fill properties of another (PCL's
// implicit conversions, written out with pcl_conversions.h), for a resource and an invoke; converting a
// secret keeps it secret.
#include "pcl_conversions.h"
#include "pulumi/primitive/invoke.h"
#include "pulumi/primitive/resource.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    bool plain_bool = config.RequireBool("plainBool");
    double plain_number = config.RequireDouble("plainNumber");
    int plain_integer = config.RequireInt("plainInteger");
    std::string plain_string = config.Require("plainString");
    std::string plain_numeric_string = config.Require("plainNumericString");
    auto secret_number = config.RequireSecretObject<double>("secretNumber");
    auto secret_integer = config.RequireSecretObject<int>("secretInteger");
    auto secret_string = config.RequireSecret("secretString");
    auto secret_numeric_string = config.RequireSecret("secretNumericString");

    std::vector<double> number_array{static_cast<double>(plain_integer), pcl::ToNumber(plain_numeric_string),
                                     plain_number};
    std::map<std::string, bool> boolean_map{{"fromBool", plain_bool}, {"fromString", pcl::ToBool(plain_string)}};

    pulumi::primitive::Resource plain_values(ctx, "plainValues",
                                             {
                                                 .boolean = pcl::ToBool(plain_string),
                                                 .boolean_map = boolean_map,
                                                 .float_ = plain_integer,
                                                 .integer = pcl::ToInt(plain_numeric_string),
                                                 .number_array = number_array,
                                                 .string = pcl::ToString(plain_number),
                                             });

    pulumi::primitive::Resource secret_values(
        ctx, "secretValues",
        {
            .boolean = secret_string.Apply([](std::string const& s) { return pcl::ToBool(s); }),
            .boolean_map = boolean_map,
            .float_ = secret_integer,
            .integer = secret_numeric_string.Apply([](std::string const& s) { return pcl::ToInt(s); }),
            .number_array = number_array,
            .string = secret_number.Apply([](double d) { return pcl::ToString(d); }),
        });

    auto invoke_result = pulumi::primitive::Invoke(ctx, {
                                                            .boolean = pcl::ToBool(plain_string),
                                                            .boolean_map = boolean_map,
                                                            .float_ = plain_integer,
                                                            .integer = pcl::ToInt(plain_numeric_string),
                                                            .number_array = number_array,
                                                            .string = pcl::ToString(plain_bool),
                                                        });
    using Result = pulumi::primitive::InvokeResult;
    pulumi::primitive::Resource invoke_values(
        ctx, "invokeValues",
        {
            .boolean = invoke_result.Apply([](Result const& r) { return r.boolean; }),
            .boolean_map = invoke_result.Apply([](Result const& r) { return r.boolean_map; }),
            .float_ = invoke_result.Apply([](Result const& r) { return r.float_; }),
            .integer = invoke_result.Apply([](Result const& r) { return r.integer; }),
            .number_array = invoke_result.Apply([](Result const& r) { return r.number_array; }),
            .string = invoke_result.Apply([](Result const& r) { return r.string; }),
        });
  });
}
