// l2-resource-simple: one resource of the simple provider, through its generated C++ SDK.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) { pulumi::simple::Resource res(ctx, "res", {.value = true}); });
}
