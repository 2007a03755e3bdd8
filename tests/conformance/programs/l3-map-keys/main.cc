// l3-map-keys: a map with keys that differ only in punctuation or case, look like Pulumi's internal keys,
// are empty or need escaping passes through a component written in the program (the PCL's ./myComponent)
// to its resource, and back out as the component's output, unchanged.
#include "pulumi/primitive/resource.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

using namespace std::string_literals;

struct MyComponentArgs {
  pulumi::Input<std::map<std::string, bool>> boolean_map;
};

class MyComponent : public pulumi::ComponentResource {
 public:
  MyComponent(pulumi::Context& ctx, std::string const& name, MyComponentArgs const& args,
              pulumi::ResourceOptions const& opts = {})
      : ComponentResource(ctx, "components:index:MyComponent", name, {{"booleanMap", args.boolean_map}}, opts) {
    pulumi::primitive::Resource res(ctx, name + "-res",
                                    {
                                        .boolean = false,
                                        .boolean_map = args.boolean_map,
                                        .float_ = 2.17,
                                        .integer = -12,
                                        .number_array = std::vector<double>{0, 1},
                                        .string = "adversarial",
                                    },
                                    {.parent = *this});
    boolean_map = res.boolean_map();
    RegisterOutputs({{"booleanMap", boolean_map}});
  }

  pulumi::Output<std::map<std::string, bool>> boolean_map;
};

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    MyComponent cmp(
        ctx, "cmp",
        {.boolean_map = std::map<std::string, bool>{
             {"my key", false},
             {"my.key", true},
             {"my-key", false},
             {"my_key", true},
             {"MY_KEY", false},
             {"myKey", true},
             {"__type", true},
             {"__internal", false},
             {"__provider", true},
             {"__version", false},
             {"", true},
             {"Some ${common} \"characters\" 'that' need escaping: \\ (backslash), \t (tab), \x1b (escape), "
              "\x07 (bell), \0 (null), \U000e0021 (tag space)"s,
              false},
             {"Format and glob specifiers: %percent ...ellipsis {open }close *asterisk ?question ,comma "
              "&&and ||or !not =>arrow ==equal :colon /slash",
              true},
         }});
    ctx.Export("resourceBooleanMap", cmp.boolean_map);
  });
}
