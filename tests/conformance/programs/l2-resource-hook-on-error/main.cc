// l2-resource-hook-on-error: an error hook that runs a command and asks for a retry when it succeeds; the
// resource's first create fails (retryably), the retry succeeds.
#include "pcl_command.h"
#include "pulumi/flaky/flaky_create.h"
#include "pulumi/pulumi.h"

#include <exception>
#include <string>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    std::string hook_test_file = config.Require("hookTestFile");
    // Retry if and only if the command succeeds.
    pulumi::ErrorHook retry_hook(ctx, "retryHook", [hook_test_file](pulumi::ErrorHookArgs const&) {
      try {
        pcl::RunCommand({"touch", hook_test_file});
        return true;
      } catch (std::exception const&) {
        return false;
      }
    });
    pulumi::flaky::FlakyCreate res(ctx, "res", {}, {.hooks = {.on_error = {retry_hook}}});
  });
}
