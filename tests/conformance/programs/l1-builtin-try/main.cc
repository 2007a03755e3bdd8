// l1-builtin-try: try(expr, fallback) on plain values, dynamic values and (secret) outputs.
#include "pulumi/pulumi.h"

#include <map>
#include <string>

namespace {

template <typename F, typename T>
auto Try(F&& f, T fallback) -> decltype(f()) {
  try {
    return f();
  } catch (std::exception const&) {
    return fallback;
  }
}

}  // namespace

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using StringMap = std::map<std::string, std::string>;
    pulumi::Config config(ctx);
    auto a_map = config.RequireObject<StringMap>("aMap");
    ctx.Export("plainTrySuccess", Try([&] { return a_map.at("a"); }, std::string("fallback")));
    ctx.Export("plainTryFailure", Try([&] { return a_map.at("b"); }, std::string("fallback")));

    auto a_secret_map = pulumi::MakeSecret(pulumi::MakeOutput(a_map));
    auto try_key = [](char const* key) {
      return [key](StringMap const& m) { return Try([&] { return m.at(key); }, std::string("fallback")); };
    };
    ctx.Export("outputTrySuccess", a_secret_map.Apply(try_key("a")));
    ctx.Export("outputTryFailure", a_secret_map.Apply(try_key("b")));

    // A dynamically typed value: field access fails at run time only.
    nlohmann::json an_object = config.RequireJson("anObject");
    auto try_field = [](char const* field) {
      return [field](nlohmann::json const& o) {
        return Try([&] { return pulumi::PropertyValueFromJson(o.at(field)); }, pulumi::PropertyValue("fallback"));
      };
    };
    ctx.Export("dynamicTrySuccess", try_field("a")(an_object));
    ctx.Export("dynamicTryFailure", try_field("b")(an_object));

    auto a_secret_object = pulumi::MakeSecret(pulumi::MakeOutput(an_object));
    ctx.Export("outputDynamicTrySuccess", a_secret_object.Apply(try_field("a")));
    ctx.Export("outputDynamicTryFailure", a_secret_object.Apply(try_field("b")));

    // An explicit null is a successful evaluation (wrapped in a list: a null output is dropped).
    ctx.Export("plainTryNull", pulumi::PropertyArray{try_field("opt")(an_object)});
    ctx.Export("outputTryNull", a_secret_object.Apply([try_field](nlohmann::json const& o) {
      return pulumi::PropertyValue(pulumi::PropertyArray{try_field("opt")(o)});
    }));
  });
}
