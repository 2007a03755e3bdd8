// l2-invoke-scalar: an invoke whose result is a single boolean, not an object.
#include "pulumi/pulumi.h"
#include "pulumi/simple_invoke_with_scalar_return/my_invoke_scalar.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    ctx.Export("scalar", pulumi::simple_invoke_with_scalar_return::MyInvokeScalar(ctx, {.value = "goodbye"}));
  });
}
