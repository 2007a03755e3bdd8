// l2-parallel-resources: three sync:index:Block resources, which the provider only lets finish when all
// three are being created at once, so the program must register them concurrently.
#include "pulumi/pulumi.h"
#include "pulumi/sync/block.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::sync::Block block1(ctx, "block-1");
    pulumi::sync::Block block2(ctx, "block-2");
    pulumi::sync::Block block3(ctx, "block-3");
  });
}
