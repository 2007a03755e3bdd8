// l1-config-types-optional: a list of optional strings, defaulted.
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    // list(optional(string)): nulls are elements too, so the list is read as JSON.
    auto names = config.GetJson("names").value_or(nlohmann::json::array({nullptr, "hello", nullptr}));
    ctx.Export("namesLength", static_cast<int>(names.size()));
  });
}
