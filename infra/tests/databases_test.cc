// apex-databases through the mocks, for every stack, reading apex-network's outputs as a deployment would:
// the resources and their parent, the per-stack settings, privacy (no public address on any data store),
// the policy-check flags, secrets that stay secret, labels, least-privilege IAM and the stack outputs; and
// bad stack files that fail naming the key and the file.
#include "apex/testing/gcp_mocks.h"
#include "apex/testing/projects.h"
#include "apex/testing/stack_config.h"
#include "pulumi/gcp/cloudrunv2/service.h"
#include "pulumi/gcp/cloudrunv2/service_iam_member.h"
#include "pulumi/gcp/compute/disk.h"
#include "pulumi/gcp/compute/disk_resource_policy_attachment.h"
#include "pulumi/gcp/compute/instance.h"
#include "pulumi/gcp/compute/resource_policy.h"
#include "pulumi/gcp/projects/iam_member.h"
#include "pulumi/gcp/redis/instance.h"
#include "pulumi/gcp/secretmanager/secret.h"
#include "pulumi/gcp/secretmanager/secret_iam_member.h"
#include "pulumi/gcp/secretmanager/secret_version.h"
#include "pulumi/gcp/serviceaccount/account.h"
#include "pulumi/gcp/sql/database.h"
#include "pulumi/gcp/sql/database_instance.h"
#include "pulumi/gcp/sql/user.h"
#include "pulumi/gcp/storage/bucket.h"
#include "pulumi/gcp/storage/bucket_iam_member.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace {

using ::apex::testing::StackRun;
using ::pulumi::PropertyArray;
using ::pulumi::PropertyMap;
using ::pulumi::PropertyValue;
using ::pulumi::mocks::RegisteredResource;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kCluster[] = "apex:database:Cluster";
constexpr char kSqlInstance[] = "gcp:sql/databaseInstance:DatabaseInstance";
constexpr char kRedis[] = "gcp:redis/instance:Instance";
constexpr char kVm[] = "gcp:compute/instance:Instance";
constexpr char kRun[] = "gcp:cloudrunv2/service:Service";
constexpr char kSecretVersion[] = "gcp:secretmanager/secretVersion:SecretVersion";
constexpr char kProjectIam[] = "gcp:projects/iAMMember:IAMMember";
constexpr char kSecretIam[] = "gcp:secretmanager/secretIamMember:SecretIamMember";
constexpr char kBucketIam[] = "gcp:storage/bucketIAMMember:BucketIAMMember";
constexpr char kRunIam[] = "gcp:cloudrunv2/serviceIamMember:ServiceIamMember";

// What the architecture table sets for each stack.
struct Tier {
  std::string sql_tier;
  std::string availability;
  bool backups;
  bool pitr;
  bool deletion_protection;
  std::string redis_tier;
  int redis_gb;
  bool redis_persistence;
  int max_connections;
  int qdrant_min_instances;
};

Tier ExpectedTier(std::string const& stack) {
  if (stack == "dev") return {"db-f1-micro", "ZONAL", false, false, false, "BASIC", 1, false, 100, 0};
  if (stack == "staging") return {"db-custom-2-7680", "ZONAL", true, true, true, "STANDARD_HA", 2, true, 200, 1};
  return {"db-custom-4-15360", "REGIONAL", true, true, true, "STANDARD_HA", 10, true, 500, 1};
}

PropertyValue const& At(PropertyMap const& m, std::string const& key) {
  auto it = m.find(key);
  if (it == m.end()) throw std::runtime_error("no property " + key);
  return it->second;
}
PropertyMap const& Obj(PropertyMap const& m, std::string const& key) { return At(m, key).AsObject(); }
PropertyMap const& First(PropertyMap const& m, std::string const& key) { return At(m, key).AsArray().at(0).AsObject(); }

std::string ErrorsOf(pulumi::mocks::MockDeployment const& d) {
  std::string all;
  for (auto const& log : d.logs()) {
    if (log.severity == "error") all += log.message + "\n";
  }
  return all;
}

class DatabasesTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    network_ = apex::testing::RunStack("apex-network", GetParam());
    ASSERT_EQ(network_.exit_code, 0);
    run_ = apex::testing::RunStack("apex-databases", GetParam(), apex::testing::ReferencesFor({&network_}));
    ASSERT_EQ(run_.exit_code, 0) << ErrorsOf(*run_.deployment);
    auto component = run_.deployment->Find(kCluster, "apex-db");
    ASSERT_TRUE(component);
    component_urn_ = component->urn;
  }

  RegisteredResource Get(std::string const& type, std::string const& name) const {
    auto r = run_.deployment->Find(type, name);
    if (!r) throw std::runtime_error("no " + type + " named " + name);
    return *r;
  }
  PropertyValue NetworkOutput(std::string const& key) const { return network_.deployment->stack_outputs().at(key); }
  std::string Project() const { return run_.config.config.at("gcp:project"); }

  StackRun network_;
  StackRun run_;
  std::string component_urn_;
};

