// l3-component-config-objects: a list and a map from config, plain and secret, pass through a component
// written in the program (the PCL's ./primitiveComponent) to the resource it creates; a secret list or map
// stays secret as a whole.
#include "pulumi/primitive/resource.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

struct PrimitiveComponentArgs {
  pulumi::Input<std::vector<double>> number_array;
  pulumi::Input<std::map<std::string, bool>> boolean_map;
};

class PrimitiveComponent : public pulumi::ComponentResource {
 public:
  PrimitiveComponent(pulumi::Context& ctx, std::string const& name, PrimitiveComponentArgs const& args,
                     pulumi::ResourceOptions const& opts = {})
      : ComponentResource(ctx, "components:index:PrimitiveComponent", name,
                          {{"numberArray", args.number_array}, {"booleanMap", args.boolean_map}}, opts) {
    pulumi::primitive::Resource res(ctx, name + "-res",
                                    {
                                        .boolean = true,
                                        .boolean_map = args.boolean_map,
                                        .float_ = 3.5,
                                        .integer = 3,
                                        .number_array = args.number_array,
                                        .string = "plain",
                                    },
                                    {.parent = *this});
    RegisterOutputs({});
  }
};

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    PrimitiveComponent plain(ctx, "plain",
                             {
                                 .number_array = config.RequireObject<std::vector<double>>("plainNumberArray"),
                                 .boolean_map = config.RequireObject<std::map<std::string, bool>>("plainBooleanMap"),
                             });
    PrimitiveComponent secret(
        ctx, "secret",
        {
            .number_array = config.RequireSecretObject<std::vector<double>>("secretNumberArray"),
            .boolean_map = config.RequireSecretObject<std::map<std::string, bool>>("secretBooleanMap"),
        });
  });
}
