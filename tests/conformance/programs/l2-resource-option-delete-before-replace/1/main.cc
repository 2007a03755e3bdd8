// l2-resource-option-delete-before-replace, run 1: two resources replaced on changes of value, one deleted
// before its replacement is created. Here value changes, so both are replaced.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource with_option(ctx, "withOption", {.value = false},
                         {.delete_before_replace = true, .replace_on_changes = {"value"}});
    Resource without_option(ctx, "withoutOption", {.value = false}, {.replace_on_changes = {"value"}});
  });
}