TEST_P(DatabasesTest, EveryResourceIsAChildOfTheCluster) {
  std::vector<std::pair<std::string, std::string>> const expected = {
      {kSqlInstance, "apex-db-postgres"},
      {"gcp:sql/database:Database", "apex-db-vectors"},
      {"gcp:sql/user:User", "apex-db-app-user"},
      {kRedis, "apex-db-redis"},
      {kVm, "apex-db-neo4j"},
      {"gcp:compute/disk:Disk", "apex-db-neo4j-data"},
      {"gcp:compute/resourcePolicy:ResourcePolicy", "apex-db-neo4j-snapshots"},
      {"gcp:compute/diskResourcePolicyAttachment:DiskResourcePolicyAttachment", "apex-db-neo4j-data-snapshots"},
      {"gcp:serviceaccount/account:Account", "apex-db-neo4j-sa"},
      {kProjectIam, "apex-db-neo4j-log-writer"},
      {kProjectIam, "apex-db-neo4j-metric-writer"},
      {kSecretIam, "apex-db-neo4j-password-accessor"},
      {kRun, "apex-db-qdrant"},
      {"gcp:storage/bucket:Bucket", "apex-db-qdrant-storage"},
      {"gcp:serviceaccount/account:Account", "apex-db-qdrant-sa"},
      {kBucketIam, "apex-db-qdrant-storage-admin"},
      {"gcp:serviceaccount/account:Account", "apex-db-sa"},
      {kProjectIam, "apex-db-sa-cloudsql-client"},
      {kSecretIam, "apex-db-sa-password-accessor"},
      {kSecretIam, "apex-db-sa-neo4j-password-accessor"},
      {kRunIam, "apex-db-sa-qdrant-invoker"},
      {"gcp:secretmanager/secret:Secret", "apex-db-password"},
      {kSecretVersion, "apex-db-password-version"},
      {"gcp:secretmanager/secret:Secret", "apex-db-neo4j-password"},
      {kSecretVersion, "apex-db-neo4j-password-version"},
      {"gcp:secretmanager/secret:Secret", "apex-db-redis-auth"},
      {kSecretVersion, "apex-db-redis-auth-version"},
  };
  for (auto const& [type, name] : expected) {
    auto r = run_.deployment->Find(type, name);
    ASSERT_TRUE(r) << type << " " << name;
    EXPECT_EQ(r->parent, component_urn_) << name;
    EXPECT_EQ(r->version, "9.37.0") << name;
  }
  // Nothing else: every custom resource but the StackReference is one of the above.
  int custom = 0;
  for (auto const& r : run_.deployment->resources()) custom += r.custom && !r.read ? 1 : 0;
  EXPECT_EQ(custom, static_cast<int>(expected.size()));
}

TEST_P(DatabasesTest, PostgresFollowsTheStackTier) {
  Tier const t = ExpectedTier(GetParam());
  auto sql = Get(kSqlInstance, "apex-db-postgres");
  EXPECT_EQ(At(sql.inputs, "databaseVersion"), PropertyValue("POSTGRES_16"));
  EXPECT_EQ(At(sql.inputs, "deletionProtection"), PropertyValue(t.deletion_protection));
  EXPECT_EQ(At(sql.inputs, "region"), PropertyValue("us-central1"));
  auto const& settings = Obj(sql.inputs, "settings");
  EXPECT_EQ(At(settings, "tier"), PropertyValue(t.sql_tier));
  EXPECT_EQ(At(settings, "edition"), PropertyValue("ENTERPRISE"));
  EXPECT_EQ(At(settings, "availabilityType"), PropertyValue(t.availability));
  EXPECT_EQ(At(settings, "deletionProtectionEnabled"), PropertyValue(t.deletion_protection));
  EXPECT_EQ(At(settings, "diskAutoresize"), PropertyValue(true));
  auto const& backup = Obj(settings, "backupConfiguration");
  EXPECT_EQ(At(backup, "enabled"), PropertyValue(t.backups));
  EXPECT_EQ(At(backup, "pointInTimeRecoveryEnabled"), PropertyValue(t.pitr));
  EXPECT_EQ(At(backup, "startTime"), PropertyValue("01:00"));
  EXPECT_EQ(At(backup, "transactionLogRetentionDays"), PropertyValue(7));
  EXPECT_EQ(At(Obj(backup, "backupRetentionSettings"), "retainedBackups"), PropertyValue(GetParam() == "prod" ? 30 : 7));
  EXPECT_EQ(Obj(settings, "maintenanceWindow"),
            (PropertyMap{{"day", 7}, {"hour", 5}, {"updateTrack", "stable"}}));  // after the 01:00-05:00 backups
  EXPECT_EQ(At(Obj(settings, "insightsConfig"), "queryInsightsEnabled"), PropertyValue(true));

  auto db = Get("gcp:sql/database:Database", "apex-db-vectors");
  EXPECT_EQ(At(db.inputs, "name"), PropertyValue("vectors"));
  EXPECT_EQ(At(db.inputs, "instance"), PropertyValue("apex-db-postgres"));
  auto user = Get("gcp:sql/user:User", "apex-db-app-user");
  EXPECT_EQ(At(user.inputs, "name"), PropertyValue("apex"));
  EXPECT_EQ(At(user.inputs, "instance"), PropertyValue("apex-db-postgres"));
}

