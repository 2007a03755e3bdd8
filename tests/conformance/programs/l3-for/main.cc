// l3-for: for expressions over config lists and maps, with indexes and filters.
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    auto names = config.RequireObject<std::vector<std::string>>("names");
    auto tags = config.RequireObject<std::map<std::string, std::string>>("tags");

    std::vector<std::string> greetings, numbered, tag_list, filtered_list;
    std::map<std::string, std::string> greeting_map, filtered_map;
    for (auto const& name : names) greetings.push_back("Hello, " + name + "!");
    for (std::size_t i = 0; i < names.size(); ++i) numbered.push_back(std::to_string(i) + "-" + names[i]);
    for (auto const& [k, v] : tags) tag_list.push_back(k + "=" + v);
    for (auto const& name : names) greeting_map[name] = "Hello, " + name + "!";
    for (auto const& name : names) {
      if (name != "b") filtered_list.push_back(name);
    }
    for (auto const& name : names) {
      if (name != "b") filtered_map[name] = "Hello, " + name + "!";
    }
    ctx.Export("greetings", pulumi::ToPropertyValue(greetings));
    ctx.Export("numbered", pulumi::ToPropertyValue(numbered));
    ctx.Export("tagList", pulumi::ToPropertyValue(tag_list));
    ctx.Export("greetingMap", pulumi::ToPropertyValue(greeting_map));
    ctx.Export("filteredList", pulumi::ToPropertyValue(filtered_list));
    ctx.Export("filteredMap", pulumi::ToPropertyValue(filtered_map));
  });
}
