// A program in the shape of Apex's databases stack; codegen_bench edits the marked line to time an
// incremental rebuild.
#include "pulumi/gcp/compute/network.h"
#include "pulumi/gcp/redis/instance.h"
#include "pulumi/gcp/sql/database_instance.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace gcp = pulumi::gcp;
    gcp::compute::Network vpc(ctx, "apex-vpc", {.auto_create_subnetworks = false});
    gcp::sql::DatabaseInstance db(ctx, "apex-postgres",
                                  {.database_version = "POSTGRES_16",
                                   .settings = gcp::sql::DatabaseInstanceSettingsArgs{.tier = "db-custom-2-7680"}});
    gcp::redis::Instance cache(ctx, "apex-redis", {.memory_size_gb = 1, .tier = "STANDARD_HA"});
    ctx.Export("tier", "db-custom-2-7680");  // BENCH-EDIT
    ctx.Export("connection", db.connection_name());
    ctx.Export("redis", cache.host());
  });
}
