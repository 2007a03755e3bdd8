// DatabaseCluster: the data tier of the Apex system, on the private network of apex-network (ADR 0008).
//  - Cloud SQL PostgreSQL, private IP only, TLS enforced, IAM database authentication (no password user: the
//    IAM users are apex-services'), the logging flags of the policy checks, backups and PITR per stack, the
//    `vectors` database, and its server CA certificate in Secret Manager;
//  - Memorystore Redis over private service access, AUTH and TLS on; its AUTH string and CA certificate in
//    Secret Manager;
//  - Neo4j and Qdrant each on a data VM of one shape (database_cluster_vm.cc): shielded, no external IP, its
//    own service account, a pd-ssd data disk with a daily snapshot schedule, the Ops Agent; Qdrant runs as a
//    pinned container image under Docker;
//  - the Neo4j password and the Qdrant API key: secrets without a version, which each VM fills at its first
//    boot with a generated value (it may add versions to its own secret only).
// Every resource waits for the APIs the stack enables (apex::EnableApis in the program).
//
//   auto common = apex::LoadCommonConfig(ctx);
//   auto args = apex::LoadDatabaseClusterArgs(ctx, common);          // validated; throws naming the key
//   auto apis = apex::EnableApis(ctx, common, apex::DatabaseCluster::Apis());
//   apex::DatabaseCluster db(ctx, "apex-db", args, network, apis);  // network: read from apex-network
//   ctx.Export("qdrantUrl", db.qdrant_url);
#ifndef APEX_DATABASE_CLUSTER_H
#define APEX_DATABASE_CLUSTER_H

#include "apex/config.h"
#include "apex/labels.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

namespace apex {

/// Cloud SQL settings (apex:postgres*).
struct PostgresConfig {
  std::string database_version;  ///< apex:postgresVersion: POSTGRES_17 or POSTGRES_18 (staging, prod: 18)
  std::string edition =
      "ENTERPRISE";  ///< apex:postgresEdition: ENTERPRISE (shared-core and custom tiers) or ENTERPRISE_PLUS
  std::string tier;  ///< apex:postgresTier, e.g. db-f1-micro, db-custom-4-15360
  std::string availability_type;            ///< apex:postgresAvailability: ZONAL or REGIONAL
  bool backups_enabled = false;             ///< apex:postgresBackups
  bool pitr_enabled = false;                ///< apex:postgresPitr (needs backups)
  std::string backup_start_time = "01:00";  ///< apex:postgresBackupStartTime, HH:MM UTC
  int retained_backups = 14;                ///< apex:postgresRetainedBackups (daily, so a count of days)
  int log_retention_days = 7;               ///< apex:postgresLogRetentionDays (PITR transaction logs, 1..7; < retained)
  int max_connections = 100;                ///< apex:postgresMaxConnections (the max_connections flag)
  int disk_size_gb = 10;                    ///< apex:postgresDiskSizeGb (initial; autoresize grows it)
  int disk_autoresize_limit_gb = 0;         ///< apex:postgresDiskAutoresizeLimitGb (0: no limit)
  int maintenance_day = 7;                  ///< apex:postgresMaintenanceDay, 1 (Monday) .. 7 (Sunday)
  int maintenance_hour = 5;                 ///< apex:postgresMaintenanceHour, 0..23 UTC
  std::string maintenance_track = "stable";  ///< apex:postgresMaintenanceTrack: canary, stable or week5
};

/// Memorystore settings (apex:redis*).
struct RedisConfig {
  std::string tier;                   ///< apex:redisTier: BASIC or STANDARD_HA
  int memory_size_gb = 1;             ///< apex:redisMemorySizeGb
  std::string version = "REDIS_7_2";  ///< apex:redisVersion
  bool persistence = false;           ///< apex:redisPersistence: RDB snapshots
  std::string snapshot_period =
      "SIX_HOURS";  ///< apex:redisSnapshotPeriod: ONE_HOUR, SIX_HOURS, TWELVE_HOURS, TWENTY_FOUR_HOURS
  std::string maintenance_day = "SUNDAY";  ///< apex:redisMaintenanceDay: MONDAY..SUNDAY
  int maintenance_hour = 3;                ///< apex:redisMaintenanceHour, 0..23 UTC
};

/// The shape of a data VM, read from apex:<vm>* (<vm>: neo4j or qdrant), e.g. apex:qdrantMachineType.
struct DataVmConfig {
  std::string machine_type;                           ///< apex:<vm>MachineType
  std::string zone;                                   ///< apex:<vm>Zone (default <region>-a)
  std::string boot_image = "debian-cloud/debian-12";  ///< apex:neo4jImage / apex:qdrantBootImage
  int boot_disk_size_gb = 20;                         ///< apex:<vm>BootDiskSizeGb
  int data_disk_size_gb = 50;                         ///< apex:<vm>DataDiskSizeGb
  std::string data_disk_type = "pd-ssd";              ///< apex:<vm>DataDiskType: pd-balanced or pd-ssd
  std::string snapshot_start_time = "04:00";          ///< apex:<vm>SnapshotStartTime, HH:MM UTC
  int snapshot_retention_days = 7;                    ///< apex:<vm>SnapshotRetentionDays
};

/// The Neo4j VM (apex:neo4j*).
struct Neo4jConfig {
  DataVmConfig vm;
  std::string version;  ///< apex:neo4jVersion: the Neo4j package version, e.g. 5.26.0
};

/// The Qdrant VM (apex:qdrant*).
struct QdrantConfig {
  DataVmConfig vm;
  std::string image;  ///< apex:qdrantImage: a pinned container image, e.g. docker.io/qdrant/qdrant:v1.13.4
};

struct DatabaseClusterArgs {
  CommonConfig common;
  Labels labels;
  bool deletion_protection = false;  ///< apex:deletionProtection: Cloud SQL, Redis, the VMs, the secrets
  PostgresConfig postgres;
  RedisConfig redis;
  Neo4jConfig neo4j;
  QdrantConfig qdrant;
};

/// Reads DatabaseClusterArgs from the stack's config (validated: every problem names the key and the stack
/// file). What a prod stack must choose (policy-checks.md: POSTGRES_18, backups, PITR, REGIONAL, STANDARD_HA,
/// persistence, deletion protection) is enforced by the policy pack (infra/policy), not here.
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
  /// The APIs the cluster's resources call, for apex::EnableApis.
  static std::vector<std::string> Apis();

