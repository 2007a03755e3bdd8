// l2-resource-config-primitives: primitive config values, plain and secret, fill a resource's properties;
// a secret config value stays secret in the resource's inputs and outputs.
#include "pulumi/primitive/resource.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    pulumi::primitive::Resource plain(ctx, "plain",
                                      {
                                          .boolean = config.RequireBool("plainBool"),
                                          .boolean_map = std::map<std::string, bool>{{"t", true}, {"f", false}},
                                          .float_ = config.RequireDouble("plainNumber"),
                                          .integer = config.RequireInt("plainInteger"),
                                          .number_array = std::vector<double>{-1.0, 0.0, 1.0},
                                          .string = config.Require("plainString"),
                                      });
    pulumi::primitive::Resource secret(ctx, "secret",
                                       {
                                           .boolean = config.RequireSecretObject<bool>("secretBool"),
                                           .boolean_map = std::map<std::string, bool>{{"t", true}, {"f", false}},
                                           .float_ = config.RequireSecretObject<double>("secretNumber"),
                                           .integer = config.RequireSecretObject<int>("secretInteger"),
                                           .number_array = std::vector<double>{-2.0, 0.0, 2.0},
                                           .string = config.RequireSecret("secretString"),
                                       });
  });
}
