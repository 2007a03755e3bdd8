// l2-failed-create-continue-on-error-read: reads that depend on a resource whose create fails (by dependsOn
// and through its output); the engine skips them and their outputs stay unknown.
#include "pulumi/fail_on_create/resource.h"
#include "pulumi/pulumi.h"
#include "pulumi/read/resource.h"

#include <string>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using pulumi::read::Resource;
    pulumi::fail_on_create::Resource failing(ctx, "failing", {.value = false});
    auto res = Resource::Get(ctx, "res", "existing-id", {.lookup = "existing-key"}, {.depends_on = {failing}});
    auto lookup = failing.value().Apply([](bool v) { return std::string("existing-key-") + (v ? "true" : "false"); });
    auto res_prop_dep = Resource::Get(ctx, "res_prop_dep", "existing-id", {.lookup = lookup});
    ctx.Export("readValue", res.value());
    ctx.Export("readPropDepValue", res_prop_dep.value());
  });
}
