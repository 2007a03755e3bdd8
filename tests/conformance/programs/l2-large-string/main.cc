// l2-large-string: a resource whose output is a string of about 100 MB, exported from the stack.
#include "pulumi/large/string.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::large::String res(ctx, "res", {.value = "hello world"});
    ctx.Export("output", res.value());
  });
}
