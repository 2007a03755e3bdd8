// l1-proxy-index: indexing into secret outputs of lists, maps, typed and untyped objects.
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

namespace {

/// An object({property=string}) config value.
struct AnObject {
  std::string property;
};
void from_json(nlohmann::json const& j, AnObject& o) { j.at("property").get_to(o.property); }

}  // namespace

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    auto an_object = config.RequireObject<AnObject>("anObject");
    auto any_object = config.RequireJson("anyObject");

    auto l = pulumi::MakeSecret(pulumi::MakeOutput(std::vector<int>{1}));
    auto m = pulumi::MakeSecret(pulumi::MakeOutput(std::map<std::string, bool>{{"key", true}}));
    auto c = pulumi::MakeSecret(pulumi::MakeOutput(an_object));
    auto o = pulumi::MakeSecret(pulumi::MakeOutput(std::map<std::string, std::string>{{"property", "value"}}));
    auto a = pulumi::MakeSecret(pulumi::MakeOutput(any_object));

    ctx.Export("l", l.Apply([](std::vector<int> const& v) { return v.at(0); }));
    ctx.Export("m", m.Apply([](std::map<std::string, bool> const& v) { return v.at("key"); }));
    ctx.Export("c", c.Apply([](AnObject const& v) { return v.property; }));
    ctx.Export("o", o.Apply([](std::map<std::string, std::string> const& v) { return v.at("property"); }));
    ctx.Export("a", a.Apply([](nlohmann::json const& v) { return v.at("property").get<std::string>(); }));
  });
}
