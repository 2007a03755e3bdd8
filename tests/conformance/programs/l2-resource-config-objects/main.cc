// l2-resource-config-objects: a list and a map from config, plain and secret, fill a resource's properties;
// a secret list or map is secret as a whole in the resource's inputs and outputs.
#include "pulumi/primitive/resource.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    pulumi::primitive::Resource plain(
        ctx, "plain",
        {
            .boolean = true,
            .boolean_map = config.RequireObject<std::map<std::string, bool>>("plainBooleanMap"),
            .float_ = 3.5,
            .integer = 3,
            .number_array = config.RequireObject<std::vector<double>>("plainNumberArray"),
            .string = "plain",
        });
    pulumi::primitive::Resource secret(
        ctx, "secret",
        {
            .boolean = true,
            .boolean_map = config.RequireSecretObject<std::map<std::string, bool>>("secretBooleanMap"),
            .float_ = 3.5,
            .integer = 3,
            .number_array = config.RequireSecretObject<std::vector<double>>("secretNumberArray"),
            .string = "secret",
        });
  });
}
