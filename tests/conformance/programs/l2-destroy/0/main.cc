// l2-destroy, run 0: two resources; run 1 drops "other", which the engine then deletes.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::simple::Resource aresource(ctx, "aresource", {.value = true});
    pulumi::simple::Resource other(ctx, "other", {.value = true});
  });
}
