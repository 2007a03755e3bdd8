// l2-resource-option-custom-timeouts: create, update, delete and read timeouts, one from config.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <string>

using pulumi::CustomTimeouts;
using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    std::string create_timeout = config.Require("createTimeout");
    Resource no_timeouts(ctx, "noTimeouts", {.value = true});
    Resource create_only(ctx, "createOnly", {.value = true}, {.custom_timeouts = CustomTimeouts{.create = "5m"}});
    Resource update_only(ctx, "updateOnly", {.value = true}, {.custom_timeouts = CustomTimeouts{.update = "10m"}});
    Resource delete_only(ctx, "deleteOnly", {.value = true}, {.custom_timeouts = CustomTimeouts{.del = "3m"}});
    Resource read_only(ctx, "readOnly", {.value = true}, {.custom_timeouts = CustomTimeouts{.read = "9m"}});
    Resource all_timeouts(
        ctx, "allTimeouts", {.value = true},
        {.custom_timeouts = CustomTimeouts{.create = "2m", .update = "4m", .del = "1m", .read = "5m"}});
    Resource config_timeout(ctx, "configTimeout", {.value = true},
                            {.custom_timeouts = CustomTimeouts{.create = create_timeout}});
  });
}
