#include "policy_cases.h"

#include "policy_test_support.h"

#include <ostream>

namespace apex::policy::testing_util {
namespace {

using ::pulumi::PropertyArray;
using ::pulumi::PropertyMap;
using ::pulumi::PropertyValue;

constexpr char kSql[] = "gcp:sql/databaseInstance:DatabaseInstance";
constexpr char kRedis[] = "gcp:redis/instance:Instance";
constexpr char kRunService[] = "gcp:cloudrunv2/service:Service";
constexpr char kRunJob[] = "gcp:cloudrunv2/job:Job";
constexpr char kRunWorkerPool[] = "gcp:cloudrunv2/workerPool:WorkerPool";
constexpr char kRunMember[] = "gcp:cloudrunv2/serviceIamMember:ServiceIamMember";
constexpr char kInstance[] = "gcp:compute/instance:Instance";
constexpr char kFirewall[] = "gcp:compute/firewall:Firewall";
constexpr char kSubnet[] = "gcp:compute/subnetwork:Subnetwork";
constexpr char kNetwork[] = "gcp:compute/network:Network";
constexpr char kProjectMember[] = "gcp:projects/iAMMember:IAMMember";
constexpr char kKey[] = "gcp:kms/cryptoKey:CryptoKey";
constexpr char kSecret[] = "gcp:secretmanager/secret:Secret";

constexpr char kVpc[] = "projects/apex-prod-789012/global/networks/apex-vpc";
constexpr char kSubnetPath[] = "projects/apex-prod-789012/regions/us-central1/subnetworks/apex-subnet-us-central1";

PropertyMap Flag(std::string const& name, std::string const& value) { return {{"name", name}, {"value", value}}; }

std::vector<std::pair<std::string, std::string>> const kGoodFlags = {{"max_connections", "500"},
                                                                     {"log_connections", "on"},
                                                                     {"log_disconnections", "on"},
                                                                     {"log_lock_waits", "on"},
                                                                     {"log_checkpoints", "on"},
                                                                     {"log_temp_files", "0"},
                                                                     {"log_min_duration_statement", "-1"},
                                                                     {"log_min_messages", "warning"},
                                                                     {"log_min_error_statement", "error"},
                                                                     {"cloudsql.enable_pgaudit", "on"},
                                                                     {"cloudsql.iam_authentication", "on"}};

/// The flags of the Apex instance with `name` set to `value` (removed when `value` is empty).
PropertyArray Flags(std::string const& name = "", std::string const& value = "") {
  PropertyArray flags;
  for (auto const& [n, v] : kGoodFlags) {
    if (n != name) flags.emplace_back(Flag(n, v));
  }
  if (!name.empty() && !value.empty()) flags.emplace_back(Flag(name, value));
  return flags;
}

PropertyMap Sql() {
  return {{"databaseVersion", "POSTGRES_18"},
          {"deletionProtection", true},
          {"name", "apex-db-postgres"},
          {"region", "us-central1"},
          {"settings",
           PropertyMap{{"availabilityType", "REGIONAL"},
                       {"backupConfiguration", PropertyMap{{"enabled", true}, {"pointInTimeRecoveryEnabled", true}}},
                       {"databaseFlags", Flags()},
                       {"deletionProtectionEnabled", true},
                       {"ipConfiguration",
                        PropertyMap{{"ipv4Enabled", false}, {"privateNetwork", kVpc}, {"sslMode", "ENCRYPTED_ONLY"}}},
                       {"tier", "db-custom-4-15360"},
                       {"userLabels", StandardLabels()}}}};
}

PropertyMap SqlWithFlag(std::string const& name, std::string const& value, std::string const& version = "POSTGRES_18") {
  return With(With(Sql(), "settings.databaseFlags", Flags(name, value)), "databaseVersion", version);
}

PropertyMap Redis() {
  return {{"authEnabled", true},
          {"connectMode", "PRIVATE_SERVICE_ACCESS"},
          {"deletionProtection", true},
          {"labels", StandardLabels()},
          {"memorySizeGb", 10},
          {"name", "apex-db-redis"},
          {"persistenceConfig", PropertyMap{{"persistenceMode", "RDB"}, {"rdbSnapshotPeriod", "SIX_HOURS"}}},
          {"tier", "STANDARD_HA"},
          {"transitEncryptionMode", "SERVER_AUTHENTICATION"}};
}

PropertyMap Env(std::string const& name, PropertyValue value) { return {{"name", name}, {"value", std::move(value)}}; }

PropertyMap SecretEnv(std::string const& name, std::string const& secret) {
  return {{"name", name},
          {"valueSource", PropertyMap{{"secretKeyRef", PropertyMap{{"secret", secret}, {"version", "latest"}}}}}};
}

PropertyMap VpcAccess() {
  return {{"egress", "PRIVATE_RANGES_ONLY"},
          {"networkInterfaces", PropertyArray{PropertyMap{{"network", kVpc}, {"subnetwork", kSubnetPath}}}}};
}

/// The revision template of an Apex workload with these env entries.
PropertyMap Template(PropertyArray envs) {
  return {{"containers", PropertyArray{PropertyMap{{"envs", std::move(envs)}, {"image", "apex/query-router:1.2.4"}}}},
          {"serviceAccount", "apex-query-router@apex-prod-789012.iam.gserviceaccount.com"},
          {"vpcAccess", VpcAccess()}};
}

PropertyArray AppEnvs() {
  return {Env("POSTGRES_HOST", "10.100.0.121"), Env("POSTGRES_USER", "apex-query-router@apex-prod-789012.iam"),
          Env("REDIS_HOST", "10.100.0.198"), SecretEnv("REDIS_AUTH", "projects/p/secrets/apex-db-redis-auth"),
          SecretEnv("NEO4J_PASSWORD", "projects/p/secrets/apex-db-neo4j-password")};
}

PropertyMap RunService(std::string const& name = "apex-query-router",
                       std::string const& ingress = "INGRESS_TRAFFIC_INTERNAL_ONLY") {
  return {{"deletionProtection", true}, {"ingress", ingress}, {"labels", StandardLabels()},
          {"location", "us-central1"},  {"name", name},       {"template", Template(AppEnvs())}};
}

PropertyMap RunJob() {
  PropertyMap tmpl = Template({Env("PGHOST", "10.100.0.121")});
  return {{"deletionProtection", true},
          {"labels", StandardLabels()},
          {"location", "us-central1"},
          {"name", "apex-db-migrate"},
          {"template", PropertyMap{{"template", tmpl}}}};
}

PropertyMap Invoker(std::string const& member, std::string const& service) {
  return {{"location", "us-central1"}, {"member", member}, {"name", service}, {"role", "roles/run.invoker"}};
}

PropertyMap Vm() {
  return {
      {"canIpForward", false},
      {"deletionProtection", true},
      {"labels", StandardLabels()},
      {"machineType", "n2-highmem-4"},
      {"metadata",
       PropertyMap{{"block-project-ssh-keys", "true"}, {"enable-oslogin", "TRUE"}, {"serial-port-enable", "false"}}},
      {"name", "apex-db-neo4j"},
      {"networkInterfaces", PropertyArray{PropertyMap{{"network", kVpc}, {"subnetwork", kSubnetPath}}}},
      {"serviceAccount", PropertyMap{{"email", "apex-db-neo4j@apex-prod-789012.iam.gserviceaccount.com"},
                                     {"scopes", PropertyArray{"https://www.googleapis.com/auth/cloud-platform"}}}},
      {"shieldedInstanceConfig",
       PropertyMap{{"enableIntegrityMonitoring", true}, {"enableSecureBoot", true}, {"enableVtpm", true}}},
      {"zone", "us-central1-a"}};
}

PropertyMap Firewall(PropertyArray sources, std::string const& protocol, PropertyArray ports) {
  PropertyMap allow{{"protocol", protocol}};
  if (!ports.empty()) allow["ports"] = std::move(ports);
  PropertyMap fw{{"allows", PropertyArray{allow}},
                 {"direction", "INGRESS"},
                 {"name", "apex-allow-neo4j"},
                 {"network", kVpc},
                 {"targetTags", PropertyArray{"neo4j"}}};
  if (!sources.empty()) fw["sourceRanges"] = std::move(sources);
  return fw;
}

PropertyMap Subnet() {
  return {{"ipCidrRange", "10.30.0.0/20"},
          {"logConfig", PropertyMap{{"aggregationInterval", "INTERVAL_5_SEC"}, {"flowSampling", 1}}},
          {"name", "apex-subnet-us-central1"},
          {"network", kVpc},
          {"privateIpGoogleAccess", true},
          {"region", "us-central1"}};
}

PropertyMap Network() { return {{"autoCreateSubnetworks", false}, {"name", "apex-vpc"}, {"routingMode", "REGIONAL"}}; }

PropertyMap Grant(std::string const& member, std::string const& role) {
  return {{"member", member}, {"project", "apex-prod-789012"}, {"role", role}};
}

constexpr char kNeo4jAccount[] = "serviceAccount:apex-db-neo4j@apex-prod-789012.iam.gserviceaccount.com";
constexpr char kDeployer[] = "serviceAccount:apex-deployer@apex-prod-789012.iam.gserviceaccount.com";
constexpr char kDefaultCompute[] = "serviceAccount:123456789012-compute@developer.gserviceaccount.com";

PropertyMap Key() {
  return {{"deletionPolicy", "PREVENT"},
          {"keyRing", "projects/apex-prod-789012/locations/us-central1/keyRings/apex-pulumi"},
          {"labels", StandardLabels()},
          {"name", "stack-secrets"},
          {"purpose", "ENCRYPT_DECRYPT"},
          {"rotationPeriod", "7776000s"}};
}

PropertyMap Secret() {
  return {{"deletionProtection", true},
          {"labels", StandardLabels()},
          {"replication", PropertyMap{{"auto", PropertyMap{}}}},
          {"secretId", "apex-db-neo4j-password"}};
}

PolicyCase Pass(std::string policy, std::string what, std::string type, PropertyMap inputs) {
  return {
      .policy = std::move(policy), .what = std::move(what), .resource = Resource(std::move(type), std::move(inputs))};
}

PolicyCase Fail(std::string policy, std::string what, std::string type, PropertyMap inputs, std::string message) {
  return {.policy = std::move(policy),
          .what = std::move(what),
          .resource = Resource(std::move(type), std::move(inputs)),
          .violates = true,
          .message = std::move(message)};
}

std::vector<PolicyCase> CloudSqlCases() {
  return {
      Pass("sql-no-public-ip", "private only", kSql, Sql()),
      Fail("sql-no-public-ip", "ipv4 on", kSql, With(Sql(), "settings.ipConfiguration.ipv4Enabled", true),
           "ipv4Enabled is true"),
      Fail("sql-no-public-ip", "ipv4 by default", kSql, Without(Sql(), "settings.ipConfiguration.ipv4Enabled"),
           "ipv4Enabled is not set"),
      Pass("sql-no-open-authorized-networks", "office range", kSql,
           With(Sql(), "settings.ipConfiguration.authorizedNetworks",
                PropertyArray{PropertyMap{{"name", "office"}, {"value", "203.0.113.0/24"}}})),
      Fail("sql-no-open-authorized-networks", "whole internet", kSql,
           With(Sql(), "settings.ipConfiguration.authorizedNetworks",
                PropertyArray{PropertyMap{{"name", "anyone"}, {"value", "0.0.0.0/0"}}}),
           "(anyone) is 0.0.0.0/0"),
      Pass("sql-require-tls", "encrypted only", kSql, Sql()),
      Pass("sql-require-tls", "client certificates", kSql,
           With(Sql(), "settings.ipConfiguration.sslMode", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED")),
      Fail("sql-require-tls", "unencrypted allowed", kSql,
           With(Sql(), "settings.ipConfiguration.sslMode", "ALLOW_UNENCRYPTED_AND_ENCRYPTED"),
           "sslMode is ALLOW_UNENCRYPTED_AND_ENCRYPTED"),
      Fail("sql-require-tls", "mode by default", kSql, Without(Sql(), "settings.ipConfiguration.sslMode"),
           "sslMode is not set"),
      Pass("sql-backups-enabled", "backups on", kSql, Sql()),
      Pass("sql-backups-enabled", "replica", kSql,
           With(With(Sql(), "settings.backupConfiguration.enabled", false), "masterInstanceName", "apex-db-postgres")),
      Fail("sql-backups-enabled", "backups off", kSql, With(Sql(), "settings.backupConfiguration.enabled", false),
           "enabled is false"),
      Fail("sql-backups-enabled", "backups by default", kSql, Without(Sql(), "settings.backupConfiguration"),
           "enabled is not set"),
      Pass("sql-pg-point-in-time-recovery", "pitr on", kSql, Sql()),
      Pass("sql-pg-point-in-time-recovery", "mysql", kSql,
           With(Without(Sql(), "settings.backupConfiguration.pointInTimeRecoveryEnabled"), "databaseVersion",
                "MYSQL_8_0")),
      Fail("sql-pg-point-in-time-recovery", "pitr off", kSql,
           With(Sql(), "settings.backupConfiguration.pointInTimeRecoveryEnabled", false),
           "pointInTimeRecoveryEnabled is false"),
      Pass("sql-pg-latest-version", "postgres 18", kSql, Sql()),
      Fail("sql-pg-latest-version", "postgres 17", kSql, With(Sql(), "databaseVersion", "POSTGRES_17"),
           "databaseVersion is POSTGRES_17"),
      Pass("sql-prod-regional-availability", "regional", kSql, Sql()),
      Fail("sql-prod-regional-availability", "zonal", kSql, With(Sql(), "settings.availabilityType", "ZONAL"),
           "availabilityType is ZONAL"),
      Fail("sql-prod-regional-availability", "zonal by default", kSql, Without(Sql(), "settings.availabilityType"),
           "availabilityType is not set"),
      Pass("sql-prod-deletion-protection", "both on", kSql, Sql()),
      Pass("sql-prod-deletion-protection", "pulumi's by default", kSql, Without(Sql(), "deletionProtection")),
      Fail("sql-prod-deletion-protection", "pulumi's off", kSql, With(Sql(), "deletionProtection", false),
           "deletionProtection is false"),
      Fail("sql-prod-deletion-protection", "google's off", kSql,
           With(Sql(), "settings.deletionProtectionEnabled", false), "deletionProtectionEnabled is false"),
  };
}

std::vector<PolicyCase> CloudSqlFlagCases() {
  return {
      Pass("sql-pg-log-connections", "on", kSql, Sql()),
      Pass("sql-pg-log-connections", "mysql", kSql,
           With(SqlWithFlag("log_connections", ""), "databaseVersion", "MYSQL_8_0")),
      Fail("sql-pg-log-connections", "unset", kSql, SqlWithFlag("log_connections", ""), "log_connections is not set"),
      Fail("sql-pg-log-connections", "off", kSql, SqlWithFlag("log_connections", "off"), "log_connections is off"),
      Pass("sql-pg-log-disconnections", "on", kSql, Sql()),
      Fail("sql-pg-log-disconnections", "off", kSql, SqlWithFlag("log_disconnections", "off"),
           "log_disconnections is off"),
      Pass("sql-pg-log-lock-waits", "on", kSql, Sql()),
      Fail("sql-pg-log-lock-waits", "unset", kSql, SqlWithFlag("log_lock_waits", ""), "log_lock_waits is not set"),
      Pass("sql-pg-log-checkpoints", "on", kSql, Sql()),
      Pass("sql-pg-log-checkpoints", "unset on 18", kSql, SqlWithFlag("log_checkpoints", "")),
      Fail("sql-pg-log-checkpoints", "unset on 14", kSql, SqlWithFlag("log_checkpoints", "", "POSTGRES_14"),
           "log_checkpoints is not set"),
      Fail("sql-pg-log-checkpoints", "off", kSql, SqlWithFlag("log_checkpoints", "off"), "log_checkpoints is off"),
      Pass("sql-pg-log-temp-files", "zero", kSql, Sql()),
      Fail("sql-pg-log-temp-files", "unset", kSql, SqlWithFlag("log_temp_files", ""), "its default is -1"),
      Fail("sql-pg-log-temp-files", "disabled", kSql, SqlWithFlag("log_temp_files", "-1"), "log_temp_files is -1"),
      Pass("sql-pg-no-statement-duration-logging", "minus one", kSql, Sql()),
      Pass("sql-pg-no-statement-duration-logging", "unset", kSql, SqlWithFlag("log_min_duration_statement", "")),
      Fail("sql-pg-no-statement-duration-logging", "250 ms", kSql, SqlWithFlag("log_min_duration_statement", "250"),
           "log_min_duration_statement is 250"),
      Pass("sql-pg-audit", "on", kSql, Sql()),
      Fail("sql-pg-audit", "unset", kSql, SqlWithFlag("cloudsql.enable_pgaudit", ""),
           "cloudsql.enable_pgaudit is not set"),
      Pass("sql-pg-log-error-levels", "warning and error", kSql, Sql()),
      Pass("sql-pg-log-error-levels", "unset", kSql,
           With(Sql(), "settings.databaseFlags", PropertyArray{Flag("log_connections", "on")})),
      Fail("sql-pg-log-error-levels", "messages at panic", kSql, SqlWithFlag("log_min_messages", "panic"),
           "log_min_messages is panic: errors are not logged"),
      Fail("sql-pg-log-error-levels", "statements at log", kSql, SqlWithFlag("log_min_error_statement", "log"),
           "log_min_error_statement is log"),
      Fail("sql-pg-log-error-levels", "invalid level", kSql, SqlWithFlag("log_min_messages", "loud"),
           "not a PostgreSQL message level"),
  };
}

std::vector<PolicyCase> RedisCases() {
  return {
      Pass("redis-auth-enabled", "auth on", kRedis, Redis()),
      Fail("redis-auth-enabled", "auth off", kRedis, With(Redis(), "authEnabled", false), "authEnabled is false"),
      Fail("redis-auth-enabled", "auth by default", kRedis, Without(Redis(), "authEnabled"), "authEnabled is not set"),
      Pass("redis-transit-encryption", "tls", kRedis, Redis()),
      Fail("redis-transit-encryption", "disabled", kRedis, With(Redis(), "transitEncryptionMode", "DISABLED"),
           "transitEncryptionMode is DISABLED"),
      Fail("redis-transit-encryption", "by default", kRedis, Without(Redis(), "transitEncryptionMode"),
           "transitEncryptionMode is not set"),
      Pass("redis-prod-high-availability", "standard ha", kRedis, Redis()),
      Fail("redis-prod-high-availability", "basic", kRedis, With(Redis(), "tier", "BASIC"), "tier is BASIC"),
      Pass("redis-prod-persistence", "rdb", kRedis, Redis()),
      Pass("redis-prod-persistence", "aof", kRedis, With(Redis(), "persistenceConfig.persistenceMode", "AOF")),
      Fail("redis-prod-persistence", "disabled", kRedis, With(Redis(), "persistenceConfig.persistenceMode", "DISABLED"),
           "persistenceMode is DISABLED"),
      Fail("redis-prod-persistence", "by default", kRedis, Without(Redis(), "persistenceConfig"),
           "persistenceMode is not set"),
  };
}

std::vector<PolicyCase> CloudRunCases() {
  PropertyMap binding{
      {"location", "us-central1"},
      {"members", PropertyArray{"serviceAccount:apex-api-gateway@p.iam.gserviceaccount.com", "allAuthenticatedUsers"}},
      {"name", "apex-ingestion-worker"},
      {"role", "roles/run.invoker"}};
  PropertyMap worker_pool{{"labels", StandardLabels()},
                          {"location", "us-central1"},
                          {"name", "apex-temporal-worker"},
                          {"template", Template(AppEnvs())}};
  PropertyMap static_site =
      With(Without(RunService(), "template.vpcAccess"), "template.containers",
           PropertyArray{PropertyMap{{"envs", PropertyArray{Env("LOG_LEVEL", "info")}}, {"image", "apex/docs:1.0.0"}}});
  PropertyMap cloud_sql_job = With(
      With(Without(RunJob(), "template.template.vpcAccess"), "template.template.containers",
           PropertyArray{PropertyMap{{"envs", PropertyArray{Env("LOG_LEVEL", "info")}}, {"image", "apex/migrate:1"}}}),
      "template.template.volumes",
      PropertyArray{
          PropertyMap{{"cloudSqlInstance", PropertyMap{{"instances", PropertyArray{"p:r:i"}}}}, {"name", "cloudsql"}}});
  return {
      Pass("cloud-run-no-public-invoker", "public gateway", kRunMember, Invoker("allUsers", "apex-api-gateway")),
      Pass("cloud-run-no-public-invoker", "gateway calls a service", kRunMember,
           Invoker("serviceAccount:apex-api-gateway@p.iam.gserviceaccount.com", "apex-query-router")),
      Pass("cloud-run-no-public-invoker", "public gateway v1", "gcp:cloudrun/iamMember:IamMember",
           PropertyMap{{"member", "allUsers"}, {"role", "roles/run.invoker"}, {"service", "apex-api-gateway"}}),
      Fail("cloud-run-no-public-invoker", "public internal service", kRunMember,
           Invoker("allUsers", "apex-query-router"), "allUsers may call Cloud Run service apex-query-router"),
      Fail("cloud-run-no-public-invoker", "public by full name", kRunMember,
           Invoker("allUsers", "projects/p/locations/us-central1/services/apex-query-router"),
           "Cloud Run service apex-query-router"),
      Fail("cloud-run-no-public-invoker", "binding", "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding", binding,
           "allAuthenticatedUsers may call Cloud Run service apex-ingestion-worker"),
      Fail("cloud-run-no-public-invoker", "public job", "gcp:cloudrunv2/jobIamMember:JobIamMember",
           Invoker("allUsers", "apex-db-migrate"), "allUsers may call Cloud Run job apex-db-migrate"),
      Fail("cloud-run-no-public-invoker", "policy data", "gcp:cloudrunv2/serviceIamPolicy:ServiceIamPolicy",
           PropertyMap{{"name", "apex-query-router"},
                       {"policyData", R"({"bindings":[{"members":["allUsers"],"role":"roles/run.invoker"}]})"}},
           "allUsers may call Cloud Run service apex-query-router"),
      Pass("cloud-run-internal-ingress", "internal only", kRunService, RunService()),
      Pass("cloud-run-internal-ingress", "public gateway", kRunService,
           RunService("apex-api-gateway", "INGRESS_TRAFFIC_ALL")),
      Fail("cloud-run-internal-ingress", "all traffic", kRunService,
           RunService("apex-query-router", "INGRESS_TRAFFIC_ALL"), "is INGRESS_TRAFFIC_ALL"),
      Fail("cloud-run-internal-ingress", "load balancer", kRunService,
           RunService("apex-ingestion-worker", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"),
           "apex-ingestion-worker is INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"),
      Fail("cloud-run-internal-ingress", "by default", kRunService, Without(RunService(), "ingress"),
           "is not set (the provider's default is INGRESS_TRAFFIC_ALL)"),
      Pass("cloud-run-secrets-from-secret-manager", "secret refs", kRunService, RunService()),
      Fail("cloud-run-secrets-from-secret-manager", "password value", kRunService,
           With(RunService(), "template", Template({Env("NEO4J_PASSWORD", "hunter2")})),
           "env NEO4J_PASSWORD (template.containers[0].envs[0]) names a credential (PASSWORD)"),
      Fail("cloud-run-secrets-from-secret-manager", "job token", kRunJob,
           With(RunJob(), "template.template", Template({Env("GITHUB_TOKEN", "ghp")})),
           "env GITHUB_TOKEN (template.template.containers[0].envs[0])"),
      Fail("cloud-run-secrets-from-secret-manager", "pulumi secret value", kRunWorkerPool,
           With(worker_pool, "template", Template({Env("APP_SETTINGS", PropertyValue::MakeSecret("{}"))})),
           "env APP_SETTINGS (template.containers[0].envs[0]) is a Pulumi secret"),
      Pass("cloud-run-vpc-egress", "service with egress", kRunService, RunService()),
      Pass("cloud-run-vpc-egress", "worker pool with egress", kRunWorkerPool, worker_pool),
      Pass("cloud-run-vpc-egress", "no data tier", kRunService, static_site),
      Fail("cloud-run-vpc-egress", "service without egress", kRunService, Without(RunService(), "template.vpcAccess"),
           "reaches the data tier (env POSTGRES_HOST)"),
      Fail("cloud-run-vpc-egress", "job without egress", kRunJob, Without(RunJob(), "template.template.vpcAccess"),
           "apex-db-migrate reaches the data tier (env PGHOST)"),
      Fail("cloud-run-vpc-egress", "job with a cloud sql volume", kRunJob, cloud_sql_job,
           "apex-db-migrate reaches the data tier (a Cloud SQL volume)"),
  };
}

std::vector<PolicyCase> ComputeCases() {
  return {
      Pass("vm-no-public-ip", "internal only", kInstance, Vm()),
      Fail("vm-no-public-ip", "external ip", kInstance,
           With(Vm(), "networkInterfaces",
                PropertyArray{PropertyMap{{"accessConfigs", PropertyArray{PropertyMap{}}}, {"network", kVpc}}}),
           "networkInterfaces[0].accessConfigs has 1 entries"),
      Fail("vm-no-public-ip", "template", "gcp:compute/instanceTemplate:InstanceTemplate",
           With(Vm(), "networkInterfaces",
                PropertyArray{PropertyMap{{"ipv6AccessConfigs", PropertyArray{PropertyMap{}}}, {"network", kVpc}}}),
           "ipv6AccessConfigs has 1 entries"),
      Pass("vm-no-default-service-account", "own account", kInstance, Vm()),
      Pass("vm-no-default-service-account", "no account", kInstance, Without(Vm(), "serviceAccount")),
      Fail("vm-no-default-service-account", "default with full access", kInstance,
           With(Vm(), "serviceAccount.email", "123456789012-compute@developer.gserviceaccount.com"),
           "runs as the Compute Engine default service account with the cloud-platform scope"),
      Fail("vm-no-default-service-account", "default by omission", kInstance, Without(Vm(), "serviceAccount.email"),
           "serviceAccount.email is not set"),
      Pass("vm-shielded", "shielded", kInstance, Vm()),
      Pass("vm-shielded", "secure boot only", kInstance,
           With(Vm(), "shieldedInstanceConfig", PropertyMap{{"enableSecureBoot", true}})),
      Fail("vm-shielded", "by default", kInstance, Without(Vm(), "shieldedInstanceConfig"),
           "shieldedInstanceConfig.enableSecureBoot is off"),
      Fail("vm-shielded", "no vtpm", kInstance, With(Vm(), "shieldedInstanceConfig.enableVtpm", false),
           "shieldedInstanceConfig.enableVtpm is off"),
      Pass("vm-block-project-ssh-keys", "blocked", kInstance, Vm()),
      Fail("vm-block-project-ssh-keys", "unset", kInstance, Without(Vm(), "metadata.block-project-ssh-keys"),
           "block-project-ssh-keys is not set"),
      Fail("vm-block-project-ssh-keys", "false", kInstance, With(Vm(), "metadata.block-project-ssh-keys", "false"),
           "block-project-ssh-keys is false"),
      Pass("vm-no-serial-port", "closed", kInstance, Vm()),
      Pass("vm-no-serial-port", "unset", kInstance, Without(Vm(), "metadata.serial-port-enable")),
      Fail("vm-no-serial-port", "open", kInstance, With(Vm(), "metadata.serial-port-enable", "TRUE"),
           "serial-port-enable is TRUE"),
      Pass("vm-no-ip-forwarding", "off", kInstance, Vm()),
      Fail("vm-no-ip-forwarding", "on", kInstance, With(Vm(), "canIpForward", true), "canIpForward is true"),
      Pass("vm-no-os-login-override", "os login on", kInstance, Vm()),
      Fail("vm-no-os-login-override", "os login off", kInstance, With(Vm(), "metadata.enable-oslogin", "FALSE"),
           "enable-oslogin is FALSE"),
  };
}

std::vector<PolicyCase> FirewallCases() {
  auto world = PropertyArray{"0.0.0.0/0"};
  return {
      Pass("firewall-no-public-ingress", "subnet only", kFirewall, Firewall({"10.30.0.0/20"}, "tcp", {"7474", "7687"})),
      Pass("firewall-no-public-ingress", "iap ssh", kFirewall, Firewall({"35.235.240.0/20"}, "tcp", {"22"})),
      Pass("firewall-no-public-ingress", "public https", kFirewall, Firewall(world, "tcp", {"443"})),
      Pass("firewall-no-public-ingress", "egress", kFirewall,
           With(Firewall(world, "tcp", {"22"}), "direction", "EGRESS")),
      Pass("firewall-no-public-ingress", "disabled", kFirewall, With(Firewall(world, "tcp", {"22"}), "disabled", true)),
      Pass("firewall-no-public-ingress", "icmp", kFirewall, Firewall(world, "icmp", {})),
      Fail("firewall-no-public-ingress", "public ssh", kFirewall, Firewall(world, "tcp", {"22"}),
           "allows[0] opens tcp 22 to 0.0.0.0/0"),
      Fail("firewall-no-public-ingress", "public rdp", kFirewall, Firewall({"10.0.0.0/8", "::/0"}, "tcp", {"3389"}),
           "opens tcp 3389 to ::/0"),
      Fail("firewall-no-public-ingress", "range over ssh", kFirewall, Firewall(world, "tcp", {"20-25"}),
           "opens tcp 20-25 (22)"),
      Fail("firewall-no-public-ingress", "all protocols", kFirewall, Firewall(world, "all", {}),
           "opens all protocols all ports"),
      Fail("firewall-no-public-ingress", "all tcp ports", kFirewall, Firewall(world, "tcp", {}), "opens tcp all ports"),
      Fail("firewall-no-public-ingress", "no source", kFirewall, Firewall({}, "tcp", {"22"}),
           "to 0.0.0.0/0 (no source given)"),
  };
}

std::vector<PolicyCase> NetworkCases() {
  return {
      Pass("subnet-flow-logs", "flow logs", kSubnet, Subnet()),
      Pass("subnet-flow-logs", "proxy-only subnet", kSubnet,
           With(Without(Subnet(), "logConfig"), "purpose", "REGIONAL_MANAGED_PROXY")),
      Fail("subnet-flow-logs", "no flow logs", kSubnet, Without(Subnet(), "logConfig"),
           "subnet apex-subnet-us-central1 records no VPC flow logs"),
      Pass("subnet-private-google-access", "on", kSubnet, Subnet()),
      Fail("subnet-private-google-access", "off", kSubnet, With(Subnet(), "privateIpGoogleAccess", false),
           "privateIpGoogleAccess is false"),
      Fail("subnet-private-google-access", "by default", kSubnet, Without(Subnet(), "privateIpGoogleAccess"),
           "privateIpGoogleAccess is not set"),
      Pass("network-no-default", "custom mode", kNetwork, Network()),
      Pass("network-no-default", "project without default network", "gcp:organizations/project:Project",
           PropertyMap{{"autoCreateNetwork", false}, {"labels", StandardLabels()}, {"projectId", "apex-prod-789012"}}),
      Fail("network-no-default", "auto mode", kNetwork, Without(Network(), "autoCreateSubnetworks"),
           "autoCreateSubnetworks is not set"),
      Fail("network-no-default", "named default", kNetwork, With(Network(), "name", "default"),
           "the network is named default"),
      Fail("network-no-default", "project with default network", "gcp:organizations/project:Project",
           PropertyMap{{"labels", StandardLabels()}, {"projectId", "apex-prod-789012"}},
           "autoCreateNetwork is not set"),
  };
}

std::vector<PolicyCase> IamCases() {
  PropertyMap binding{{"members", PropertyArray{"user:alice@example.com", "group:ops@example.com"}},
                      {"project", "apex-prod-789012"},
                      {"role", "roles/owner"}};
  return {
      Pass("iam-no-basic-roles", "predefined role", kProjectMember, Grant(kNeo4jAccount, "roles/logging.logWriter")),
      Fail("iam-no-basic-roles", "editor", kProjectMember, Grant("user:alice@example.com", "roles/editor"),
           "roles/editor is a basic role, granted to user:alice@example.com"),
      Fail("iam-no-basic-roles", "owner binding", "gcp:projects/iAMBinding:IAMBinding", binding,
           "roles/owner is a basic role, granted to group:ops@example.com"),
      Pass("iam-no-admin-service-accounts", "writer role", kProjectMember,
           Grant(kNeo4jAccount, "roles/monitoring.metricWriter")),
      Pass("iam-no-admin-service-accounts", "the deployer", kProjectMember, Grant(kDeployer, "roles/run.admin")),
      Pass("iam-no-admin-service-accounts", "a person", kProjectMember,
           Grant("user:alice@example.com", "roles/cloudsql.admin")),
      Fail("iam-no-admin-service-accounts", "admin account", kProjectMember,
           Grant(kNeo4jAccount, "roles/compute.admin"), "is granted roles/compute.admin, an admin role"),
      Pass("iam-no-project-impersonation", "the deployer", kProjectMember,
           Grant(kDeployer, "roles/iam.serviceAccountUser")),
      Fail("iam-no-project-impersonation", "a person", kProjectMember,
           Grant("user:alice@example.com", "roles/iam.serviceAccountUser"),
           "user:alice@example.com is granted roles/iam.serviceAccountUser on the whole project"),
      Fail("iam-no-project-impersonation", "token creator", kProjectMember,
           Grant(kNeo4jAccount, "roles/iam.serviceAccountTokenCreator"), "roles/iam.serviceAccountTokenCreator"),
      Pass("iam-no-default-service-account-grants", "own account", kProjectMember,
           Grant(kNeo4jAccount, "roles/logging.logWriter")),
      Fail("iam-no-default-service-account-grants", "compute default", kProjectMember,
           Grant(kDefaultCompute, "roles/logging.logWriter"),
           "is a default service account, granted roles/logging.logWriter"),
      Fail("iam-no-default-service-account-grants", "app engine default", kProjectMember,
           Grant("serviceAccount:apex-prod-789012@appspot.gserviceaccount.com", "roles/cloudsql.client"),
           "apex-prod-789012@appspot.gserviceaccount.com is a default service account"),
      Pass("iam-no-user-managed-keys", "account without key", "gcp:serviceaccount/account:Account",
           PropertyMap{{"accountId", "apex-db-neo4j"}}),
      Fail("iam-no-user-managed-keys", "key", "gcp:serviceaccount/key:Key",
           PropertyMap{{"serviceAccountId", "apex-db-neo4j@apex-prod-789012.iam.gserviceaccount.com"}},
           "a user-managed key of service account apex-db-neo4j@apex-prod-789012.iam.gserviceaccount.com"),
  };
}

std::vector<PolicyCase> KmsAndSecretCases() {
  auto protected_key = Resource(kKey, Without(Key(), "deletionPolicy"));
  protected_key.options.protect = true;
  return {
      Pass("kms-key-rotation", "90 days", kKey, Key()),
      Pass("kms-key-rotation", "signing key", kKey,
           With(Without(Key(), "rotationPeriod"), "purpose", "ASYMMETRIC_SIGN")),
      Fail("kms-key-rotation", "never", kKey, Without(Key(), "rotationPeriod"), "rotationPeriod is not set"),
      Fail("kms-key-rotation", "100 days", kKey, With(Key(), "rotationPeriod", "8640000s"),
           "rotationPeriod is 8640000s (100 days), longer than 90 days"),
      Pass("kms-key-protected", "deletion policy", kKey, Key()),
      {.policy = "kms-key-protected", .what = "protect option", .resource = protected_key},
      Fail("kms-key-protected", "deletable", kKey, With(Key(), "deletionPolicy", "DELETE"), "(it is DELETE)"),
      Fail("kms-key-protected", "by default", kKey, Without(Key(), "deletionPolicy"), "the provider's default DELETE"),
      Pass("secret-replication", "automatic", kSecret, Secret()),
      Pass("secret-replication", "user managed", kSecret,
           With(Secret(), "replication",
                PropertyMap{{"userManaged",
                             PropertyMap{{"replicas", PropertyArray{PropertyMap{{"location", "us-central1"}}}}}}})),
      Fail("secret-replication", "none", kSecret, Without(Secret(), "replication"),
           "secret apex-db-neo4j-password is not replicated"),
      Pass("secret-prod-deletion-protection", "protected", kSecret, Secret()),
      Fail("secret-prod-deletion-protection", "off", kSecret, With(Secret(), "deletionProtection", false),
           "deletionProtection is false: prod secret apex-db-neo4j-password"),
      Fail("secret-prod-deletion-protection", "by default", kSecret, Without(Secret(), "deletionProtection"),
           "deletionProtection is not set"),
  };
}

std::vector<PolicyCase> ProdProtectionAndLabelCases() {
  return {
      Pass("prod-deletion-protection", "redis", kRedis, Redis()),
      Pass("prod-deletion-protection", "redis by default", kRedis, Without(Redis(), "deletionProtection")),
      Pass("prod-deletion-protection", "vm", kInstance, Vm()),
      Fail("prod-deletion-protection", "redis off", kRedis, With(Redis(), "deletionProtection", false),
           "deletionProtection is false"),
      Fail("prod-deletion-protection", "vm by default", kInstance, Without(Vm(), "deletionProtection"),
           "deletionProtection is not set (the provider's default is false)"),
      Fail("prod-deletion-protection", "cloud run service off", kRunService,
           With(RunService(), "deletionProtection", false), "deletionProtection is false"),
      Fail("prod-deletion-protection", "job off", kRunJob, With(RunJob(), "deletionProtection", false),
           "deletionProtection is false"),
      Pass("labels-present", "disk", "gcp:compute/disk:Disk",
           PropertyMap{{"labels", StandardLabels()}, {"name", "apex-db-neo4j-data"}, {"size", 200}}),
      Pass("labels-present", "alert policy", "gcp:monitoring/alertPolicy:AlertPolicy",
           PropertyMap{{"displayName", "api-gateway 5xx"}, {"userLabels", StandardLabels()}}),
      Pass("labels-present", "not labelable", "gcp:serviceaccount/account:Account",
           PropertyMap{{"accountId", "apex-db-neo4j"}}),
      Fail("labels-present", "disk without cost center", "gcp:compute/disk:Disk",
           PropertyMap{{"labels", Without(StandardLabels(), "cost-center")}, {"name", "apex-db-neo4j-data"}},
           "labels lacks cost-center"),
      Fail("labels-present", "sql without labels", kSql, Without(Sql(), "settings.userLabels"),
           "settings.userLabels lacks environment, project, managed-by, cost-center"),
      Fail("labels-present", "channel with settings in labels",
           "gcp:monitoring/notificationChannel:NotificationChannel",
           PropertyMap{{"labels", PropertyMap{{"email_address", "oncall@example.com"}}}, {"type", "email"}},
           "userLabels lacks environment"),
      Fail("labels-present", "empty label", kRedis, With(Redis(), "labels.environment", ""),
           "labels lacks environment"),
  };
}

}  // namespace

std::vector<PolicyCase> const& PolicyCases() {
  static std::vector<PolicyCase> const kCases = [] {
    std::vector<PolicyCase> all;
    for (auto&& group :
         {CloudSqlCases(), CloudSqlFlagCases(), RedisCases(), CloudRunCases(), ComputeCases(), FirewallCases(),
          NetworkCases(), IamCases(), KmsAndSecretCases(), ProdProtectionAndLabelCases()}) {
      all.insert(all.end(), group.begin(), group.end());
    }
    return all;
  }();
  return kCases;
}

std::vector<pulumi::policy::AnalyzerResource> const& CompliantResources() {
  static std::vector<pulumi::policy::AnalyzerResource> const kResources = {
      Resource(kSql, Sql(), "postgres"),
      Resource(kRedis, Redis(), "redis"),
      Resource(kRunService, RunService(), "query-router"),
      Resource(kRunService, RunService("apex-api-gateway", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"), "gateway"),
      Resource(kRunJob, RunJob(), "migrate"),
      Resource(kRunMember, Invoker("allUsers", "apex-api-gateway"), "gateway-public"),
      Resource(kInstance, Vm(), "neo4j"),
      Resource(kFirewall, Firewall({"35.235.240.0/20"}, "tcp", {"22"}), "iap-ssh"),
      Resource(kSubnet, Subnet(), "subnet"),
      Resource(kNetwork, Network(), "vpc"),
      Resource(kProjectMember, Grant(kNeo4jAccount, "roles/logging.logWriter"), "log-writer"),
      Resource(kKey, Key(), "key"),
      Resource(kSecret, Secret(), "secret"),
  };
  return kResources;
}

void PrintTo(PolicyCase const& c, std::ostream* os) {
  *os << c.policy << " / " << c.what << (c.violates ? " (violates)" : " (passes)");
}

}  // namespace apex::policy::testing_util