  /// `apis`: what every resource of the cluster waits for (the result of apex::EnableApis).
  DatabaseCluster(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                  DatabaseNetwork const& network, std::vector<pulumi::Resource> apis,
                  pulumi::ResourceOptions const& opts = {});

  pulumi::Output<std::string> postgres_connection_name;
  pulumi::Output<std::string> postgres_private_ip;
  pulumi::Output<std::string> postgres_instance_name;
  pulumi::Output<std::string> database_name;
  /// The Secret Manager secret holding Cloud SQL's server CA certificate (PEM), for sslmode=verify-ca.
  pulumi::Output<std::string> postgres_ca_secret_id;
  pulumi::Output<std::string> redis_host;
  pulumi::Output<int> redis_port;
  pulumi::Output<std::string> redis_instance_id;
  /// The Secret Manager secret holding Redis's AUTH string (the services read it from there).
  pulumi::Output<std::string> redis_auth_secret_id;
  /// The Secret Manager secret holding Memorystore's server CA certificate (PEM).
  pulumi::Output<std::string> redis_ca_secret_id;
  pulumi::Output<std::string> neo4j_internal_ip;
  pulumi::Output<std::string> neo4j_password_secret_id;
  pulumi::Output<std::string> neo4j_instance_id;
  pulumi::Output<std::string> neo4j_instance_name;
  /// "http://<internal IP>:6333".
  pulumi::Output<std::string> qdrant_url;
  pulumi::Output<std::string> qdrant_api_key_secret_id;
  pulumi::Output<std::string> qdrant_instance_id;
  pulumi::Output<std::string> qdrant_instance_name;

 private:
  /// What tells one data VM from the other; CreateDataVm builds the shape they share.
  struct DataVmSpec {
    std::string component;  ///< neo4j or qdrant: names, labels and the network tag
    std::string description;
    DataVmConfig const& config;
    pulumi::Output<std::string> secret_id;  ///< the VM's own secret, filled at its first boot
    /// The part of the startup script after the common one, which has mounted the data disk at
    /// /mnt/<component>-data and set APP_SECRET from the secret. "@SECRET@" becomes the secret's id.
    std::string app_script;
    /// Further placeholders of app_script and what they become everywhere in it, e.g. {"@VERSION@", "5.26.0"}.
    std::map<std::string, std::string> placeholders{};
  };
  struct DataVm {
    pulumi::Output<std::string> internal_ip;
    pulumi::Output<std::string> instance_id;
    pulumi::Output<std::string> instance_name;
  };

  /// {.parent = this, .depends_on = the APIs and `also`}: the options of every child.
  pulumi::ResourceOptions Child(std::vector<pulumi::Resource> also = {}) const;
  /// A secret (automatic replication, labels) without a version; returns the secret's id.
  pulumi::Output<std::string> CreateSecret(pulumi::Context& ctx, std::string const& name,
                                           DatabaseClusterArgs const& args, std::string const& component);
  /// A secret as above with one version holding `value`; returns the secret's id.
  pulumi::Output<std::string> StoreSecret(pulumi::Context& ctx, std::string const& name,
                                          DatabaseClusterArgs const& args, std::string const& component,
                                          pulumi::Output<std::string> const& value);
  // One per part of the cluster (database_cluster_<part>.cc), in this order; each sets its members above.
  void CreatePostgres(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                      DatabaseNetwork const& network, pulumi::Output<std::string> const& private_network);
  void CreateRedis(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                   DatabaseNetwork const& network, pulumi::Output<std::string> const& private_network);
  void CreateNeo4j(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                   DatabaseNetwork const& network);
  void CreateQdrant(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                    DatabaseNetwork const& network);
  DataVm CreateDataVm(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                      DatabaseNetwork const& network, DataVmSpec const& spec);

  std::vector<pulumi::Resource> apis_;
};

}  // namespace apex

#endif  // APEX_DATABASE_CLUSTER_H
