// l2-resource-option-hide-diffs: a resource whose value diffs are hidden, and one whose are not.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource hide_diffs(ctx, "hideDiffs", {.value = true}, {.hide_diffs = {"value"}});
    Resource not_hide_diffs(ctx, "notHideDiffs", {.value = true});
  });
}
