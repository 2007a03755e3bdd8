// l2-resource-hook-ignore-errors: an after-create hook whose command fails, with errors ignored (a warning).
#include "pcl_command.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::ResourceHook failing_hook(ctx, "failingHook",
                                      [](pulumi::ResourceHookArgs const&) { pcl::RunCommand({"false"}); },
                                      {.ignore_errors = true});
    Resource res(ctx, "res", {.value = true}, {.hooks = {.after_create = {failing_hook}}});
  });
}
