// l1-for-expression: list and map comprehensions, with filters and indexes.
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    std::vector<std::string> names{"alpha", "beta", "gamma"};
    std::map<std::string, std::string> tags{{"Environment", "production"}, {"Team", "infra"}};

    std::vector<std::string> prefixed, filtered, indexed, tag_list;
    for (auto const& n : names) prefixed.push_back("prefix-" + n);
    for (auto const& n : names) {
      if (n != "beta") filtered.push_back(n);
    }
    for (std::size_t i = 0; i < names.size(); ++i) indexed.push_back(std::to_string(i) + ":" + names[i]);
    for (auto const& [k, v] : tags) tag_list.push_back(k + "=" + v);
    std::map<std::string, std::string> prefixed_map, filtered_tags;
    for (auto const& n : names) prefixed_map[n] = "prefix-" + n;
    for (auto const& [k, v] : tags) {
      if (k != "Team") filtered_tags[k] = v;
    }
    ctx.Export("prefixed", pulumi::ToPropertyValue(prefixed));
    ctx.Export("filtered", pulumi::ToPropertyValue(filtered));
    ctx.Export("indexed", pulumi::ToPropertyValue(indexed));
    ctx.Export("tagList", pulumi::ToPropertyValue(tag_list));
    ctx.Export("prefixedMap", pulumi::ToPropertyValue(prefixed_map));
    ctx.Export("filteredTags", pulumi::ToPropertyValue(filtered_tags));
  });
}
