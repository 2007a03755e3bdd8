// l2-resource-primitives: one resource of the primitive provider with a value of each primitive type, a
// list of numbers and a map of bools.
#include "pulumi/primitive/resource.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::primitive::Resource res(ctx, "res",
                                    {
                                        .boolean = true,
                                        .boolean_map = std::map<std::string, bool>{{"t", true}, {"f", false}},
                                        .float_ = 3.14,
                                        .integer = 42,
                                        .number_array = std::vector<double>{-1.0, 0.0, 1.0},
                                        .string = "hello",
                                    });
  });
}
