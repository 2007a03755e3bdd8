// l2-resource-option-delete-before-replace, run 0: two resources replaced on changes of value, one deleted
// before its replacement is created.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource with_option(ctx, "withOption", {.value = true},
                         {.delete_before_replace = true, .replace_on_changes = {"value"}});
    Resource without_option(ctx, "withoutOption", {.value = true}, {.replace_on_changes = {"value"}});
  });
}