TEST_P(DatabasesTest, PostgresHasEveryLoggingFlagOfThePolicyChecks) {
  auto sql = Get(kSqlInstance, "apex-db-postgres");
  std::map<std::string, std::string> flags;
  for (auto const& f : At(Obj(sql.inputs, "settings"), "databaseFlags").AsArray()) {
    flags[At(f.AsObject(), "name").AsString()] = At(f.AsObject(), "value").AsString();
  }
  std::map<std::string, std::string> const expected = {
      {"max_connections", std::to_string(ExpectedTier(GetParam()).max_connections)},
      {"log_connections", "on"},
      {"log_disconnections", "on"},
      {"log_lock_waits", "on"},
      {"log_checkpoints", "on"},
      {"log_temp_files", "0"},
      {"log_min_duration_statement", "-1"},
      {"log_min_messages", "warning"},
      {"log_min_error_statement", "error"},
      {"cloudsql.enable_pgaudit", "on"},
      {"pgaudit.log", "ddl,role"},
  };
  EXPECT_EQ(flags, expected);
}

TEST_P(DatabasesTest, RedisFollowsTheStackTier) {
  Tier const t = ExpectedTier(GetParam());
  auto redis = Get(kRedis, "apex-db-redis");
  EXPECT_EQ(At(redis.inputs, "tier"), PropertyValue(t.redis_tier));
  EXPECT_EQ(At(redis.inputs, "memorySizeGb"), PropertyValue(t.redis_gb));
  EXPECT_EQ(At(redis.inputs, "redisVersion"), PropertyValue("REDIS_7_2"));
  EXPECT_EQ(At(redis.inputs, "connectMode"), PropertyValue("PRIVATE_SERVICE_ACCESS"));
  EXPECT_EQ(At(redis.inputs, "authEnabled"), PropertyValue(true));
  EXPECT_EQ(At(redis.inputs, "transitEncryptionMode"), PropertyValue("SERVER_AUTHENTICATION"));
  EXPECT_EQ(At(redis.inputs, "deletionProtection"), PropertyValue(t.deletion_protection));
  PropertyMap const persistence =
      t.redis_persistence ? PropertyMap{{"persistenceMode", "RDB"}, {"rdbSnapshotPeriod", "SIX_HOURS"}}
                          : PropertyMap{{"persistenceMode", "DISABLED"}};
  EXPECT_EQ(Obj(redis.inputs, "persistenceConfig"), persistence);
  auto const& window = First(Obj(redis.inputs, "maintenancePolicy"), "weeklyMaintenanceWindows");
  EXPECT_EQ(At(window, "day"), PropertyValue("SUNDAY"));
  EXPECT_EQ(Obj(window, "startTime"), (PropertyMap{{"hours", 4}, {"minutes", 0}}));
}

TEST_P(DatabasesTest, NoDataStoreHasAPublicAddress) {
  auto const& ip = Obj(Obj(Get(kSqlInstance, "apex-db-postgres").inputs, "settings"), "ipConfiguration");
  EXPECT_EQ(At(ip, "ipv4Enabled"), PropertyValue(false));
  EXPECT_EQ(At(ip, "sslMode"), PropertyValue("ENCRYPTED_ONLY"));
  EXPECT_FALSE(ip.count("authorizedNetworks"));

  for (auto const& vm : run_.deployment->OfType(kVm)) {
    for (auto const& nic : At(vm.inputs, "networkInterfaces").AsArray()) {
      EXPECT_FALSE(nic.AsObject().count("accessConfigs")) << vm.name << " has an external IP";
    }
  }
  EXPECT_EQ(At(Get(kRun, "apex-db-qdrant").inputs, "ingress"), PropertyValue("INGRESS_TRAFFIC_INTERNAL_ONLY"));
  for (auto const& member : run_.deployment->OfType(kRunIam)) {
    EXPECT_THAT(At(member.inputs, "member").AsString(), Not(HasSubstr("allUsers")));
    EXPECT_THAT(At(member.inputs, "member").AsString(), Not(HasSubstr("allAuthenticatedUsers")));
  }
}

TEST_P(DatabasesTest, TheNetworkStacksValuesAreConsumed) {
  PropertyValue const network_id = NetworkOutput("networkId");
  PropertyValue const subnet = NetworkOutput("subnetSelfLink");
  PropertyValue const psa_range = NetworkOutput("psaRangeName");
  auto const& ip = Obj(Obj(Get(kSqlInstance, "apex-db-postgres").inputs, "settings"), "ipConfiguration");
  EXPECT_EQ(At(ip, "privateNetwork"), network_id);
  EXPECT_EQ(At(ip, "allocatedIpRange"), psa_range);
  auto redis = Get(kRedis, "apex-db-redis");
  EXPECT_EQ(At(redis.inputs, "authorizedNetwork"), network_id);
  EXPECT_EQ(At(redis.inputs, "reservedIpRange"), psa_range);
  auto const& nic = First(Get(kVm, "apex-db-neo4j").inputs, "networkInterfaces");
  EXPECT_EQ(At(nic, "network"), network_id);
  EXPECT_EQ(At(nic, "subnetwork"), subnet);
  auto const& vpc = First(Obj(Obj(Get(kRun, "apex-db-qdrant").inputs, "template"), "vpcAccess"), "networkInterfaces");
  EXPECT_EQ(At(vpc, "network"), network_id);
  EXPECT_EQ(At(vpc, "subnetwork"), subnet);
  EXPECT_EQ(network_id, PropertyValue("projects/" + Project() + "/global/networks/apex-vpc"));
}

