// l2-target-up-skipped-create-output, run 1 (an update targeting only `target`): a new resource whose create
// the engine skips; the stack output derived from its output must stay unknown, not become null.
#include "pulumi/nestedobject/container.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <string>
#include <vector>

namespace nestedobject = pulumi::nestedobject;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::simple::Resource target(ctx, "target", {.value = true});
    nestedobject::Container other(ctx, "other", {.inputs = std::vector<std::string>{"a"}});
    nestedobject::Container skipped(ctx, "skipped", {.inputs = std::vector<std::string>{"b"}});

    ctx.Export("skippedOutput", skipped.details().Apply([](std::vector<nestedobject::Detail> const& details) {
      return "skipped-" + details.at(0).key;
    }));
  });
}
