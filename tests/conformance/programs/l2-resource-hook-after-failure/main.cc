// l2-resource-hook-after-failure: an after-create hook whose command fails, which fails the update.
#include "pcl_command.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::ResourceHook failing_hook(ctx, "failingHook",
                                      [](pulumi::ResourceHookArgs const&) { pcl::RunCommand({"false"}); });
    Resource res(ctx, "res", {.value = true}, {.hooks = {.after_create = {failing_hook}}});
  });
}