TEST_P(DatabasesTest, Neo4jRunsOnAHardenedVmWithASnapshottedDataDisk) {
  auto vm = Get(kVm, "apex-db-neo4j");
  EXPECT_EQ(At(vm.inputs, "canIpForward"), PropertyValue(false));
  EXPECT_EQ(At(vm.inputs, "tags"), PropertyValue(PropertyArray{"neo4j"}));
  EXPECT_EQ(At(vm.inputs, "deletionProtection"), PropertyValue(ExpectedTier(GetParam()).deletion_protection));
  EXPECT_EQ(Obj(vm.inputs, "shieldedInstanceConfig"),
            (PropertyMap{{"enableIntegrityMonitoring", true}, {"enableSecureBoot", true}, {"enableVtpm", true}}));
  auto const& metadata = Obj(vm.inputs, "metadata");
  EXPECT_EQ(At(metadata, "block-project-ssh-keys"), PropertyValue("true"));
  EXPECT_EQ(At(metadata, "serial-port-enable"), PropertyValue("false"));
  EXPECT_EQ(At(metadata, "enable-oslogin"), PropertyValue("TRUE"));

  // Its own account, never the default compute one.
  auto account = Get("gcp:serviceaccount/account:Account", "apex-db-neo4j-sa");
  auto const& sa = Obj(vm.inputs, "serviceAccount");
  EXPECT_EQ(At(sa, "email"), PropertyValue("apex-db-neo4j@" + Project() + ".iam.gserviceaccount.com"));
  EXPECT_THAT(At(sa, "email").AsString(), Not(HasSubstr("-compute@developer.gserviceaccount.com")));
  EXPECT_EQ(At(sa, "scopes"), PropertyValue(PropertyArray{"https://www.googleapis.com/auth/cloud-platform"}));
  EXPECT_THAT(vm.dependencies, ::testing::Contains(Get(kSecretIam, "apex-db-neo4j-password-accessor").urn));

  std::string const machine = GetParam() == "dev" ? "e2-standard-2" : GetParam() == "staging" ? "e2-standard-4" : "n2-highmem-4";
  EXPECT_EQ(At(vm.inputs, "machineType"), PropertyValue(machine));
  EXPECT_EQ(At(vm.inputs, "zone"), PropertyValue("us-central1-a"));

  auto disk = Get("gcp:compute/disk:Disk", "apex-db-neo4j-data");
  int const disk_gb = GetParam() == "dev" ? 20 : GetParam() == "staging" ? 50 : 200;
  EXPECT_EQ(At(disk.inputs, "size"), PropertyValue(disk_gb));
  EXPECT_EQ(At(disk.inputs, "type"), PropertyValue("pd-ssd"));
  auto const& attached = First(vm.inputs, "attachedDisks");
  EXPECT_EQ(At(attached, "source"), At(disk.outputs, "selfLink"));
  EXPECT_EQ(At(attached, "deviceName"), PropertyValue("neo4j-data"));

  auto policy = Get("gcp:compute/resourcePolicy:ResourcePolicy", "apex-db-neo4j-snapshots");
  auto const& schedule = Obj(policy.inputs, "snapshotSchedulePolicy");
  EXPECT_EQ(Obj(Obj(schedule, "schedule"), "dailySchedule"), (PropertyMap{{"daysInCycle", 1}, {"startTime", "04:00"}}));
  EXPECT_EQ(At(Obj(schedule, "retentionPolicy"), "maxRetentionDays"), PropertyValue(GetParam() == "prod" ? 30 : 7));
  auto attachment = Get("gcp:compute/diskResourcePolicyAttachment:DiskResourcePolicyAttachment",
                        "apex-db-neo4j-data-snapshots");
  EXPECT_EQ(At(attachment.inputs, "disk"), PropertyValue("apex-db-neo4j-data"));
  EXPECT_EQ(At(attachment.inputs, "name"), PropertyValue("apex-db-neo4j-snapshots"));

  // The startup script reads the password from Secret Manager; it never holds it.
  std::string const script = At(vm.inputs, "metadataStartupScript").AsString();
  EXPECT_THAT(script, HasSubstr("--secret=projects/" + Project() + "/secrets/apex-db-neo4j-password"));
  EXPECT_THAT(script, HasSubstr("neo4j=1:5.26.0"));
  EXPECT_THAT(script, HasSubstr("/dev/disk/by-id/google-neo4j-data"));
  EXPECT_THAT(script, Not(HasSubstr("<secret")));
}

