// l2-map-keys-invoke-call: map keys of every shape (dots, dashes, "__" prefixes) survive an invoke and a
// method call unchanged.
#include "pulumi/component/component_callable.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple_invoke/echo_map.h"

#include <map>
#include <string>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    std::map<std::string, std::string> const string_map = {
        {"my key", "one"},  {"my.key", "two"}, {"my-key", "three"}, {"my_key", "four"},
        {"MY_KEY", "five"}, {"myKey", "six"},  {"__type", "seven"}, {"__internal", "eight"},
    };
    ctx.Export("invokeResult", pulumi::simple_invoke::EchoMap(ctx, {.string_map = string_map})
                                   .Apply([](pulumi::simple_invoke::EchoMapResult const& r) { return r.string_map; }));
    pulumi::component::ComponentCallable callable(ctx, "callable", {.value = "unused"});
    ctx.Export("callResult",
               callable.echo_map({.string_map = string_map})
                   .Apply([](pulumi::component::ComponentCallableEchoMapResult const& r) { return r.string_map; }));
  });
}
