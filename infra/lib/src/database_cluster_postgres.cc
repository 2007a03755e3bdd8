// Cloud SQL for PostgreSQL: private IP only, TLS only, IAM database authentication, the logging flags of
// policy-checks.md (rows 6-13), backups, PITR, availability and deletion protection from the stack's config;
// the `vectors` database, and the server CA certificate in Secret Manager for the clients' sslmode=verify-ca.
// No user here: each service account that needs the database is a CLOUD_IAM_SERVICE_ACCOUNT user, created by
// apex-services next to the account; extensions and grants are its migration job's.
#include "apex/database_cluster.h"

#include "pulumi/gcp/sql/database.h"
#include "pulumi/gcp/sql/database_instance.h"

namespace apex {
namespace {

namespace sql = pulumi::gcp::sql;

std::vector<sql::DatabaseInstanceSettingsDatabaseFlagArgs> DatabaseFlags(PostgresConfig const& pg) {
  return {
      {.name = "max_connections", .value = std::to_string(pg.max_connections)},
      {.name = "log_connections", .value = "on"},
      {.name = "log_disconnections", .value = "on"},
      {.name = "log_lock_waits", .value = "on"},
      {.name = "log_checkpoints", .value = "on"},
      {.name = "log_temp_files", .value = "0"},
      {.name = "log_min_duration_statement", .value = "-1"},
      {.name = "log_min_messages", .value = "warning"},
      {.name = "log_min_error_statement", .value = "error"},
      // pgAudit: the flag loads the library; `CREATE EXTENSION pgaudit` in the database turns it on.
      {.name = "cloudsql.enable_pgaudit", .value = "on"},
      {.name = "pgaudit.log", .value = "ddl,role"},
      // Clients log in as their service accounts with short-lived tokens: no password to hand out.
      {.name = "cloudsql.iam_authentication", .value = "on"},
  };
}

// The PEM of the instance's current server CA (serverCaCerts[0]).
pulumi::Output<std::string> FirstCaCert(
    pulumi::Output<pulumi::OptionalList<sql::DatabaseInstanceServerCaCert>> const& certs) {
  return certs.Apply([](pulumi::OptionalList<sql::DatabaseInstanceServerCaCert> const& list) {
    return list && !list->empty() ? list->front().cert.value_or("") : std::string();
  });
}

}  // namespace

void DatabaseCluster::CreatePostgres(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                                     DatabaseNetwork const& network,
                                     pulumi::Output<std::string> const& private_network) {
  PostgresConfig const& pg = args.postgres;
  std::string const instance_name = name + "-postgres";

  sql::DatabaseInstance instance(
      ctx, instance_name,
      {.database_version = pg.database_version,
       .deletion_protection = args.deletion_protection,
       .name = instance_name,
       .region = args.common.region,
       .settings =
           sql::DatabaseInstanceSettingsArgs{
               .availability_type = pg.availability_type,
               .backup_configuration =
                   sql::DatabaseInstanceSettingsBackupConfigurationArgs{
                       .backup_retention_settings =
                           sql::DatabaseInstanceSettingsBackupConfigurationBackupRetentionSettingsArgs{
                               .retained_backups = pg.retained_backups, .retention_unit = "COUNT"},
                       .enabled = pg.backups_enabled,
                       .point_in_time_recovery_enabled = pg.pitr_enabled,
                       .start_time = pg.backup_start_time,
                       .transaction_log_retention_days = pg.log_retention_days},
               .database_flags = DatabaseFlags(pg),
               .deletion_protection_enabled = args.deletion_protection,
               .disk_autoresize = true,
               .disk_autoresize_limit = pg.disk_autoresize_limit_gb,
               .disk_size = pg.disk_size_gb,
               .disk_type = "PD_SSD",
               .edition = pg.edition,
               .insights_config = sql::DatabaseInstanceSettingsInsightsConfigArgs{.query_insights_enabled = true,
                                                                                  .query_string_length = 1024,
                                                                                  .record_application_tags = true,
                                                                                  .record_client_address = false},
               .ip_configuration =
                   sql::DatabaseInstanceSettingsIpConfigurationArgs{.allocated_ip_range = network.psa_range_name,
                                                                    .ipv4_enabled = false,
                                                                    .private_network = private_network,
                                                                    .ssl_mode = "ENCRYPTED_ONLY"},
               .maintenance_window =
                   sql::DatabaseInstanceSettingsMaintenanceWindowArgs{
                       .day = pg.maintenance_day, .hour = pg.maintenance_hour, .update_track = pg.maintenance_track},
               .password_validation_policy =
                   sql::DatabaseInstanceSettingsPasswordValidationPolicyArgs{
                       .disallow_username_substring = true, .enable_password_policy = true, .min_length = 16},
               .tier = pg.tier,
               .user_labels = WithComponent(args.labels, "postgres")}},
      Child());

  // pgvector and pgaudit are created in this database by apex-services' migration job (ADR 0008).
  sql::Database vectors(
      ctx, name + "-vectors",
      {.charset = "UTF8", .collation = "en_US.UTF8", .instance = instance.name(), .name = kVectorsDatabase}, Child());

  postgres_connection_name = instance.connection_name();
  postgres_private_ip = instance.private_ip_address();
  postgres_instance_name = instance.name();
  database_name = vectors.name();
  postgres_ca_secret_id =
      StoreSecret(ctx, name + "-postgres-ca", args, "postgres", FirstCaCert(instance.server_ca_certs()));
}

}  // namespace apex
