// l2-destroy, run 1: only "aresource" is left, so "other" is deleted.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run(
      [](pulumi::Context& ctx) { pulumi::simple::Resource aresource(ctx, "aresource", {.value = true}); });
}
