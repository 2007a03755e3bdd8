// l1-output-string: string stack outputs with unicode, escapes (including NUL) and a large value.
#include "pulumi/pulumi.h"

#include <string>

using namespace std::string_literals;

namespace {

constexpr char kLorem[] =
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore "
    "magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo "
    "consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla "
    "pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est "
    "laborum.";

}  // namespace

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    ctx.Export("empty", "");
    ctx.Export("small", "Hello world!");
    ctx.Export("emoji", "\U0001F44B \"Hello \U0001019B!\" \U0001F60A");
    // ""s keeps the embedded NUL.
    ctx.Export("escape",
               "Some ${common} \"characters\" 'that' need escaping: \\ (backslash), \t (tab), \x1b (escape), "
               "\a (bell), \0 (null), \U000E0021 (tag space)"s);
    ctx.Export("escapeNewline",
               "Some ${common} \"characters\" 'that' need escaping: \\ (backslash), \n (newline), \t (tab), "
               "\x1b (escape), \a (bell), \0 (null), \U000E0021 (tag space)"s);
    std::string large;
    for (int i = 0; i < 150; ++i) large += std::string(kLorem) + "\n";
    ctx.Export("large", large);
  });
}
