// l2-map-keys-adversarial: map keys that look like Pulumi's internal keys, are empty, or hold characters
// that need escaping (including NUL) reach a resource and an invoke, and come back, unchanged.
#include "pulumi/primitive/invoke.h"
#include "pulumi/primitive/resource.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

using namespace std::string_literals;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    std::map<std::string, bool> adversarial{
        {"__type", true},
        {"__internal", false},
        {"__provider", true},
        {"__version", false},
        {"", true},
        {"Some ${common} \"characters\" 'that' need escaping: \\ (backslash), \t (tab), \x1b (escape), "
         "\x07 (bell), \0 (null), \U000e0021 (tag space)"s,
         false},
        {"Format and glob specifiers: %percent ...ellipsis {open }close *asterisk ?question ,comma &&and ||or "
         "!not =>arrow ==equal :colon /slash",
         true},
    };
    pulumi::primitive::Resource res(ctx, "res",
                                    {
                                        .boolean = false,
                                        .boolean_map = adversarial,
                                        .float_ = 2.17,
                                        .integer = -12,
                                        .number_array = std::vector<double>{0, 1},
                                        .string = "adversarial",
                                    });
    auto invoke_result = pulumi::primitive::Invoke(ctx, {
                                                            .boolean = false,
                                                            .boolean_map = adversarial,
                                                            .float_ = 2.17,
                                                            .integer = -12,
                                                            .number_array = std::vector<double>{0, 1},
                                                            .string = "adversarial",
                                                        });
    ctx.Export("resourceBooleanMap", res.boolean_map());
    ctx.Export("invokeBooleanMap",
               invoke_result.Apply([](pulumi::primitive::InvokeResult const& r) { return r.boolean_map; }));
  });
}
