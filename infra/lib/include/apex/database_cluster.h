// DatabaseCluster: the data tier of the Apex system, on the private network of apex-network.
//  - Cloud SQL PostgreSQL, private IP only, TLS enforced, the logging flags of the policy checks, backups and
//    PITR per stack, with the `vectors` database and the application user;
//  - Memorystore Redis over private service access, AUTH and in-transit encryption on;
//  - Neo4j on a shielded VM without an external IP, its data on a separate disk with a snapshot schedule;
//  - Qdrant on Cloud Run v2 (internal ingress only, Direct VPC egress) with its storage in a GCS bucket;
//  - Secret Manager secrets for the Postgres and Neo4j passwords, a database service account for the services
//    and least-privilege IAM (no basic roles).
//
//   auto common = apex::LoadCommonConfig(ctx);
//   auto args = apex::LoadDatabaseClusterArgs(ctx, common);          // validated; throws naming the key
//   apex::DatabaseCluster db(ctx, "apex-db", args, network);          // network: read from apex-network
//   ctx.Export("postgresConnectionName", db.postgres_connection_name);
#ifndef APEX_DATABASE_CLUSTER_H
#define APEX_DATABASE_CLUSTER_H

#include "apex/config.h"
#include "apex/labels.h"
#include "pulumi/pulumi.h"

#include <string>

namespace apex {

/// Cloud SQL settings (apex:postgres*).
struct PostgresConfig {
  std::string database_version;         ///< apex:postgresVersion, e.g. POSTGRES_16
  std::string edition;                  ///< apex:postgresEdition: ENTERPRISE (shared-core and custom tiers) or ENTERPRISE_PLUS
  std::string tier;                     ///< apex:postgresTier, e.g. db-f1-micro, db-custom-4-15360
  std::string availability_type;        ///< apex:postgresAvailability: ZONAL or REGIONAL
  bool backups_enabled = false;         ///< apex:postgresBackups
  bool pitr_enabled = false;            ///< apex:postgresPitr (needs backups)
  std::string backup_start_time;        ///< apex:postgresBackupStartTime, HH:MM UTC
  int retained_backups = 7;             ///< apex:postgresRetainedBackups
  int log_retention_days = 7;           ///< apex:postgresLogRetentionDays (PITR transaction logs, 1..7)
  int max_connections = 100;            ///< apex:postgresMaxConnections (the max_connections flag)
  int disk_size_gb = 10;                ///< apex:postgresDiskSizeGb (initial; autoresize grows it)
  int disk_autoresize_limit_gb = 0;     ///< apex:postgresDiskAutoresizeLimitGb (0: no limit)
  int maintenance_day = 7;              ///< apex:postgresMaintenanceDay, 1 (Monday) .. 7 (Sunday)
  int maintenance_hour = 3;             ///< apex:postgresMaintenanceHour, 0..23 UTC
  std::string maintenance_track;        ///< apex:postgresMaintenanceTrack: canary, stable or week5
  std::string user;                     ///< apex:dbUser: the application user
};

/// Memorystore settings (apex:redis*).
struct RedisConfig {
  std::string tier;                 ///< apex:redisTier: BASIC or STANDARD_HA
  int memory_size_gb = 1;           ///< apex:redisMemorySizeGb
  std::string version;              ///< apex:redisVersion, e.g. REDIS_7_2
  bool persistence = false;         ///< apex:redisPersistence: RDB snapshots
  std::string snapshot_period;      ///< apex:redisSnapshotPeriod: ONE_HOUR, SIX_HOURS, TWELVE_HOURS, TWENTY_FOUR_HOURS
  std::string maintenance_day;      ///< apex:redisMaintenanceDay: MONDAY..SUNDAY
  int maintenance_hour = 3;         ///< apex:redisMaintenanceHour, 0..23 UTC
};

/// The Neo4j VM (apex:neo4j*).
struct Neo4jConfig {
  std::string machine_type;          ///< apex:neo4jMachineType
  std::string zone;                  ///< apex:neo4jZone (default <region>-a)
  std::string image;                 ///< apex:neo4jImage: the boot image, e.g. debian-cloud/debian-12
  std::string version;               ///< apex:neo4jVersion: the Neo4j package version, e.g. 5.26.0
  int boot_disk_size_gb = 20;        ///< apex:neo4jBootDiskSizeGb
  int data_disk_size_gb = 50;        ///< apex:neo4jDataDiskSizeGb
  std::string data_disk_type;        ///< apex:neo4jDataDiskType: pd-balanced, pd-ssd...
  std::string snapshot_start_time;   ///< apex:neo4jSnapshotStartTime, HH:MM UTC
  int snapshot_retention_days = 7;   ///< apex:neo4jSnapshotRetentionDays
};

/// Qdrant on Cloud Run (apex:qdrant*).
struct QdrantConfig {
  std::string image;        ///< apex:qdrantImage, pinned, e.g. docker.io/qdrant/qdrant:v1.13.4
  std::string cpu;          ///< apex:qdrantCpu, e.g. "2"
  std::string memory;       ///< apex:qdrantMemory, e.g. "4Gi"
  int min_instances = 0;    ///< apex:qdrantMinInstances
  int max_instances = 1;    ///< apex:qdrantMaxInstances (1: one writer on the storage bucket)
};

struct DatabaseClusterArgs {
  CommonConfig common;
  Labels labels;
  bool deletion_protection = false;  ///< apex:deletionProtection: Cloud SQL, Redis, the VM, Qdrant, the secrets
  PostgresConfig postgres;
  RedisConfig redis;
  Neo4jConfig neo4j;
  QdrantConfig qdrant;
  pulumi::Output<std::string> db_password;     ///< apex:dbPassword (secret)
  pulumi::Output<std::string> neo4j_password;  ///< apex:neo4jPassword (secret)
};

/// Reads DatabaseClusterArgs from the stack's config (validated: every problem names the key and the stack
/// file). A prod stack must also meet the policy checks (backups, PITR, REGIONAL, STANDARD_HA, persistence,
/// deletion protection).
DatabaseClusterArgs LoadDatabaseClusterArgs(pulumi::Context& ctx, CommonConfig const& common);

/// What the cluster needs from apex-network (its stack outputs).
struct DatabaseNetwork {
  pulumi::Output<std::string> network_id;
  pulumi::Output<std::string> subnet_self_link;
  pulumi::Output<std::string> psa_range_name;
  /// The servicenetworking connection: Cloud SQL and Redis wait for it (see database_cluster.cc).
  pulumi::Output<std::string> private_service_connection;
};

class DatabaseCluster : public pulumi::ComponentResource {
 public:
  static constexpr char kType[] = "apex:database:Cluster";
  /// The database the application uses; pgvector lives in it.
  static constexpr char kVectorsDatabase[] = "vectors";

