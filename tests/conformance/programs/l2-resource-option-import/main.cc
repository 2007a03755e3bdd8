// l2-resource-option-import: a resource imported by id, and one created.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource imported(ctx, "import", {.value = true}, {.import_id = "fakeID123"});
    Resource not_import(ctx, "notImport", {.value = true});
  });
}