TEST_P(DatabasesTest, QdrantRunsInternallyOnAVersionedBucket) {
  Tier const t = ExpectedTier(GetParam());
  auto bucket = Get("gcp:storage/bucket:Bucket", "apex-db-qdrant-storage");
  EXPECT_EQ(At(bucket.inputs, "name"), PropertyValue(Project() + "-apex-db-qdrant"));
  EXPECT_EQ(At(bucket.inputs, "uniformBucketLevelAccess"), PropertyValue(true));
  EXPECT_EQ(At(bucket.inputs, "publicAccessPrevention"), PropertyValue("enforced"));
  EXPECT_EQ(Obj(bucket.inputs, "versioning"), (PropertyMap{{"enabled", true}}));
  EXPECT_EQ(At(bucket.inputs, "forceDestroy"), PropertyValue(!t.deletion_protection));

  auto service = Get(kRun, "apex-db-qdrant");
  EXPECT_EQ(At(service.inputs, "deletionProtection"), PropertyValue(t.deletion_protection));
  EXPECT_EQ(At(service.inputs, "invokerIamDisabled"), PropertyValue(false));
  auto const& tpl = Obj(service.inputs, "template");
  EXPECT_EQ(At(tpl, "serviceAccount"), PropertyValue("apex-db-qdrant@" + Project() + ".iam.gserviceaccount.com"));
  EXPECT_EQ(At(tpl, "executionEnvironment"), PropertyValue("EXECUTION_ENVIRONMENT_GEN2"));
  EXPECT_EQ(Obj(tpl, "scaling"), (PropertyMap{{"maxInstanceCount", 1}, {"minInstanceCount", t.qdrant_min_instances}}));
  EXPECT_EQ(At(Obj(tpl, "vpcAccess"), "egress"), PropertyValue("PRIVATE_RANGES_ONLY"));
  auto const& volume = First(tpl, "volumes");
  EXPECT_EQ(At(volume, "name"), PropertyValue("storage"));
  EXPECT_EQ(At(Obj(volume, "gcs"), "bucket"), PropertyValue(Project() + "-apex-db-qdrant"));
  auto const& container = First(tpl, "containers");
  EXPECT_EQ(At(container, "image"), PropertyValue("docker.io/qdrant/qdrant:v1.13.4"));
  EXPECT_EQ(First(container, "volumeMounts"), (PropertyMap{{"mountPath", "/qdrant/storage"}, {"name", "storage"}}));
  EXPECT_EQ(At(Obj(container, "ports"), "containerPort"), PropertyValue(6333));
}

TEST_P(DatabasesTest, IamIsLeastPrivilege) {
  std::string const db_sa = "serviceAccount:apex-db-access@" + Project() + ".iam.gserviceaccount.com";
  std::string const neo4j_sa = "serviceAccount:apex-db-neo4j@" + Project() + ".iam.gserviceaccount.com";
  std::string const qdrant_sa = "serviceAccount:apex-db-qdrant@" + Project() + ".iam.gserviceaccount.com";
  std::set<std::tuple<std::string, std::string, std::string>> grants;  // type, member, role
  for (auto const& type : {kProjectIam, kSecretIam, kBucketIam, kRunIam}) {
    for (auto const& r : run_.deployment->OfType(type)) {
      std::string role = At(r.inputs, "role").AsString();
      EXPECT_THAT(role, Not(::testing::AnyOf("roles/owner", "roles/editor", "roles/viewer"))) << r.name;
      grants.emplace(type, At(r.inputs, "member").AsString(), role);
      if (type == std::string(kProjectIam)) {
        EXPECT_EQ(At(r.inputs, "project"), PropertyValue(Project()));
      }
    }
  }
  std::set<std::tuple<std::string, std::string, std::string>> const expected = {
      {kProjectIam, db_sa, "roles/cloudsql.client"},
      {kSecretIam, db_sa, "roles/secretmanager.secretAccessor"},  // twice: one per secret, below
      {kRunIam, db_sa, "roles/run.invoker"},
      {kProjectIam, neo4j_sa, "roles/logging.logWriter"},
      {kProjectIam, neo4j_sa, "roles/monitoring.metricWriter"},
      {kSecretIam, neo4j_sa, "roles/secretmanager.secretAccessor"},
      {kBucketIam, qdrant_sa, "roles/storage.objectAdmin"},
  };
  EXPECT_EQ(grants, expected);

  // The accessors are bound to the two secrets only, the object admin to the Qdrant bucket only.
  std::string const secrets = "projects/" + Project() + "/secrets/";
  EXPECT_EQ(At(Get(kSecretIam, "apex-db-sa-password-accessor").inputs, "secretId"),
            PropertyValue(secrets + "apex-db-password"));
  EXPECT_EQ(At(Get(kSecretIam, "apex-db-sa-neo4j-password-accessor").inputs, "secretId"),
            PropertyValue(secrets + "apex-db-neo4j-password"));
  EXPECT_EQ(At(Get(kSecretIam, "apex-db-neo4j-password-accessor").inputs, "secretId"),
            PropertyValue(secrets + "apex-db-neo4j-password"));
  EXPECT_EQ(At(Get(kBucketIam, "apex-db-qdrant-storage-admin").inputs, "bucket"),
            PropertyValue(Project() + "-apex-db-qdrant"));
  EXPECT_EQ(At(Get(kRunIam, "apex-db-sa-qdrant-invoker").inputs, "name"), PropertyValue("apex-db-qdrant"));
}

