// l3-range-resource-output-traversal: resources ranged over another resource's list and map outputs.
#include "pulumi/nestedobject/container.h"
#include "pulumi/nestedobject/map_container.h"
#include "pulumi/nestedobject/target.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

namespace nestedobject = pulumi::nestedobject;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    nestedobject::Container container(ctx, "container", {.inputs = std::vector<std::string>{"alpha", "bravo"}});
    nestedobject::MapContainer map_container(
        ctx, "mapContainer", {.tags = std::map<std::string, std::string>{{"k1", "charlie"}, {"k2", "delta"}}});

    // The ranges are known only once the outputs are: the resources are registered then.
    container.details().Apply([&ctx](std::vector<nestedobject::Detail> const& details) {
      std::vector<nestedobject::Target> list_output;
      for (std::size_t i = 0; i < details.size(); ++i) {
        list_output.emplace_back(ctx, "listOutput-" + std::to_string(i),
                                 nestedobject::TargetArgs{.name = details[i].value});
      }
      return list_output.size();
    });
    map_container.tags().Apply([&ctx](std::map<std::string, std::string> const& tags) {
      std::vector<nestedobject::Target> map_output;
      for (auto const& [key, value] : tags) {
        map_output.emplace_back(ctx, "mapOutput-" + key, nestedobject::TargetArgs{.name = key + "=>" + value});
      }
      return map_output.size();
    });
  });
}
