// l1-output-bool: boolean stack outputs.
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    ctx.Export("output_true", true);
    ctx.Export("output_false", false);
  });
}