  DatabaseCluster(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                  DatabaseNetwork const& network, pulumi::ResourceOptions const& opts = {});

  pulumi::Output<std::string> postgres_connection_name;
  pulumi::Output<std::string> postgres_private_ip;
  pulumi::Output<std::string> postgres_instance_name;
  pulumi::Output<std::string> database_name;
  pulumi::Output<std::string> database_user;
  pulumi::Output<std::string> db_password_secret_id;
  pulumi::Output<std::string> redis_host;
  pulumi::Output<int> redis_port;
  pulumi::Output<std::string> redis_instance_id;
  /// The Secret Manager secret holding Redis's AUTH string (the services read it from there).
  pulumi::Output<std::string> redis_auth_secret_id;
  pulumi::Output<std::string> neo4j_internal_ip;
  pulumi::Output<std::string> neo4j_password_secret_id;
  pulumi::Output<std::string> qdrant_uri;
  /// The Cloud Run service of Qdrant: its callers are granted run.invoker on it.
  pulumi::Output<std::string> qdrant_service_name;
  pulumi::Output<std::string> service_account_email;

 private:
  // One per part of the cluster (database_cluster_<part>.cc), in this order; each sets its members above.
  void CreateSecrets(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args);
  /// A secret (automatic replication, labels) with one version holding `value`; returns the secret's id.
  pulumi::Output<std::string> CreateSecret(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                                           std::string const& component, pulumi::Output<std::string> const& value);
  void CreatePostgres(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                      DatabaseNetwork const& network, pulumi::Output<std::string> const& private_network);
  void CreateRedis(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                   DatabaseNetwork const& network, pulumi::Output<std::string> const& private_network);
  void CreateNeo4j(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                   DatabaseNetwork const& network);
  void CreateQdrant(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                    DatabaseNetwork const& network);
  /// The database service account the services run as, and its least-privilege grants.
  void CreateDatabaseAccess(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args);
};

}  // namespace apex

#endif  // APEX_DATABASE_CLUSTER_H
