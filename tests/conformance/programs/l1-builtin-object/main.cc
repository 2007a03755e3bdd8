// l1-builtin-object: entries, lookup and length over typed and dynamic maps.
#include "pulumi/pulumi.h"

#include <map>
#include <string>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    auto a_map = config.RequireObject<std::map<std::string, std::string>>("aMap");

    // entries() lists {key, value} objects sorted by key.
    pulumi::PropertyArray entries;
    for (auto const& [k, v] : a_map) entries.push_back(pulumi::PropertyMap{{"key", k}, {"value", v}});
    ctx.Export("entriesOutput", entries);

    auto lookup = [](auto const& map, std::string const& key, auto fallback) {
      auto it = map.find(key);
      return it == map.end() ? pulumi::PropertyValue(fallback) : pulumi::PropertyValue(it->second);
    };
    ctx.Export("lookupOutput", lookup(a_map, "keyPresent", "default"));
    ctx.Export("lookupOutputDefault", lookup(a_map, "keyMissing", "default"));
    std::map<std::string, int> literal{{"a", 1}, {"b", 2}};
    ctx.Export("lookupLiteral", lookup(literal, "c", 3));
    ctx.Export("lookupLiteralMismatchedType", lookup(literal, "c", true));
    ctx.Export("deprecatedTwoArgumentLookup", literal.at("a"));

    // An untyped config value, defaulted.
    nlohmann::json alternative_names = config.GetJson("alternativeNames").value_or(nlohmann::json::object());
    pulumi::PropertyArray names;
    for (auto it = alternative_names.begin(); it != alternative_names.end(); ++it) {
      names.push_back(it.value().get<std::string>());
    }
    ctx.Export("names", names);
    ctx.Export("lengthOutput", static_cast<int>(a_map.size()));
    ctx.Export("lengthDynamicOutput", static_cast<int>(alternative_names.size()));
  });
}