TEST_P(DatabasesTest, SecretsStaySecret) {
  auto user = Get("gcp:sql/user:User", "apex-db-app-user");
  ASSERT_TRUE(At(user.inputs, "password").is_secret());
  EXPECT_EQ(At(user.inputs, "password").SecretElement(), PropertyValue("<secret apex:dbPassword>"));
  auto db_version = Get(kSecretVersion, "apex-db-password-version");
  ASSERT_TRUE(At(db_version.inputs, "secretData").is_secret());
  EXPECT_EQ(At(db_version.inputs, "secretData").SecretElement(), PropertyValue("<secret apex:dbPassword>"));
  auto neo4j_version = Get(kSecretVersion, "apex-db-neo4j-password-version");
  ASSERT_TRUE(At(neo4j_version.inputs, "secretData").is_secret());
  EXPECT_EQ(At(neo4j_version.inputs, "secretData").SecretElement(), PropertyValue("<secret apex:neo4jPassword>"));
  // Redis's AUTH string is a secret output of the instance, and stays one on its way into Secret Manager.
  auto redis_auth = Get(kSecretVersion, "apex-db-redis-auth-version");
  ASSERT_TRUE(At(redis_auth.inputs, "secretData").is_secret());
  EXPECT_EQ(At(redis_auth.inputs, "secretData").SecretElement(), At(Get(kRedis, "apex-db-redis").outputs, "authString").SecretElement());

  // Secrets render as [secret]: a placeholder in the rendering is a secret that leaked into plaintext.
  for (auto const& r : run_.deployment->resources()) {
    EXPECT_THAT(PropertyValue(r.inputs).ToString(), Not(HasSubstr("<secret "))) << r.type << " " << r.name;
  }
  EXPECT_THAT(PropertyValue(run_.deployment->stack_outputs()).ToString(), Not(HasSubstr("<secret ")));

  for (auto const& [name, component] : {std::pair{"apex-db-password", "postgres"}, {"apex-db-neo4j-password", "neo4j"}}) {
    auto secret = Get("gcp:secretmanager/secret:Secret", name);
    EXPECT_EQ(At(secret.inputs, "secretId"), PropertyValue(name));
    EXPECT_EQ(Obj(secret.inputs, "replication"), (PropertyMap{{"auto", PropertyMap{}}}));
    EXPECT_EQ(At(secret.inputs, "deletionProtection"), PropertyValue(ExpectedTier(GetParam()).deletion_protection));
    EXPECT_EQ(At(Obj(secret.inputs, "labels"), "component"), PropertyValue(component));
  }
}

// The labelable types, read from the generated bindings (the schema): those with `labels`, and Cloud SQL,
// whose labels are settings.userLabels. A type the cluster creates that is missing here fails the test.
template <typename Args>
constexpr bool kHasLabels = requires(Args a) { a.labels; };

std::map<std::string, bool> const& LabelableTypes() {
  namespace gcp = pulumi::gcp;
  static std::map<std::string, bool> const kTypes = {
      {gcp::sql::DatabaseInstance::kType, kHasLabels<gcp::sql::DatabaseInstanceArgs>},
      {gcp::sql::Database::kType, kHasLabels<gcp::sql::DatabaseArgs>},
      {gcp::sql::User::kType, kHasLabels<gcp::sql::UserArgs>},
      {gcp::redis::Instance::kType, kHasLabels<gcp::redis::InstanceArgs>},
      {gcp::compute::Instance::kType, kHasLabels<gcp::compute::InstanceArgs>},
      {gcp::compute::Disk::kType, kHasLabels<gcp::compute::DiskArgs>},
      {gcp::compute::ResourcePolicy::kType, kHasLabels<gcp::compute::ResourcePolicyArgs>},
      {gcp::compute::DiskResourcePolicyAttachment::kType, kHasLabels<gcp::compute::DiskResourcePolicyAttachmentArgs>},
      {gcp::cloudrunv2::Service::kType, kHasLabels<gcp::cloudrunv2::ServiceArgs>},
      {gcp::cloudrunv2::ServiceIamMember::kType, kHasLabels<gcp::cloudrunv2::ServiceIamMemberArgs>},
      {gcp::storage::Bucket::kType, kHasLabels<gcp::storage::BucketArgs>},
      {gcp::storage::BucketIAMMember::kType, kHasLabels<gcp::storage::BucketIAMMemberArgs>},
      {gcp::serviceaccount::Account::kType, kHasLabels<gcp::serviceaccount::AccountArgs>},
      {gcp::projects::IAMMember::kType, kHasLabels<gcp::projects::IAMMemberArgs>},
      {gcp::secretmanager::Secret::kType, kHasLabels<gcp::secretmanager::SecretArgs>},
      {gcp::secretmanager::SecretVersion::kType, kHasLabels<gcp::secretmanager::SecretVersionArgs>},
      {gcp::secretmanager::SecretIamMember::kType, kHasLabels<gcp::secretmanager::SecretIamMemberArgs>},
  };
  return kTypes;
}
static_assert(requires(pulumi::gcp::sql::DatabaseInstanceSettingsArgs s) { s.user_labels; });

