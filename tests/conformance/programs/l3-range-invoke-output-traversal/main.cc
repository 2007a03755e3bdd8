// l3-range-invoke-output-traversal: resources ranged over the length of an invoke's output list (the invoke
// takes another resource's output, so its result is an output), each indexing that list.
#include "pulumi/nestedobject/container.h"
#include "pulumi/nestedobject/get_values.h"
#include "pulumi/nestedobject/target.h"
#include "pulumi/pulumi.h"

#include <string>
#include <vector>

namespace nestedobject = pulumi::nestedobject;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    nestedobject::Container source(ctx, "source", {.inputs = std::vector<std::string>{"alpha", "bravo", "charlie"}});
    auto values = nestedobject::GetValues(ctx, {.names = source.inputs()});

    // The number of resources is known only once the invoke has answered: they are registered then.
    values.Apply([&ctx](nestedobject::GetValuesResult const& result) {
      std::vector<nestedobject::Target> routes;
      for (std::size_t i = 0; i < result.results.size(); ++i) {
        routes.emplace_back(ctx, "routes-" + std::to_string(i), nestedobject::TargetArgs{.name = result.results[i]});
      }
      return routes.size();
    });
  });
}
