// l3-range: resources ranged over a number, a list, a map and a bool from config.
#include "pulumi/nestedobject/target.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

namespace nestedobject = pulumi::nestedobject;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    int num_items = config.RequireInt("numItems");
    auto item_list = config.RequireObject<std::vector<std::string>>("itemList");
    auto item_map = config.RequireObject<std::map<std::string, std::string>>("itemMap");
    bool create_bool = config.RequireBool("createBool");

    std::vector<nestedobject::Target> num_resource;
    for (int i = 0; i < num_items; ++i) {
      num_resource.emplace_back(ctx, "numResource-" + std::to_string(i),
                                nestedobject::TargetArgs{.name = "num-" + std::to_string(i)});
    }
    std::vector<nestedobject::Target> list_resource;
    for (std::size_t i = 0; i < item_list.size(); ++i) {
      list_resource.emplace_back(ctx, "listResource-" + std::to_string(i),
                                 nestedobject::TargetArgs{.name = std::to_string(i) + ":" + item_list[i]});
    }
    std::map<std::string, nestedobject::Target> map_resource;
    for (auto const& [key, value] : item_map) {
      map_resource.emplace(key, nestedobject::Target(ctx, "mapResource-" + key, {.name = key + "=" + value}));
    }
    std::optional<nestedobject::Target> bool_resource;
    if (create_bool) bool_resource.emplace(ctx, "boolResource", nestedobject::TargetArgs{.name = "bool-resource"});
  });
}
