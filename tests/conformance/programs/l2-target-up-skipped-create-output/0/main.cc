// l2-target-up-skipped-create-output, run 0: a simple resource and a nestedobject container.
#include "pulumi/nestedobject/container.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <string>
#include <vector>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::simple::Resource target(ctx, "target", {.value = true});
    pulumi::nestedobject::Container other(ctx, "other", {.inputs = std::vector<std::string>{"a"}});
  });
}