TEST_P(DatabasesTest, EveryLabelableResourceCarriesTheStandardLabels) {
  PropertyMap const standard = {{"environment", GetParam()},
                                {"project", "apex-databases"},
                                {"managed-by", "pulumi"},
                                {"cost-center", "apex-memory"}};
  int labelled = 0;
  for (auto const& r : run_.deployment->resources()) {
    if (!r.custom || r.read) continue;
    auto kind = LabelableTypes().find(r.type);
    ASSERT_NE(kind, LabelableTypes().end()) << "add " << r.type << " to LabelableTypes";
    std::optional<PropertyMap> labels;
    if (r.type == kSqlInstance) {
      labels = Obj(Obj(r.inputs, "settings"), "userLabels");
    } else if (kind->second) {
      ASSERT_TRUE(r.inputs.count("labels")) << r.name << " has no labels";
      labels = Obj(r.inputs, "labels");
    }
    if (!labels) continue;
    ++labelled;
    for (auto const& [key, value] : standard) EXPECT_EQ(labels->at(key), value) << r.name << " " << key;
    EXPECT_TRUE(labels->count("component")) << r.name;
  }
  EXPECT_EQ(labelled, 9);  // sql, redis, vm, disk, bucket, qdrant service, three secrets
}

TEST_P(DatabasesTest, ExportsEveryOutputTheOtherStacksRead) {
  auto const outputs = run_.deployment->stack_outputs();
  std::string const p = Project();
  std::map<std::string, PropertyValue> const expected = {
      {"postgresConnectionName", p + ":us-central1:apex-db-postgres"},
      {"postgresInstanceName", "apex-db-postgres"},
      {"databaseName", "vectors"},
      {"databaseUser", "apex"},
      {"dbPasswordSecretId", "projects/" + p + "/secrets/apex-db-password"},
      {"neo4jPasswordSecretId", "projects/" + p + "/secrets/apex-db-neo4j-password"},
      {"redisPort", 6379},
      {"redisInstanceId", "projects/" + p + "/locations/us-central1/instances/apex-db-redis"},
      {"qdrantUri", At(Get(kRun, "apex-db-qdrant").outputs, "uri")},
      {"qdrantServiceName", "apex-db-qdrant"},
      {"redisAuthSecretId", "projects/" + p + "/secrets/apex-db-redis-auth"},
      {"databaseServiceAccountEmail", "apex-db-access@" + p + ".iam.gserviceaccount.com"},
  };
  for (auto const& [key, value] : expected) {
    ASSERT_TRUE(outputs.count(key)) << key;
    EXPECT_EQ(outputs.at(key), value) << key;
  }
  for (char const* ip : {"postgresPrivateIp", "redisHost", "neo4jInternalIp"}) {
    ASSERT_TRUE(outputs.count(ip)) << ip;
    EXPECT_THAT(outputs.at(ip).AsString(), ::testing::MatchesRegex(R"(10\.[0-9]+\.[0-9]+\.[0-9]+)")) << ip;
  }
  EXPECT_EQ(outputs.size(), expected.size() + 3);
  EXPECT_EQ(outputs.at("postgresPrivateIp"), At(Get(kSqlInstance, "apex-db-postgres").outputs, "privateIpAddress"));

  auto component = run_.deployment->Find(kCluster, "apex-db");
  EXPECT_EQ(component->registered_outputs.at("postgresConnectionName"), outputs.at("postgresConnectionName"));
  EXPECT_EQ(component->registered_outputs.at("serviceAccountEmail"), outputs.at("databaseServiceAccountEmail"));
  EXPECT_EQ(component->registered_outputs.size(), 7u);
}

TEST_P(DatabasesTest, AnUpResolvesEveryOutput) {
  auto up = apex::testing::RunStack("apex-databases", GetParam(), apex::testing::ReferencesFor({&network_}),
                                    /*dry_run=*/false);
  ASSERT_EQ(up.exit_code, 0) << ErrorsOf(*up.deployment);
  auto const outputs = up.deployment->stack_outputs();
  EXPECT_EQ(outputs.size(), 15u);
  for (auto const& [key, value] : outputs) EXPECT_FALSE(value.ContainsUnknowns()) << key;
}

INSTANTIATE_TEST_SUITE_P(Stacks, DatabasesTest, ::testing::Values("dev", "staging", "prod"));

// Runs apex-databases for `stack` from a copy of its stack files with `edit` applied to Pulumi.<stack>.yaml,
// reading the dev/staging/prod network stack unless `refs` says otherwise.
apex::testing::StackRun RunEdited(std::string const& stack, std::function<std::string(std::string)> const& edit,
                                  std::map<std::string, PropertyMap> refs = {}) {
  if (refs.empty()) {
    auto network = apex::testing::RunStack("apex-network", stack);
    refs = apex::testing::ReferencesFor({&network});
  }
  return apex::testing::RunStackEdited("apex-databases", stack, edit, std::move(refs));
}

auto Replace(std::string const& from, std::string const& to) { return apex::testing::ReplaceText(from, to); }

