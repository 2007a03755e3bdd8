// l1-config-types-object: map, object and untyped config values, and optional ones that default to null.
#include "pulumi/pulumi.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

/// An object({prop=list(bool)}) config value.
struct AnObject {
  std::vector<bool> prop;
};
void from_json(nlohmann::json const& j, AnObject& o) { j.at("prop").get_to(o.prop); }

/// An object({prop=string, other=int}) config value.
struct OptionalObject {
  std::string prop;
  int other = 0;
};
void from_json(nlohmann::json const& j, OptionalObject& o) {
  j.at("prop").get_to(o.prop);
  j.at("other").get_to(o.other);
}
nlohmann::json ToJson(OptionalObject const& o) { return {{"prop", o.prop}, {"other", o.other}}; }

}  // namespace

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    auto a_map = config.RequireObject<std::map<std::string, int>>("aMap");
    ctx.Export("theMap", pulumi::PropertyMap{{"a", a_map.at("a") + 1}, {"b", a_map.at("b") + 1}});

    auto an_object = config.RequireObject<AnObject>("anObject");
    ctx.Export("theObject", static_cast<bool>(an_object.prop.at(0)));

    nlohmann::json any_object = config.RequireJson("anyObject");
    ctx.Export("theThing", any_object.at("a").get<double>() + any_object.at("b").get<double>());

    auto optional_untyped_object = config.GetJson("optionalUntypedObject").value_or(nlohmann::json{{"key", "value"}});
    ctx.Export("defaultUntypedObject", pulumi::PropertyValueFromJson(optional_untyped_object));

    auto optional_list = config.GetObject<std::vector<std::string>>("optionalList");
    auto optional_map = config.GetObject<std::map<std::string, std::string>>("optionalMap");
    auto optional_object = config.GetObject<OptionalObject>("optionalObject");
    ctx.Export("optionalList", optional_list ? nlohmann::json(*optional_list).dump() : "null");
    ctx.Export("optionalMap", optional_map ? nlohmann::json(*optional_map).dump() : "null");
    ctx.Export("optionalObject", optional_object ? ToJson(*optional_object).dump() : "null");
  });
}
