// l2-resource-order: the PCL uses res2 before declaring it and res1 before declaring it; C++ declares in
// dependency order (res1, then the local, then res2).
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using pulumi::simple::Resource;
    Resource res1(ctx, "res1", {.value = true});
    pulumi::Output<bool> local_var = res1.value();
    Resource res2(ctx, "res2", {.value = local_var});
    ctx.Export("out", res2.value());
  });
}
