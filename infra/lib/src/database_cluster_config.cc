// LoadDatabaseClusterArgs: the per-stack settings of the data tier, read and validated before anything is
// registered.
#include "apex/database_cluster.h"

#include <cctype>

namespace apex {
namespace {

std::string GetString(pulumi::Context& ctx, std::string const& key, std::string const& fallback) {
  return pulumi::Config(ctx, kConfigNamespace).Get(key).value_or(fallback);
}

std::string GetOneOf(pulumi::Context& ctx, std::string const& key, std::string const& fallback,
                     std::vector<std::string> const& allowed) {
  if (!pulumi::Config(ctx, kConfigNamespace).Get(key)) return fallback;
  return RequireOneOf(ctx, key, allowed);
}

bool RequireBool(pulumi::Context& ctx, std::string const& key) {
  return pulumi::Config(ctx, kConfigNamespace).RequireBool(key);
}

// "HH:MM", 24-hour, as Cloud SQL backups and snapshot schedules take it.
std::string GetTimeOfDay(pulumi::Context& ctx, std::string const& key, std::string const& fallback) {
  std::string value = GetString(ctx, key, fallback);
  auto digit = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>(value[i])) != 0; };
  bool ok = value.size() == 5 && digit(0) && digit(1) && value[2] == ':' && digit(3) && digit(4) &&
            std::stoi(value.substr(0, 2)) < 24 && std::stoi(value.substr(3, 2)) < 60;
  if (!ok) InvalidConfig(ctx, key, "'" + value + "' is not a time of day HH:MM");
  return value;
}

std::string RequireNonEmpty(pulumi::Context& ctx, std::string const& key, std::string const& fallback) {
  std::string value = GetString(ctx, key, fallback);
  if (value.empty()) InvalidConfig(ctx, key, "is missing or empty");
  return value;
}

PostgresConfig LoadPostgres(pulumi::Context& ctx) {
  PostgresConfig p;
  p.database_version = RequireOneOf(ctx, "postgresVersion", {"POSTGRES_17", "POSTGRES_18"});
  // Which stacks must run the newest (policy-checks row 14) is the policy pack's rule (infra/policy).
  p.edition = GetOneOf(ctx, "postgresEdition", "ENTERPRISE", {"ENTERPRISE", "ENTERPRISE_PLUS"});
  p.tier = pulumi::Config(ctx, kConfigNamespace).Require("postgresTier");
  if (p.tier.rfind("db-", 0) != 0) InvalidConfig(ctx, "postgresTier", "'" + p.tier + "' is not a Cloud SQL tier (db-...)");
  if (p.edition == "ENTERPRISE_PLUS" && p.tier.rfind("db-perf-optimized-", 0) != 0) {
    InvalidConfig(ctx, "postgresTier", "'" + p.tier + "' is not an ENTERPRISE_PLUS tier (db-perf-optimized-...)");
  }
  p.availability_type = RequireOneOf(ctx, "postgresAvailability", {"ZONAL", "REGIONAL"});
  p.backups_enabled = RequireBool(ctx, "postgresBackups");
  p.pitr_enabled = RequireBool(ctx, "postgresPitr");
  if (p.pitr_enabled && !p.backups_enabled) InvalidConfig(ctx, "postgresPitr", "needs apex:postgresBackups true");
  p.backup_start_time = GetTimeOfDay(ctx, "postgresBackupStartTime", "01:00");
  p.retained_backups = GetIntInRange(ctx, "postgresRetainedBackups", 14, 1, 365);
  p.log_retention_days = GetIntInRange(ctx, "postgresLogRetentionDays", 7, 1, 7);
  // A point in time is restored from the last daily backup before it plus the logs since: logs kept for N
  // days need a backup older than N days, and Cloud SQL refuses the pair otherwise ("backup retention
  // should be > transaction log retention").
  if (p.retained_backups <= p.log_retention_days) {
    InvalidConfig(ctx, "postgresRetainedBackups",
                  std::to_string(p.retained_backups) + " daily backups do not cover the " +
                      std::to_string(p.log_retention_days) +
                      " days of transaction logs (apex:postgresLogRetentionDays); keep more backups than log days");
  }
  p.max_connections = RequireIntInRange(ctx, "postgresMaxConnections", 25, 262143);
  p.disk_size_gb = GetIntInRange(ctx, "postgresDiskSizeGb", 10, 10, 65536);
  p.disk_autoresize_limit_gb = GetIntInRange(ctx, "postgresDiskAutoresizeLimitGb", 0, 0, 65536);
  if (p.disk_autoresize_limit_gb != 0 && p.disk_autoresize_limit_gb < p.disk_size_gb) {
    InvalidConfig(ctx, "postgresDiskAutoresizeLimitGb", "is below apex:postgresDiskSizeGb");
  }
  p.maintenance_day = GetIntInRange(ctx, "postgresMaintenanceDay", 7, 1, 7);
  p.maintenance_hour = GetIntInRange(ctx, "postgresMaintenanceHour", 5, 0, 23);
  // Cloud SQL takes a backup some time in the four hours from the start time; maintenance must not fall there.
  int const backup_hour = std::stoi(p.backup_start_time.substr(0, 2));
  if (p.backups_enabled && (p.maintenance_hour - backup_hour + 24) % 24 < 4) {
    InvalidConfig(ctx, "postgresMaintenanceHour",
                  std::to_string(p.maintenance_hour) + ":00 falls in the backup window " + p.backup_start_time +
                      " + 4 h (apex:postgresBackupStartTime); move one of them");
  }
  p.maintenance_track = GetOneOf(ctx, "postgresMaintenanceTrack", "stable", {"canary", "stable", "week5"});
  return p;
}

