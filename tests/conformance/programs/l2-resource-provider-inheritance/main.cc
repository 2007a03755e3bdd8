// l2-resource-provider-inheritance: a child inherits its parent's explicit provider for the parent's
// package only; a parent's default provider is never inherited.
#include "pulumi/primitive/resource.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/provider.h"
#include "pulumi/simple/resource.h"

#include <map>
#include <string>
#include <vector>

namespace {

pulumi::primitive::ResourceArgs EmptyPrimitive() {
  return {
      .boolean = false,
      .boolean_map = std::map<std::string, bool>{},
      .float_ = 0,
      .integer = 0,
      .number_array = std::vector<double>{},
      .string = "",
  };
}

}  // namespace

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::simple::Provider provider(ctx, "provider");
    pulumi::simple::Resource parent1(ctx, "parent1", {.value = true}, {.provider = provider});
    // Inherits the explicit provider from parent1.
    pulumi::simple::Resource child1(ctx, "child1", {.value = true}, {.parent = parent1});
    pulumi::primitive::Resource parent2(ctx, "parent2", EmptyPrimitive());
    // Does not inherit parent2's provider: it is a default provider (of another package, too).
    pulumi::simple::Resource child2(ctx, "child2", {.value = true}, {.parent = parent2});
    // Does not inherit parent1's provider, which is of another package.
    pulumi::primitive::Resource child3(ctx, "child3", EmptyPrimitive(), {.parent = parent1});
  });
}
