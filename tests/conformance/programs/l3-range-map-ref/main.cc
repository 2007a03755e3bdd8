// l3-range-map-ref: resources ranged over a map, one of them referenced by key.
#include "pulumi/nestedobject/target.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>

namespace nestedobject = pulumi::nestedobject;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    auto item_map = config.RequireObject<std::map<std::string, std::string>>("itemMap");

    std::map<std::string, nestedobject::Target> map_resource;
    for (auto const& [key, value] : item_map) {
      map_resource.emplace(key, nestedobject::Target(ctx, "mapResource-" + key, {.name = key + "=" + value}));
    }
    nestedobject::Target map_target(ctx, "mapTarget", {.name = pulumi::Format("{}+", map_resource.at("k1").name())});
  });
}
