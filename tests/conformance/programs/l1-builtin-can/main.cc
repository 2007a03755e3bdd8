// l1-builtin-can: can(expr) is true when evaluating expr succeeds, on plain values, dynamic values and
// (secret) outputs.
#include "pulumi/pulumi.h"

#include <map>
#include <string>

namespace {

template <typename F>
bool Can(F&& f) {
  try {
    (void)f();
    return true;
  } catch (std::exception const&) {
    return false;
  }
}

}  // namespace

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using StringMap = std::map<std::string, std::string>;
    pulumi::Config config(ctx);
    auto a_map = config.RequireObject<StringMap>("aMap");
    ctx.Export("plainTrySuccess", Can([&] { return a_map.at("a"); }));
    ctx.Export("plainTryFailure", Can([&] { return a_map.at("b"); }));

    auto a_secret_map = pulumi::MakeSecret(pulumi::MakeOutput(a_map));
    ctx.Export("outputTrySuccess",
               a_secret_map.Apply([](StringMap const& m) { return Can([&] { return m.at("a"); }); }));
    ctx.Export("outputTryFailure",
               a_secret_map.Apply([](StringMap const& m) { return Can([&] { return m.at("b"); }); }));

    // A dynamically typed value: field access fails at run time only.
    nlohmann::json an_object = config.RequireJson("anObject");
    ctx.Export("dynamicTrySuccess", Can([&] { return an_object.at("a"); }));
    ctx.Export("dynamicTryFailure", Can([&] { return an_object.at("b"); }));

    auto a_secret_object = pulumi::MakeSecret(pulumi::MakeOutput(an_object));
    auto can_field = [](char const* field) {
      return [field](nlohmann::json const& o) { return Can([&] { return o.at(field); }); };
    };
    ctx.Export("outputDynamicTrySuccess", a_secret_object.Apply(can_field("a")));
    ctx.Export("outputDynamicTryFailure", a_secret_object.Apply(can_field("b")));

    // An explicit null is a successful evaluation.
    ctx.Export("plainTryNull", Can([&] { return an_object.at("opt"); }));
    ctx.Export("outputTryNull", a_secret_object.Apply(can_field("opt")));
  });
}
