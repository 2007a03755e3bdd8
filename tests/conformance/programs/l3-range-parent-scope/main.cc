// l3-range-parent-scope: a ranged resource's inputs use a config value of the enclosing scope.
#include "pulumi/nestedobject/target.h"
#include "pulumi/pulumi.h"

#include <string>
#include <vector>

namespace nestedobject = pulumi::nestedobject;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    std::string prefix = config.Require("prefix");

    std::vector<nestedobject::Target> item;
    for (int i = 0; i < 2; ++i) {
      item.emplace_back(ctx, "item-" + std::to_string(i),
                        nestedobject::TargetArgs{.name = prefix + "-" + std::to_string(i)});
    }
  });
}
