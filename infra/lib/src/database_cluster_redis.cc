// Memorystore for Redis: reached over private service access only, AUTH and TLS (server authentication) on,
// RDB persistence where the stack asks for it, a weekly maintenance window; its AUTH string and its server CA
// certificate (serverCaCerts[0], which clients verify the TLS server with) in Secret Manager.
#include "apex/database_cluster.h"

#include "pulumi/gcp/redis/instance.h"

namespace apex {

namespace redis = pulumi::gcp::redis;

void DatabaseCluster::CreateRedis(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                                  DatabaseNetwork const& network, pulumi::Output<std::string> const& private_network) {
  RedisConfig const& r = args.redis;
  std::string const instance_name = name + "-redis";

  redis::InstancePersistenceConfigArgs persistence{.persistence_mode = "DISABLED"};
  if (r.persistence) persistence = {.persistence_mode = "RDB", .rdb_snapshot_period = r.snapshot_period};

  redis::Instance instance(ctx, instance_name,
                           {.auth_enabled = true,
                            .authorized_network = private_network,
                            .connect_mode = "PRIVATE_SERVICE_ACCESS",
                            .deletion_protection = args.deletion_protection,
                            .display_name = "Apex cache and sessions (" + args.common.environment + ")",
                            .labels = WithComponent(args.labels, "redis"),
                            .maintenance_policy =
                                redis::InstanceMaintenancePolicyArgs{
                                    .weekly_maintenance_windows =
                                        std::vector<redis::InstanceMaintenancePolicyWeeklyMaintenanceWindowArgs>{
                                            {.day = r.maintenance_day,
                                             .start_time =
                                                 redis::InstanceMaintenancePolicyWeeklyMaintenanceWindowStartTimeArgs{
                                                     .hours = r.maintenance_hour, .minutes = 0}}}},
                            .memory_size_gb = r.memory_size_gb,
                            .name = instance_name,
                            .persistence_config = persistence,
                            .redis_version = r.version,
                            .region = args.common.region,
                            .reserved_ip_range = network.psa_range_name,
                            .tier = r.tier,
                            .transit_encryption_mode = "SERVER_AUTHENTICATION"},
                           Child());

  redis_host = instance.host();
  redis_port = instance.port();
  redis_instance_id = instance.id();
  // AUTH is on, so clients need the instance's AUTH string: a secret output, into Secret Manager.
  redis_auth_secret_id = StoreSecret(ctx, name + "-redis-auth", args, "redis", instance.auth_string());
  redis_ca_secret_id =
      StoreSecret(ctx, name + "-redis-ca", args, "redis",
                  instance.server_ca_certs().Apply([](pulumi::OptionalList<redis::InstanceServerCaCert> const& certs) {
                    return certs && !certs->empty() ? certs->front().cert.value_or("") : std::string();
                  }));
}

}  // namespace apex
