// l1-config-types-primitive: typed config values, with defaults.
#include "pulumi/pulumi.h"

#include <string>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    double a_number = config.RequireDouble("aNumber");
    ctx.Export("theNumber", a_number + 1.25);
    double optional_number = config.GetDouble("optionalNumber").value_or(41.5);
    ctx.Export("defaultNumber", optional_number + 1.2);
    int an_int = config.RequireInt("anInt");
    ctx.Export("theInteger", an_int + 4);
    int optional_int = config.GetInt("optionalInt").value_or(1);
    ctx.Export("defaultInteger", optional_int + 2);
    std::string a_string = config.Require("aString");
    ctx.Export("theString", a_string + " World");
    std::string optional_string = config.Get("optionalString").value_or("defaultStringValue");
    ctx.Export("defaultString", optional_string);
    bool a_bool = config.RequireBool("aBool");
    ctx.Export("theBool", !a_bool && true);
    bool optional_bool = config.GetBool("optionalBool").value_or(false);
    ctx.Export("defaultBool", optional_bool);
  });
}
