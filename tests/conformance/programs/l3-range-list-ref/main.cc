// l3-range-list-ref: resources ranged over a number and a list, referenced by index (constant and ranged).
#include "pulumi/nestedobject/target.h"
#include "pulumi/pulumi.h"

#include <string>
#include <vector>

namespace nestedobject = pulumi::nestedobject;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    int num_items = config.RequireInt("numItems");
    auto item_list = config.RequireObject<std::vector<std::string>>("itemList");

    std::vector<nestedobject::Target> num_resource;
    for (int i = 0; i < num_items; ++i) {
      num_resource.emplace_back(ctx, "numResource-" + std::to_string(i),
                                nestedobject::TargetArgs{.name = "num-" + std::to_string(i)});
    }
    nestedobject::Target num_target(ctx, "numTarget", {.name = pulumi::Format("{}+", num_resource.at(0).name())});

    std::vector<nestedobject::Target> list_resource;
    for (std::size_t i = 0; i < item_list.size(); ++i) {
      list_resource.emplace_back(ctx, "listResource-" + std::to_string(i),
                                 nestedobject::TargetArgs{.name = std::to_string(i) + ":" + item_list[i]});
    }
    nestedobject::Target list_target(ctx, "listTarget", {.name = pulumi::Format("{}+", list_resource.at(1).name())});

    std::vector<nestedobject::Target> list_dyn_target;
    for (std::size_t i = 0; i < item_list.size(); ++i) {
      list_dyn_target.emplace_back(ctx, "listDynTarget-" + std::to_string(i),
                                   nestedobject::TargetArgs{.name = pulumi::Format("{}!", list_resource.at(i).name())});
    }
  });
}
