// l2-resource-option-additional-secret-outputs: the value output made secret by the option, and not.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource with_secret(ctx, "withSecret", {.value = true}, {.additional_secret_outputs = {"value"}});
    Resource without_secret(ctx, "withoutSecret", {.value = true});
  });
}
