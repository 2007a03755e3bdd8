// l3-component-config-primitives: primitive config values, plain and secret, pass through a component
// written in the program (the PCL's ./primitiveComponent) to the resource it creates; a secret stays secret.
#include "pulumi/primitive/resource.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

struct PrimitiveComponentArgs {
  pulumi::Input<bool> boolean;
  pulumi::Input<double> float_;
  pulumi::Input<int> integer;
  pulumi::Input<std::string> string;
};

class PrimitiveComponent : public pulumi::ComponentResource {
 public:
  PrimitiveComponent(pulumi::Context& ctx, std::string const& name, PrimitiveComponentArgs const& args,
                     pulumi::ResourceOptions const& opts = {})
      : ComponentResource(
            ctx, "components:index:PrimitiveComponent", name,
            {{"boolean", args.boolean}, {"float", args.float_}, {"integer", args.integer}, {"string", args.string}},
            opts) {
    pulumi::primitive::Resource res(ctx, name + "-res",
                                    {
                                        .boolean = args.boolean,
                                        .boolean_map = std::map<std::string, bool>{{"t", true}, {"f", false}},
                                        .float_ = args.float_,
                                        .integer = args.integer,
                                        .number_array = std::vector<double>{-1.0, 0.0, 1.0},
                                        .string = args.string,
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
                                 .boolean = config.RequireBool("plainBool"),
                                 .float_ = config.RequireDouble("plainNumber"),
                                 .integer = config.RequireInt("plainInteger"),
                                 .string = config.Require("plainString"),
                             });
    PrimitiveComponent secret(ctx, "secret",
                              {
                                  .boolean = config.RequireSecretObject<bool>("secretBool"),
                                  .float_ = config.RequireSecretObject<double>("secretNumber"),
                                  .integer = config.RequireSecretObject<int>("secretInteger"),
                                  .string = config.RequireSecret("secretString"),
                              });
  });
}
