// l1-output-map: map stack outputs, with adversarial keys and values.
#include "pulumi/pulumi.h"

#include <string>

using namespace std::string_literals;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    ctx.Export("empty", pulumi::PropertyMap{});
    ctx.Export("strings", pulumi::PropertyMap{{"greeting", "Hello, world!"}, {"farewell", "Goodbye, world!"}});
    auto escape =
        "Some ${common} \"characters\" 'that' need escaping: \\ (backslash), \t (tab), \x1b (escape), \a (bell), "
        "\0 (null), \U000E0021 (tag space)"s;
    ctx.Export("adversarialStrings", pulumi::PropertyMap{
                                         {"__type", "dunder type"},
                                         {"__internal", "dunder internal"},
                                         {"__provider", "dunder provider"},
                                         {"__version", "dunder version"},
                                         {"", "empty key"},
                                         {"empty value", ""},
                                         {"dunder value", "__dunder"},
                                         {escape, escape},
                                     });
    ctx.Export("numbers", pulumi::PropertyMap{{"1", 1}, {"2", 2}});
    // Keys are not renamed.
    ctx.Export("keys", pulumi::PropertyMap{
                           {"my.key", 1}, {"my-key", 2}, {"my_key", 3}, {"MY_KEY", 4}, {"mykey", 5}, {"MYKEY", 6}});
  });
}
