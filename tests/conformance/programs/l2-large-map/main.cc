// l2-large-map: a resource whose output is a map nested 300 levels deep, exported from the stack.
#include "pulumi/large/map.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::large::Map res(ctx, "res", {.depth = 300, .value = "leaf"});
    ctx.Export("output", res.value());
  });
}
