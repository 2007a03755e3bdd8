// l2-resource-option-hooks: two before-create hooks that run commands, one of them also in previews.
#include "pcl_command.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <string>

using pulumi::ResourceHookArgs;
using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    std::string hook_test_file = config.Require("hookTestFile");
    std::string hook_preview_file = config.Require("hookPreviewFile");
    pulumi::ResourceHook create_hook(ctx, "createHook", [hook_test_file](ResourceHookArgs const&) {
      pcl::RunCommand({"touch", hook_test_file});
    });
    pulumi::ResourceHook preview_hook(ctx, "previewHook",
                                      [hook_preview_file](ResourceHookArgs const& args) {
                                        pcl::RunCommand({"touch", hook_preview_file + "_" + args.name});
                                      },
                                      {.on_dry_run = true});
    Resource res(ctx, "res", {.value = true}, {.hooks = {.before_create = {create_hook, preview_hook}}});
  });
}
