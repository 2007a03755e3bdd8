// l2-name-conflicts: config keys that differ only in case ("names"/"Names", "mod"/"Mod") and that share their
// names with packages and modules (the names package, module-format's mod module), used as resource inputs.
#include "pulumi/module_format/mod/resource.h"
#include "pulumi/names/mod/res.h"
#include "pulumi/pulumi.h"

#include <string>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    bool names = config.GetBool("names").value_or(true);
    bool names_upper = config.GetBool("Names").value_or(true);
    std::string mod = config.Get("mod").value_or("module");
    std::string mod_upper = config.Get("Mod").value_or("format");

    pulumi::names::mod::Res names_resource(ctx, "namesResource", {.value = names});
    pulumi::module_format::mod::Resource mod_resource(ctx, "modResource", {.text = mod + "-" + mod_upper});

    ctx.Export("namesResourceVal", names_resource.value());
    ctx.Export("modResourceText", mod_resource.text());
    ctx.Export("nameVariables", names && names_upper);
    ctx.Export("modVariables", mod + "-" + mod_upper);
  });
}
