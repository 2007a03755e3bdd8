// LoadDatabaseClusterArgs: the per-stack settings of the data tier, read and validated before anything is
// registered.
#include "apex/database_cluster.h"

namespace apex {
namespace {

PostgresConfig LoadPostgres(ConfigReader const& config) {
  PostgresConfig p;
  p.database_version = config.RequireOneOf("postgresVersion", {"POSTGRES_17", "POSTGRES_18"});
  // Which stacks must run the newest (policy-checks row 14) is the policy pack's rule (infra/policy).
  p.edition = config.GetOneOf("postgresEdition", p.edition, {"ENTERPRISE", "ENTERPRISE_PLUS"});
  p.tier = config.RequireString("postgresTier");
  if (p.tier.rfind("db-", 0) != 0) config.Invalid("postgresTier", "'" + p.tier + "' is not a Cloud SQL tier (db-...)");
  if (p.edition == "ENTERPRISE_PLUS" && p.tier.rfind("db-perf-optimized-", 0) != 0) {
    config.Invalid("postgresTier", "'" + p.tier + "' is not an ENTERPRISE_PLUS tier (db-perf-optimized-...)");
  }
  p.availability_type = config.RequireOneOf("postgresAvailability", {"ZONAL", "REGIONAL"});
  p.backups_enabled = config.RequireBool("postgresBackups");
  p.pitr_enabled = config.RequireBool("postgresPitr");
  if (p.pitr_enabled && !p.backups_enabled) config.Invalid("postgresPitr", "needs apex:postgresBackups true");
  p.backup_start_time = config.GetTimeOfDay("postgresBackupStartTime", p.backup_start_time);
  p.retained_backups = config.GetInt("postgresRetainedBackups", p.retained_backups, 1, 365);
  p.log_retention_days = config.GetInt("postgresLogRetentionDays", p.log_retention_days, 1, 7);
  // A point in time is restored from the last daily backup before it plus the logs since: logs kept for N
  // days need a backup older than N days, and Cloud SQL refuses the pair otherwise ("backup retention
  // should be > transaction log retention").
  if (p.retained_backups <= p.log_retention_days) {
    config.Invalid("postgresRetainedBackups",
                   std::to_string(p.retained_backups) + " daily backups do not cover the " +
                       std::to_string(p.log_retention_days) +
                       " days of transaction logs (apex:postgresLogRetentionDays); keep more backups than log days");
  }
  p.max_connections = config.RequireInt("postgresMaxConnections", 25, 262143);
  p.disk_size_gb = config.GetInt("postgresDiskSizeGb", p.disk_size_gb, 10, 65536);
  p.disk_autoresize_limit_gb = config.GetInt("postgresDiskAutoresizeLimitGb", p.disk_autoresize_limit_gb, 0, 65536);
  if (p.disk_autoresize_limit_gb != 0 && p.disk_autoresize_limit_gb < p.disk_size_gb) {
    config.Invalid("postgresDiskAutoresizeLimitGb", "is below apex:postgresDiskSizeGb");
  }
  p.maintenance_day = config.GetInt("postgresMaintenanceDay", p.maintenance_day, 1, 7);
  p.maintenance_hour = config.GetInt("postgresMaintenanceHour", p.maintenance_hour, 0, 23);
  // Cloud SQL takes a backup some time in the four hours from the start time; maintenance must not fall there.
  int const backup_hour = std::stoi(p.backup_start_time.substr(0, 2));
  if (p.backups_enabled && (p.maintenance_hour - backup_hour + 24) % 24 < 4) {
    config.Invalid("postgresMaintenanceHour", std::to_string(p.maintenance_hour) + ":00 falls in the backup window " +
                                                  p.backup_start_time +
                                                  " + 4 h (apex:postgresBackupStartTime); move one of them");
  }
  p.maintenance_track = config.GetOneOf("postgresMaintenanceTrack", p.maintenance_track, {"canary", "stable", "week5"});
  return p;
}

RedisConfig LoadRedis(ConfigReader const& config) {
  RedisConfig r;
  r.tier = config.RequireOneOf("redisTier", {"BASIC", "STANDARD_HA"});
  r.memory_size_gb = config.RequireInt("redisMemorySizeGb", 1, 300);
  r.version = config.GetOneOf("redisVersion", r.version, {"REDIS_6_X", "REDIS_7_0", "REDIS_7_2"});
  r.persistence = config.RequireBool("redisPersistence");
  r.snapshot_period = config.GetOneOf("redisSnapshotPeriod", r.snapshot_period,
                                      {"ONE_HOUR", "SIX_HOURS", "TWELVE_HOURS", "TWENTY_FOUR_HOURS"});
  r.maintenance_day = config.GetOneOf("redisMaintenanceDay", r.maintenance_day,
                                      {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"});
  r.maintenance_hour = config.GetInt("redisMaintenanceHour", r.maintenance_hour, 0, 23);
  return r;
}

// The shape of the data VM `vm` (neo4j or qdrant) from apex:<vm>*; its boot image from `image_key`.
DataVmConfig LoadDataVm(ConfigReader const& config, CommonConfig const& common, std::string const& vm,
                        std::string const& image_key) {
  DataVmConfig c;
  c.machine_type = config.RequireNonEmpty(vm + "MachineType");
  c.zone = config.RequireNonEmpty(vm + "Zone", common.region + "-a");
  if (c.zone.rfind(common.region + "-", 0) != 0) {
    config.Invalid(vm + "Zone", "'" + c.zone + "' is not a zone of " + common.region);
  }
  c.boot_image = config.RequireNonEmpty(image_key, c.boot_image);
  c.boot_disk_size_gb = config.GetInt(vm + "BootDiskSizeGb", c.boot_disk_size_gb, 10, 1000);
  c.data_disk_size_gb = config.RequireInt(vm + "DataDiskSizeGb", 10, 65536);
  c.data_disk_type = config.GetOneOf(vm + "DataDiskType", c.data_disk_type, {"pd-balanced", "pd-ssd"});
  c.snapshot_start_time = config.GetTimeOfDay(vm + "SnapshotStartTime", c.snapshot_start_time);
  c.snapshot_retention_days = config.GetInt(vm + "SnapshotRetentionDays", c.snapshot_retention_days, 1, 365);
  return c;
}

Neo4jConfig LoadNeo4j(ConfigReader const& config, CommonConfig const& common) {
  Neo4jConfig n;
  n.vm = LoadDataVm(config, common, "neo4j", "neo4jImage");
  n.version = config.RequireNonEmpty("neo4jVersion");
  return n;
}

QdrantConfig LoadQdrant(ConfigReader const& config, CommonConfig const& common) {
  QdrantConfig q;
  q.vm = LoadDataVm(config, common, "qdrant", "qdrantBootImage");
  q.image = config.RequireNonEmpty("qdrantImage");
  // A tag after the last '/' (a ':' before it is a registry port), and not the moving `latest`.
  auto const slash = q.image.rfind('/');
  std::string const last = slash == std::string::npos ? q.image : q.image.substr(slash + 1);
  auto const colon = last.find(':');
  if (colon == std::string::npos || colon + 1 == last.size() || last.substr(colon + 1) == "latest") {
    config.Invalid("qdrantImage", "'" + q.image + "' must be pinned to a version tag, e.g. qdrant/qdrant:v1.13.4");
  }
  return q;
}

}  // namespace

DatabaseClusterArgs LoadDatabaseClusterArgs(pulumi::Context& ctx, CommonConfig const& common) {
  ConfigReader config(ctx);
  DatabaseClusterArgs a;
  a.common = common;
  a.labels = StandardLabels(ctx, common);
  a.deletion_protection = config.RequireBool("deletionProtection");
  a.postgres = LoadPostgres(config);
  a.redis = LoadRedis(config);
  a.neo4j = LoadNeo4j(config, common);
  a.qdrant = LoadQdrant(config, common);
  return a;
}

}  // namespace apex