TEST(DatabasesConfigTest, AnUnknownRedisTierFailsNamingTheKeyAndTheStackFile) {
  auto run = RunEdited("dev", Replace("apex:redisTier: BASIC", "apex:redisTier: HUGE"));
  EXPECT_NE(run.exit_code, 0);
  std::string const errors = ErrorsOf(*run.deployment);
  EXPECT_THAT(errors, HasSubstr("apex:redisTier"));
  EXPECT_THAT(errors, HasSubstr("'HUGE' is not one of BASIC, STANDARD_HA"));
  EXPECT_THAT(errors, HasSubstr("Pulumi.dev.yaml"));
  EXPECT_TRUE(run.deployment->OfType(kSqlInstance).empty()) << "nothing is registered from a bad stack file";
}

TEST(DatabasesConfigTest, AMissingDbPasswordFailsNamingTheKeyAndTheStackFile) {
  auto run = RunEdited("staging", [](std::string s) {
    auto begin = s.find("  apex:dbPassword:");
    auto end = s.find("  apex:neo4jPassword:");
    return s.erase(begin, end - begin);
  });
  EXPECT_NE(run.exit_code, 0);
  std::string const errors = ErrorsOf(*run.deployment);
  EXPECT_THAT(errors, HasSubstr("Invalid configuration 'apex:dbPassword': is missing"));
  EXPECT_THAT(errors, HasSubstr("pulumi config set --secret apex:dbPassword"));
  EXPECT_THAT(errors, HasSubstr("Pulumi.staging.yaml"));
}

TEST(DatabasesConfigTest, APlaintextPasswordIsRefused) {
  auto run = RunEdited("dev", [](std::string s) {
    auto begin = s.find("  apex:dbPassword:");
    auto end = s.find("  apex:neo4jPassword:");
    return s.replace(begin, end - begin, "  apex:dbPassword: hunter2-hunter2-hunter2\n");
  });
  EXPECT_NE(run.exit_code, 0);
  std::string const errors = ErrorsOf(*run.deployment);
  EXPECT_THAT(errors, HasSubstr("Invalid configuration 'apex:dbPassword': is in plaintext"));
  EXPECT_THAT(errors, HasSubstr("Pulumi.dev.yaml"));
  EXPECT_THAT(errors, Not(HasSubstr("hunter2")));
}

TEST(DatabasesConfigTest, ProdWithoutDeletionProtectionIsRefused) {
  auto run = RunEdited("prod", Replace("apex:deletionProtection: \"true\"", "apex:deletionProtection: \"false\""));
  EXPECT_NE(run.exit_code, 0);
  std::string const errors = ErrorsOf(*run.deployment);
  EXPECT_THAT(errors, HasSubstr("apex:deletionProtection"));
  EXPECT_THAT(errors, HasSubstr("prod requires true"));
  EXPECT_THAT(errors, HasSubstr("Pulumi.prod.yaml"));
}

TEST(DatabasesConfigTest, ProdLiftsDeletionProtectionOnlyForADeclaredDecommission) {
  auto run = RunEdited("prod", Replace("apex:deletionProtection: \"true\"",
                                       "apex:deletionProtection: \"false\"\n  apex:decommission: \"true\""));
  ASSERT_EQ(run.exit_code, 0) << ErrorsOf(*run.deployment);
  auto sql = run.deployment->OfType("gcp:sql/databaseInstance:DatabaseInstance");
  ASSERT_EQ(sql.size(), 1u);
  EXPECT_EQ(sql[0].inputs.at("deletionProtection"), pulumi::PropertyValue(false));
  bool warned = false;
  for (auto const& l : run.deployment->logs()) warned = warned || l.message.find("apex:decommission is set") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(DatabasesConfigTest, MaintenanceInsideTheBackupWindowIsRefused) {
  auto run = RunEdited("prod", Replace("apex:postgresMaintenanceHour: \"5\"", "apex:postgresMaintenanceHour: \"3\""));
  EXPECT_NE(run.exit_code, 0);
  std::string const errors = ErrorsOf(*run.deployment);
  EXPECT_THAT(errors, HasSubstr("apex:postgresMaintenanceHour"));
  EXPECT_THAT(errors, HasSubstr("3:00 falls in the backup window 01:00 + 4 h"));
  EXPECT_THAT(errors, HasSubstr("Pulumi.prod.yaml"));
}

TEST(DatabasesConfigTest, PitrWithoutBackupsIsRefused) {
  auto run = RunEdited("dev", Replace("apex:postgresPitr: \"false\"", "apex:postgresPitr: \"true\""));
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(ErrorsOf(*run.deployment), HasSubstr("apex:postgresPitr"));
}

TEST(DatabasesConfigTest, AnUnpinnedQdrantImageIsRefused) {
  auto run = RunEdited("dev", Replace("qdrant/qdrant:v1.13.4", "qdrant/qdrant:latest"));
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(ErrorsOf(*run.deployment), HasSubstr("apex:qdrantImage"));
}

// Cloud SQL and Redis wait for the private service connection of apex-network: without it there is no run.
TEST(DatabasesConfigTest, ANetworkStackWithoutThePrivateServiceConnectionFails) {
  auto network = apex::testing::RunStack("apex-network", "dev");
  auto refs = apex::testing::ReferencesFor({&network});
  for (auto& [name, outputs] : refs) outputs.erase("privateServiceConnection");
  auto run = RunEdited("dev", [](std::string s) { return s; }, refs);
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(ErrorsOf(*run.deployment), HasSubstr("privateServiceConnection"));
}

}  // namespace