RedisConfig LoadRedis(pulumi::Context& ctx) {
  RedisConfig r;
  r.tier = RequireOneOf(ctx, "redisTier", {"BASIC", "STANDARD_HA"});
  r.memory_size_gb = RequireIntInRange(ctx, "redisMemorySizeGb", 1, 300);
  r.version = GetOneOf(ctx, "redisVersion", "REDIS_7_2", {"REDIS_6_X", "REDIS_7_0", "REDIS_7_2"});
  r.persistence = RequireBool(ctx, "redisPersistence");
  r.snapshot_period = GetOneOf(ctx, "redisSnapshotPeriod", "SIX_HOURS",
                               {"ONE_HOUR", "SIX_HOURS", "TWELVE_HOURS", "TWENTY_FOUR_HOURS"});
  r.maintenance_day = GetOneOf(ctx, "redisMaintenanceDay", "SUNDAY",
                               {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"});
  r.maintenance_hour = GetIntInRange(ctx, "redisMaintenanceHour", 3, 0, 23);
  return r;
}

// The shape of the data VM `vm` (neo4j or qdrant) from apex:<vm>*; its boot image from `image_key`.
DataVmConfig LoadDataVm(pulumi::Context& ctx, CommonConfig const& common, std::string const& vm,
                        std::string const& image_key) {
  DataVmConfig c;
  c.machine_type = RequireNonEmpty(ctx, vm + "MachineType", "");
  c.zone = RequireNonEmpty(ctx, vm + "Zone", common.region + "-a");
  if (c.zone.rfind(common.region + "-", 0) != 0) {
    InvalidConfig(ctx, vm + "Zone", "'" + c.zone + "' is not a zone of " + common.region);
  }
  c.boot_image = RequireNonEmpty(ctx, image_key, "debian-cloud/debian-12");
  c.boot_disk_size_gb = GetIntInRange(ctx, vm + "BootDiskSizeGb", 20, 10, 1000);
  c.data_disk_size_gb = RequireIntInRange(ctx, vm + "DataDiskSizeGb", 10, 65536);
  c.data_disk_type = GetOneOf(ctx, vm + "DataDiskType", "pd-ssd", {"pd-balanced", "pd-ssd"});
  c.snapshot_start_time = GetTimeOfDay(ctx, vm + "SnapshotStartTime", "04:00");
  c.snapshot_retention_days = GetIntInRange(ctx, vm + "SnapshotRetentionDays", 7, 1, 365);
  return c;
}

Neo4jConfig LoadNeo4j(pulumi::Context& ctx, CommonConfig const& common) {
  Neo4jConfig n;
  n.vm = LoadDataVm(ctx, common, "neo4j", "neo4jImage");
  n.version = RequireNonEmpty(ctx, "neo4jVersion", "");
  return n;
}

QdrantConfig LoadQdrant(pulumi::Context& ctx, CommonConfig const& common) {
  QdrantConfig q;
  q.vm = LoadDataVm(ctx, common, "qdrant", "qdrantBootImage");
  q.image = RequireNonEmpty(ctx, "qdrantImage", "");
  // A tag after the last '/' (a ':' before it is a registry port), and not the moving `latest`.
  auto const slash = q.image.rfind('/');
  std::string const last = slash == std::string::npos ? q.image : q.image.substr(slash + 1);
  auto const colon = last.find(':');
  if (colon == std::string::npos || colon + 1 == last.size() || last.substr(colon + 1) == "latest") {
    InvalidConfig(ctx, "qdrantImage", "'" + q.image + "' must be pinned to a version tag, e.g. qdrant/qdrant:v1.13.4");
  }
  return q;
}

}  // namespace

DatabaseClusterArgs LoadDatabaseClusterArgs(pulumi::Context& ctx, CommonConfig const& common) {
  DatabaseClusterArgs a;
  a.common = common;
  a.labels = StandardLabels(ctx, common);
  a.deletion_protection = RequireBool(ctx, "deletionProtection");
  a.postgres = LoadPostgres(ctx);
  a.redis = LoadRedis(ctx);
  a.neo4j = LoadNeo4j(ctx, common);
  a.qdrant = LoadQdrant(ctx, common);
  return a;
}

}  // namespace apex
