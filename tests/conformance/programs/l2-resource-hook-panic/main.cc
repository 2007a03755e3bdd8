// l2-resource-hook-panic: an after-create hook whose command cannot even be evaluated
// (notImplemented("hook panic")): the hook fails with that message and the program keeps serving.
#include "pcl_command.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <stdexcept>
#include <string>

using pulumi::simple::Resource;

// PCL's notImplemented(message): evaluating it fails with the message.
[[noreturn]] std::string NotImplemented(std::string const& message) { throw std::logic_error(message); }

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::ResourceHook panic_hook(
        ctx, "panicHook", [](pulumi::ResourceHookArgs const&) { pcl::RunCommand({NotImplemented("hook panic")}); });
    Resource res(ctx, "res", {.value = true}, {.hooks = {.after_create = {panic_hook}}});
  });
}
