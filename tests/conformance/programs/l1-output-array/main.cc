// l1-output-array: list stack outputs, empty, nested and large.
#include "pulumi/pulumi.h"

#include <string>

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
    ctx.Export("empty", pulumi::PropertyArray{});
    ctx.Export("small", pulumi::PropertyArray{"Hello", "World"});
    ctx.Export("numbers", pulumi::PropertyArray{0, 1, 2, 3, 4, 5});
    ctx.Export("nested", pulumi::PropertyArray{pulumi::PropertyArray{1, 2, 3}, pulumi::PropertyArray{4, 5, 6},
                                               pulumi::PropertyArray{7, 8, 9}});
    ctx.Export("large", pulumi::PropertyArray(150, pulumi::PropertyValue(kLorem)));
  });
}
