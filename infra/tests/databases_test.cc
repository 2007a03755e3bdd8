// apex-databases through the mocks, for every stack, reading apex-network's outputs as a deployment would:
// the resources, their parent and the APIs they wait for, the per-stack settings, privacy (no public address
// on any data store), the policy-check flags, IAM database authentication, the two data VMs of one shape,
// secrets that no state file holds, the CA certificates, labels, least-privilege IAM and the stack outputs;
// and bad stack files that fail naming the key and the file.
#include "apex/gcp_mocks/gcp_mocks.h"
#include "apex/gcp_mocks/projects.h"
#include "apex/gcp_mocks/stack_config.h"
#include "pulumi/gcp/compute/disk.h"
#include "pulumi/gcp/compute/disk_resource_policy_attachment.h"
#include "pulumi/gcp/compute/instance.h"
#include "pulumi/gcp/compute/resource_policy.h"
#include "pulumi/gcp/projects/iam_member.h"
#include "pulumi/gcp/projects/service.h"
#include "pulumi/gcp/redis/instance.h"
#include "pulumi/gcp/secretmanager/secret.h"
#include "pulumi/gcp/secretmanager/secret_iam_member.h"
#include "pulumi/gcp/secretmanager/secret_version.h"
#include "pulumi/gcp/serviceaccount/account.h"
#include "pulumi/gcp/sql/database.h"
#include "pulumi/gcp/sql/database_instance.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace {

using ::apex::gcp_mocks::StackRun;
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
constexpr char kDisk[] = "gcp:compute/disk:Disk";
constexpr char kPolicy[] = "gcp:compute/resourcePolicy:ResourcePolicy";
constexpr char kAttachment[] = "gcp:compute/diskResourcePolicyAttachment:DiskResourcePolicyAttachment";
constexpr char kAccount[] = "gcp:serviceaccount/account:Account";
constexpr char kSecret[] = "gcp:secretmanager/secret:Secret";
constexpr char kApi[] = "gcp:projects/service:Service";
constexpr char kSecretVersion[] = "gcp:secretmanager/secretVersion:SecretVersion";
constexpr char kProjectIam[] = "gcp:projects/iAMMember:IAMMember";
constexpr char kSecretIam[] = "gcp:secretmanager/secretIamMember:SecretIamMember";

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
  int retained_backups;
  std::string vm_machine_type;  // both data VMs
  int vm_data_disk_gb;
  int snapshot_retention_days;
};

Tier ExpectedTier(std::string const& stack) {
  if (stack == "dev")
    return {"db-f1-micro", "ZONAL", false, false, false, "BASIC", 1, false, 100, 8, "e2-standard-2", 20, 7};
  if (stack == "staging") {
    return {"db-custom-2-7680", "ZONAL", true, true, true, "STANDARD_HA", 2, true, 200, 14, "e2-standard-4", 50, 7};
  }
  return {"db-custom-4-15360", "REGIONAL", true, true, true, "STANDARD_HA", 10, true, 500, 30, "n2-highmem-4", 200, 30};
}

constexpr char const* kDataVms[] = {"neo4j", "qdrant"};
// The secret each data VM fills at its first boot.
std::string VmSecret(std::string const& vm) {
  return vm == "neo4j" ? "apex-db-neo4j-password" : "apex-db-qdrant-api-key";
}
std::vector<std::string> const kApis = {"compute.googleapis.com", "iam.googleapis.com", "redis.googleapis.com",
                                        "secretmanager.googleapis.com", "sqladmin.googleapis.com"};

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
    network_ = apex::gcp_mocks::RunStack("apex-network", GetParam());
    ASSERT_EQ(network_.exit_code, 0);
    run_ = apex::gcp_mocks::RunStack("apex-databases", GetParam(), apex::gcp_mocks::ReferencesFor({&network_}));
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
  std::string SecretName(std::string const& id) const { return "projects/" + Project() + "/secrets/" + id; }
  std::string Member(std::string const& account) const {
    return "serviceAccount:" + account + "@" + Project() + ".iam.gserviceaccount.com";
  }

  StackRun network_;
  StackRun run_;
  std::string component_urn_;
};

TEST_P(DatabasesTest, EveryResourceIsAChildOfTheClusterAndWaitsForTheApis) {
  std::vector<std::pair<std::string, std::string>> expected = {
      {kSqlInstance, "apex-db-postgres"},
      {"gcp:sql/database:Database", "apex-db-vectors"},
      {kSecret, "apex-db-postgres-ca"},
      {kSecretVersion, "apex-db-postgres-ca-version"},
      {kRedis, "apex-db-redis"},
      {kSecret, "apex-db-redis-auth"},
      {kSecretVersion, "apex-db-redis-auth-version"},
      {kSecret, "apex-db-redis-ca"},
      {kSecretVersion, "apex-db-redis-ca-version"},
  };
  for (std::string const vm : kDataVms) {
    std::string const p = "apex-db-" + vm;
    for (auto const& r : std::vector<std::pair<std::string, std::string>>{{kSecret, VmSecret(vm)},
                                                                          {kAccount, p + "-sa"},
                                                                          {kProjectIam, p + "-log-writer"},
                                                                          {kProjectIam, p + "-metric-writer"},
                                                                          {kSecretIam, p + "-secret-viewer"},
                                                                          {kSecretIam, p + "-secret-version-adder"},
                                                                          {kSecretIam, p + "-secret-accessor"},
                                                                          {kDisk, p + "-data"},
                                                                          {kPolicy, p + "-snapshots"},
                                                                          {kAttachment, p + "-data-snapshots"},
                                                                          {kVm, p}}) {
      expected.push_back(r);
    }
  }
  std::vector<std::string> api_urns;
  for (auto const& api : kApis) {
    auto service = Get(kApi, "api-" + api.substr(0, api.find('.')));
    EXPECT_EQ(service.inputs, (PropertyMap{{"disableDependentServices", false},
                                           {"disableOnDestroy", false},
                                           {"project", Project()},
                                           {"service", api}}));
    api_urns.push_back(service.urn);
  }
  for (auto const& [type, name] : expected) {
    auto r = run_.deployment->Find(type, name);
    ASSERT_TRUE(r) << type << " " << name;
    EXPECT_EQ(r->parent, component_urn_) << name;
    EXPECT_EQ(r->version, PULUMI_CPP_GCP_VERSION) << name;
    for (auto const& urn : api_urns) EXPECT_THAT(r->dependencies, ::testing::Contains(urn)) << name;
  }
  // Nothing else: every custom resource but the StackReference is one of the above or an API.
  int custom = 0;
  for (auto const& r : run_.deployment->resources()) custom += r.custom && !r.read ? 1 : 0;
  EXPECT_EQ(custom, static_cast<int>(expected.size() + kApis.size()));
  EXPECT_EQ(expected.size(), 31u);
}

TEST_P(DatabasesTest, PostgresFollowsTheStackTier) {
  Tier const t = ExpectedTier(GetParam());
  auto sql = Get(kSqlInstance, "apex-db-postgres");
  EXPECT_EQ(At(sql.inputs, "databaseVersion"), PropertyValue("POSTGRES_18"));
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
  // More daily backups than days of logs: the oldest log point still has a backup before it.
  EXPECT_EQ(At(backup, "transactionLogRetentionDays"), PropertyValue(7));
  EXPECT_EQ(Obj(backup, "backupRetentionSettings"),
            (PropertyMap{{"retainedBackups", t.retained_backups}, {"retentionUnit", "COUNT"}}));
  EXPECT_EQ(Obj(settings, "maintenanceWindow"),
            (PropertyMap{{"day", 7}, {"hour", 5}, {"updateTrack", "stable"}}));  // after the 01:00-05:00 backups
  EXPECT_EQ(At(Obj(settings, "insightsConfig"), "queryInsightsEnabled"), PropertyValue(true));

  auto db = Get("gcp:sql/database:Database", "apex-db-vectors");
  EXPECT_EQ(At(db.inputs, "name"), PropertyValue("vectors"));
  EXPECT_EQ(At(db.inputs, "instance"), PropertyValue("apex-db-postgres"));
}

TEST_P(DatabasesTest, PostgresUsesIamAuthenticationAndNoPasswordUser) {
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
      {"cloudsql.iam_authentication", "on"},
  };
  EXPECT_EQ(flags, expected);
  // The IAM users are apex-services'; here there is no user at all, so none with a password.
  EXPECT_TRUE(run_.deployment->OfType("gcp:sql/user:User").empty());
  for (auto const& r : run_.deployment->resources()) {
    EXPECT_FALSE(r.inputs.count("password")) << r.type << " " << r.name;
  }
}

TEST_P(DatabasesTest, TheServerCaCertificatesAreInSecretManager) {
  auto check = [&](std::string const& secret_id, std::string const& type, std::string const& instance,
                   std::string const& component) {
    auto secret = Get(kSecret, secret_id);
    EXPECT_EQ(At(secret.inputs, "secretId"), PropertyValue(secret_id));
    EXPECT_EQ(At(Obj(secret.inputs, "labels"), "component"), PropertyValue(component));
    auto version = Get(kSecretVersion, secret_id + "-version");
    EXPECT_EQ(At(version.inputs, "secret"), PropertyValue(SecretName(secret_id)));
    PropertyValue data = At(version.inputs, "secretData");
    if (data.is_secret()) data = data.SecretElement();
    auto const& cert = At(First(Get(type, instance).outputs, "serverCaCerts"), "cert");
    EXPECT_EQ(data, cert) << secret_id;
    EXPECT_THAT(data.AsString(), ::testing::StartsWith("-----BEGIN CERTIFICATE-----\n")) << secret_id;
  };
  check("apex-db-postgres-ca", kSqlInstance, "apex-db-postgres", "postgres");
  check("apex-db-redis-ca", kRedis, "apex-db-redis", "redis");
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
  PropertyMap const persistence = t.redis_persistence
                                      ? PropertyMap{{"persistenceMode", "RDB"}, {"rdbSnapshotPeriod", "SIX_HOURS"}}
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

  auto vms = run_.deployment->OfType(kVm);
  ASSERT_EQ(vms.size(), 2u);
  for (auto const& vm : vms) {
    auto const& nics = At(vm.inputs, "networkInterfaces").AsArray();
    ASSERT_EQ(nics.size(), 1u);
    EXPECT_FALSE(nics[0].AsObject().count("accessConfigs")) << vm.name << " has an external IP";
    EXPECT_FALSE(nics[0].AsObject().count("ipv6AccessConfigs")) << vm.name;
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
  for (std::string const vm : kDataVms) {
    auto const& nic = First(Get(kVm, "apex-db-" + vm).inputs, "networkInterfaces");
    EXPECT_EQ(nic, (PropertyMap{{"network", network_id}, {"subnetwork", subnet}})) << vm;
  }
  EXPECT_EQ(network_id, PropertyValue("projects/" + Project() + "/global/networks/apex-vpc"));
}

// Neo4j and Qdrant share one VM shape; each field is asserted for both.
TEST_P(DatabasesTest, BothDataVmsAreHardenedWithASnapshottedSsdDataDisk) {
  Tier const t = ExpectedTier(GetParam());
  for (std::string const vm_name : kDataVms) {
    SCOPED_TRACE(vm_name);
    std::string const p = "apex-db-" + vm_name;
    auto vm = Get(kVm, p);
    EXPECT_EQ(At(vm.inputs, "name"), PropertyValue(p));
    EXPECT_EQ(At(vm.inputs, "machineType"), PropertyValue(t.vm_machine_type));
    EXPECT_EQ(At(vm.inputs, "zone"), PropertyValue("us-central1-a"));
    EXPECT_EQ(At(vm.inputs, "canIpForward"), PropertyValue(false));
    EXPECT_EQ(At(vm.inputs, "allowStoppingForUpdate"), PropertyValue(true));
    EXPECT_EQ(At(vm.inputs, "tags"), PropertyValue(PropertyArray{vm_name}));  // the firewall's target
    EXPECT_EQ(At(vm.inputs, "deletionProtection"), PropertyValue(t.deletion_protection));
    EXPECT_EQ(Obj(vm.inputs, "shieldedInstanceConfig"),
              (PropertyMap{{"enableIntegrityMonitoring", true}, {"enableSecureBoot", true}, {"enableVtpm", true}}));
    EXPECT_EQ(
        Obj(vm.inputs, "metadata"),
        (PropertyMap{{"block-project-ssh-keys", "true"}, {"enable-oslogin", "TRUE"}, {"serial-port-enable", "false"}}));
    EXPECT_EQ(Obj(vm.inputs, "scheduling"),
              (PropertyMap{{"automaticRestart", true}, {"onHostMaintenance", "MIGRATE"}}));
    auto const& boot = Obj(vm.inputs, "bootDisk");
    EXPECT_EQ(At(boot, "autoDelete"), PropertyValue(true));
    EXPECT_EQ(At(Obj(boot, "initializeParams"), "image"), PropertyValue("debian-cloud/debian-12"));
    EXPECT_EQ(At(Obj(boot, "initializeParams"), "size"), PropertyValue(20));
    EXPECT_EQ(At(Obj(boot, "initializeParams"), "type"), PropertyValue("pd-balanced"));

    // Its own account, never the default compute one.
    EXPECT_EQ(At(Get(kAccount, p + "-sa").inputs, "accountId"), PropertyValue(p));
    EXPECT_EQ(Obj(vm.inputs, "serviceAccount"),
              (PropertyMap{{"email", p + "@" + Project() + ".iam.gserviceaccount.com"},
                           {"scopes", PropertyArray{"https://www.googleapis.com/auth/cloud-platform"}}}));
    // The startup script fills the secret at first boot: the VM waits for the three grants on it.
    for (char const* grant : {"-secret-viewer", "-secret-version-adder", "-secret-accessor"}) {
      EXPECT_THAT(vm.dependencies, ::testing::Contains(Get(kSecretIam, p + grant).urn)) << grant;
    }

    auto disk = Get(kDisk, p + "-data");
    EXPECT_EQ(At(disk.inputs, "name"), PropertyValue(p + "-data"));
    EXPECT_EQ(At(disk.inputs, "size"), PropertyValue(t.vm_data_disk_gb));
    EXPECT_EQ(At(disk.inputs, "type"), PropertyValue("pd-ssd"));
    EXPECT_EQ(At(disk.inputs, "zone"), PropertyValue("us-central1-a"));
    EXPECT_EQ(
        At(vm.inputs, "attachedDisks"),
        PropertyValue(PropertyArray{PropertyMap{
            {"deviceName", vm_name + "-data"}, {"mode", "READ_WRITE"}, {"source", At(disk.outputs, "selfLink")}}}));

    auto policy = Get(kPolicy, p + "-snapshots");
    EXPECT_EQ(At(policy.inputs, "region"), PropertyValue("us-central1"));
    auto const& schedule = Obj(policy.inputs, "snapshotSchedulePolicy");
    EXPECT_EQ(Obj(Obj(schedule, "schedule"), "dailySchedule"),
              (PropertyMap{{"daysInCycle", 1}, {"startTime", vm_name == "neo4j" ? "04:00" : "04:30"}}));
    EXPECT_EQ(Obj(schedule, "retentionPolicy"), (PropertyMap{{"maxRetentionDays", t.snapshot_retention_days},
                                                             {"onSourceDiskDelete", "KEEP_AUTO_SNAPSHOTS"}}));
    EXPECT_EQ(At(Obj(schedule, "snapshotProperties"), "storageLocations"), PropertyValue("us-central1"));
    auto attachment = Get(kAttachment, p + "-data-snapshots");
    EXPECT_EQ(attachment.inputs,
              (PropertyMap{{"disk", p + "-data"}, {"name", p + "-snapshots"}, {"zone", "us-central1-a"}}));

    // The common script: the data disk, the Ops Agent, the VM's secret generated once and read back.
    std::string const script = At(vm.inputs, "metadataStartupScript").AsString();
    std::string const secret = SecretName(VmSecret(vm_name));
    EXPECT_THAT(script,
                HasSubstr("DEVICE=/dev/disk/by-id/google-" + vm_name + "-data\nDATA=/mnt/" + vm_name + "-data\n"));
    EXPECT_THAT(script, HasSubstr("mkfs.ext4 -m 0"));
    EXPECT_THAT(script, HasSubstr("bash /tmp/add-google-cloud-ops-agent-repo.sh --also-install"));
    EXPECT_THAT(script, HasSubstr("SECRET=" + secret + "\n"));
    EXPECT_THAT(script, HasSubstr("gcloud secrets versions list \"$SECRET\" --filter=state:ENABLED --limit=1"));
    EXPECT_THAT(script, HasSubstr("openssl rand -base64 32 | tr -d '\\n' | "
                                  "gcloud secrets versions add \"$SECRET\" --data-file=-"));
    EXPECT_THAT(script, HasSubstr("APP_SECRET=\"$(gcloud secrets versions access latest --secret=\"$SECRET\")\""));
    EXPECT_THAT(script, Not(HasSubstr("<secret")));
    EXPECT_THAT(script, Not(HasSubstr("@")));  // every placeholder replaced (the image has no digest)
  }
}

TEST_P(DatabasesTest, Neo4jInstallsItsPinnedPackageAndTakesItsPasswordFromItsSecret) {
  std::string const script = At(Get(kVm, "apex-db-neo4j").inputs, "metadataStartupScript").AsString();
  EXPECT_THAT(script, HasSubstr("apt-get install -y \"neo4j=1:5.26.0\"\n  apt-mark hold neo4j"));
  EXPECT_THAT(script, HasSubstr("echo \"server.directories.data=$DATA\""));
  EXPECT_THAT(script, HasSubstr("sudo -u neo4j neo4j-admin dbms set-initial-password \"$APP_SECRET\""));
  EXPECT_EQ(At(Get(kVm, "apex-db-neo4j").inputs, "description"),
            PropertyValue("Neo4j knowledge graph of the Apex Memory System"));
}

TEST_P(DatabasesTest, QdrantRunsItsPinnedImageUnderDockerOnTheDataDisk) {
  auto vm = Get(kVm, "apex-db-qdrant");
  EXPECT_EQ(At(vm.inputs, "description"), PropertyValue("Qdrant vector search of the Apex Memory System"));
  std::string const script = At(vm.inputs, "metadataStartupScript").AsString();
  EXPECT_THAT(script, HasSubstr("apt-get install -y docker.io"));
  EXPECT_THAT(script, HasSubstr("printf 'QDRANT__SERVICE__API_KEY=%s\\nQDRANT__TELEMETRY_DISABLED=true\\n' "
                                "\"$APP_SECRET\" > /run/qdrant.env"));
  EXPECT_THAT(script, HasSubstr("docker run -d --name qdrant --restart=unless-stopped --env-file /run/qdrant.env \\\n"
                                "  -p 6333:6333 -p 6334:6334 -v \"$DATA\":/qdrant/storage "
                                "\"docker.io/qdrant/qdrant:v1.13.4\"\n"));
  EXPECT_THAT(script, HasSubstr("rm -f /run/qdrant.env"));
  EXPECT_THAT(script, Not(HasSubstr("QDRANT__SERVICE__API_KEY=\"$APP_SECRET\"")));  // never on a command line
}

TEST_P(DatabasesTest, IamIsLeastPrivilege) {
  std::set<std::tuple<std::string, std::string, std::string, std::string>> grants;  // type, member, role, on
  for (auto const& type : {kProjectIam, kSecretIam}) {
    for (auto const& r : run_.deployment->OfType(type)) {
      std::string role = At(r.inputs, "role").AsString();
      EXPECT_THAT(role, Not(::testing::AnyOf("roles/owner", "roles/editor", "roles/viewer"))) << r.name;
      std::string on =
          type == std::string(kProjectIam) ? At(r.inputs, "project").AsString() : At(r.inputs, "secretId").AsString();
      grants.emplace(type, At(r.inputs, "member").AsString(), role, on);
    }
  }
  std::set<std::tuple<std::string, std::string, std::string, std::string>> expected;
  for (std::string const vm : kDataVms) {
    std::string const member = Member("apex-db-" + vm);
    std::string const own = SecretName(VmSecret(vm));
    expected.emplace(kProjectIam, member, "roles/logging.logWriter", Project());
    expected.emplace(kProjectIam, member, "roles/monitoring.metricWriter", Project());
    // On its own secret only: list its versions, add the first, read it.
    expected.emplace(kSecretIam, member, "roles/secretmanager.viewer", own);
    expected.emplace(kSecretIam, member, "roles/secretmanager.secretVersionAdder", own);
    expected.emplace(kSecretIam, member, "roles/secretmanager.secretAccessor", own);
  }
  EXPECT_EQ(grants, expected);
  // No data-tier account for the services: they are granted their access in apex-services.
  EXPECT_EQ(run_.deployment->OfType(kAccount).size(), 2u);
}

TEST_P(DatabasesTest, SecretsStaySecretAndTheGeneratedOnesHaveNoVersion) {
  // The Neo4j password and the Qdrant API key: no version, so no value in any state file.
  for (std::string const vm : kDataVms) {
    EXPECT_FALSE(run_.deployment->Find(kSecretVersion, VmSecret(vm) + "-version")) << vm;
    for (auto const& v : run_.deployment->OfType(kSecretVersion)) {
      EXPECT_NE(At(v.inputs, "secret"), PropertyValue(SecretName(VmSecret(vm)))) << v.name;
    }
  }
  EXPECT_EQ(run_.deployment->OfType(kSecretVersion).size(), 3u);  // Redis AUTH, two CA certificates
  // Redis's AUTH string is a secret output of the instance, and stays one on its way into Secret Manager.
  auto redis_auth = Get(kSecretVersion, "apex-db-redis-auth-version");
  ASSERT_TRUE(At(redis_auth.inputs, "secretData").is_secret());
  EXPECT_EQ(At(redis_auth.inputs, "secretData").SecretElement(),
            At(Get(kRedis, "apex-db-redis").outputs, "authString").SecretElement());

  // No secret config at all, and no placeholder of one anywhere.
  EXPECT_TRUE(run_.config.secret_config.empty());
  for (auto const& r : run_.deployment->resources()) {
    EXPECT_THAT(PropertyValue(r.inputs).ToString(), Not(HasSubstr("<secret "))) << r.type << " " << r.name;
  }
  EXPECT_THAT(PropertyValue(run_.deployment->stack_outputs()).ToString(), Not(HasSubstr("<secret ")));

  for (auto const& [name, component] :
       std::vector<std::pair<std::string, std::string>>{{"apex-db-neo4j-password", "neo4j"},
                                                        {"apex-db-qdrant-api-key", "qdrant"},
                                                        {"apex-db-redis-auth", "redis"},
                                                        {"apex-db-redis-ca", "redis"},
                                                        {"apex-db-postgres-ca", "postgres"}}) {
    auto secret = Get(kSecret, name);
    EXPECT_EQ(At(secret.inputs, "secretId"), PropertyValue(name));
    EXPECT_EQ(Obj(secret.inputs, "replication"), (PropertyMap{{"auto", PropertyMap{}}}));
    EXPECT_EQ(At(secret.inputs, "deletionProtection"), PropertyValue(ExpectedTier(GetParam()).deletion_protection));
    EXPECT_EQ(At(Obj(secret.inputs, "labels"), "component"), PropertyValue(component));
  }
}

// The labelable types, read from the generated bindings (the schema): those with `labels`, and Cloud SQL,
// whose labels are settings.userLabels. A type the cluster creates that is missing here fails the test.
template <typename Args>
constexpr bool kHasLabels = requires(Args a) {
  a.labels;
};

std::map<std::string, bool> const& LabelableTypes() {
  namespace gcp = pulumi::gcp;
  static std::map<std::string, bool> const kTypes = {
      {gcp::sql::DatabaseInstance::kType, kHasLabels<gcp::sql::DatabaseInstanceArgs>},
      {gcp::sql::Database::kType, kHasLabels<gcp::sql::DatabaseArgs>},
      {gcp::redis::Instance::kType, kHasLabels<gcp::redis::InstanceArgs>},
      {gcp::compute::Instance::kType, kHasLabels<gcp::compute::InstanceArgs>},
      {gcp::compute::Disk::kType, kHasLabels<gcp::compute::DiskArgs>},
      {gcp::compute::ResourcePolicy::kType, kHasLabels<gcp::compute::ResourcePolicyArgs>},
      {gcp::compute::DiskResourcePolicyAttachment::kType, kHasLabels<gcp::compute::DiskResourcePolicyAttachmentArgs>},
      {gcp::serviceaccount::Account::kType, kHasLabels<gcp::serviceaccount::AccountArgs>},
      {gcp::projects::IAMMember::kType, kHasLabels<gcp::projects::IAMMemberArgs>},
      {gcp::projects::Service::kType, kHasLabels<gcp::projects::ServiceArgs>},
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
  EXPECT_EQ(labelled, 11);  // sql, redis, five secrets, two VMs, two data disks
}

TEST_P(DatabasesTest, ExportsEveryOutputTheOtherStacksRead) {
  auto const outputs = run_.deployment->stack_outputs();
  std::string const p = Project();
  auto vm_output = [&](std::string const& vm, std::string const& key) { return At(Get(kVm, vm).outputs, key); };
  std::string const qdrant_ip =
      At(First(Get(kVm, "apex-db-qdrant").outputs, "networkInterfaces"), "networkIp").AsString();
  std::map<std::string, PropertyValue> const expected = {
      {"postgresConnectionName", p + ":us-central1:apex-db-postgres"},
      {"postgresPrivateIp", At(Get(kSqlInstance, "apex-db-postgres").outputs, "privateIpAddress")},
      {"postgresInstanceName", "apex-db-postgres"},
      {"databaseName", "vectors"},
      {"postgresCaSecretId", SecretName("apex-db-postgres-ca")},
      {"redisHost", At(Get(kRedis, "apex-db-redis").outputs, "host")},
      {"redisPort", 6379},
      {"redisInstanceId", "projects/" + p + "/locations/us-central1/instances/apex-db-redis"},
      {"redisAuthSecretId", SecretName("apex-db-redis-auth")},
      {"redisCaSecretId", SecretName("apex-db-redis-ca")},
      {"neo4jInternalIp", At(First(Get(kVm, "apex-db-neo4j").outputs, "networkInterfaces"), "networkIp")},
      {"neo4jPasswordSecretId", SecretName("apex-db-neo4j-password")},
      {"neo4jInstanceId", vm_output("apex-db-neo4j", "instanceId")},
      {"neo4jInstanceName", "apex-db-neo4j"},
      {"qdrantUrl", "http://" + qdrant_ip + ":6333"},
      {"qdrantApiKeySecretId", SecretName("apex-db-qdrant-api-key")},
      {"qdrantInstanceId", vm_output("apex-db-qdrant", "instanceId")},
      {"qdrantInstanceName", "apex-db-qdrant"},
  };
  EXPECT_EQ(outputs, (PropertyMap(expected.begin(), expected.end())));
  for (char const* ip : {"postgresPrivateIp", "redisHost", "neo4jInternalIp"}) {
    EXPECT_THAT(outputs.at(ip).AsString(), ::testing::MatchesRegex(R"(10\.[0-9]+\.[0-9]+\.[0-9]+)")) << ip;
  }
  EXPECT_THAT(outputs.at("qdrantUrl").AsString(), ::testing::MatchesRegex(R"(http://10\.[0-9]+\.[0-9]+\.[0-9]+:6333)"));
  for (char const* id : {"neo4jInstanceId", "qdrantInstanceId"}) {
    EXPECT_THAT(outputs.at(id).AsString(), ::testing::MatchesRegex("[0-9]{19}")) << id;
  }
  EXPECT_NE(outputs.at("neo4jInternalIp"), PropertyValue(qdrant_ip));

  auto component = run_.deployment->Find(kCluster, "apex-db");
  EXPECT_EQ(component->registered_outputs,
            (PropertyMap{{"postgresConnectionName", outputs.at("postgresConnectionName")},
                         {"postgresPrivateIp", outputs.at("postgresPrivateIp")},
                         {"redisHost", outputs.at("redisHost")},
                         {"redisPort", outputs.at("redisPort")},
                         {"neo4jInternalIp", outputs.at("neo4jInternalIp")},
                         {"qdrantUrl", outputs.at("qdrantUrl")}}));
}

TEST_P(DatabasesTest, AnUpResolvesEveryOutput) {
  auto up = apex::gcp_mocks::RunStack("apex-databases", GetParam(), apex::gcp_mocks::ReferencesFor({&network_}),
                                      /*dry_run=*/false);
  ASSERT_EQ(up.exit_code, 0) << ErrorsOf(*up.deployment);
  auto const outputs = up.deployment->stack_outputs();
  EXPECT_EQ(outputs.size(), 18u);
  for (auto const& [key, value] : outputs) EXPECT_FALSE(value.ContainsUnknowns()) << key;
}

INSTANTIATE_TEST_SUITE_P(Stacks, DatabasesTest, ::testing::Values("dev", "staging", "prod"));

// Runs apex-databases for `stack` from a copy of its stack files with `edit` applied to Pulumi.<stack>.yaml,
// reading the dev/staging/prod network stack unless `refs` says otherwise.
apex::gcp_mocks::StackRun RunEdited(std::string const& stack, std::function<std::string(std::string)> const& edit,
                                    std::map<std::string, PropertyMap> refs = {}) {
  if (refs.empty()) {
    auto network = apex::gcp_mocks::RunStack("apex-network", stack);
    refs = apex::gcp_mocks::ReferencesFor({&network});
  }
  return apex::gcp_mocks::RunStackEdited("apex-databases", stack, edit, std::move(refs));
}

auto Replace(std::string const& from, std::string const& to) { return apex::gcp_mocks::ReplaceText(from, to); }

// A refused stack file: the run fails before anything is registered, the error naming `what` and the file.
void ExpectRefused(apex::gcp_mocks::StackRun const& run, std::string const& stack,
                   std::vector<std::string> const& what) {
  EXPECT_NE(run.exit_code, 0);
  std::string const errors = ErrorsOf(*run.deployment);
  for (auto const& w : what) EXPECT_THAT(errors, HasSubstr(w));
  EXPECT_THAT(errors, HasSubstr("(in Pulumi." + stack + ".yaml)"));
  EXPECT_TRUE(run.deployment->OfType(kSqlInstance).empty()) << "nothing is registered from a bad stack file";
}

TEST(DatabasesConfigTest, AnUnknownRedisTierFailsNamingTheKeyAndTheStackFile) {
  ExpectRefused(RunEdited("dev", Replace("apex:redisTier: BASIC", "apex:redisTier: HUGE")), "dev",
                {"apex:redisTier", "'HUGE' is not one of BASIC, STANDARD_HA"});
}

TEST(DatabasesConfigTest, NoStackFileHoldsAPasswordOrASecureValue) {
  for (char const* stack : {"dev", "staging", "prod"}) {
    std::ifstream in(apex::gcp_mocks::ProjectDirectory("apex-databases") + "/Pulumi." + stack + ".yaml");
    std::stringstream text;
    text << in.rdbuf();
    ASSERT_FALSE(text.str().empty()) << stack;
    for (char const* absent : {"secure:", "encryptionsalt", "dbPassword", "neo4jPassword", "dbUser", "passphrase",
                               "qdrantCpu", "qdrantMemory", "qdrantMinInstances", "qdrantMaxInstances"}) {
      EXPECT_THAT(text.str(), Not(HasSubstr(absent))) << stack;
    }
  }
}

TEST(DatabasesConfigTest, WhatProdMustChooseIsThePolicyPacksToJudge) {
  // POSTGRES_17 and no deletion protection are valid config: the program registers them as given, and the
  // pack (infra/policy, apex_policy_stacks_test) refuses them in prod.
  auto run = RunEdited("prod", [](std::string text) {
    text = Replace("apex:postgresVersion: POSTGRES_18", "apex:postgresVersion: POSTGRES_17")(std::move(text));
    return Replace("apex:deletionProtection: \"true\"", "apex:deletionProtection: \"false\"")(std::move(text));
  });
  ASSERT_EQ(run.exit_code, 0) << ErrorsOf(*run.deployment);
  auto sql = run.deployment->OfType(kSqlInstance);
  ASSERT_EQ(sql.size(), 1u);
  EXPECT_EQ(sql[0].inputs.at("databaseVersion"), PropertyValue("POSTGRES_17"));
  EXPECT_EQ(sql[0].inputs.at("deletionProtection"), PropertyValue(false));
}

TEST(DatabasesConfigTest, DevMayTryTheVersionBeforeButNothingOlder) {
  auto run = RunEdited("dev", Replace("apex:postgresVersion: POSTGRES_18", "apex:postgresVersion: POSTGRES_17"));
  ASSERT_EQ(run.exit_code, 0) << ErrorsOf(*run.deployment);
  EXPECT_EQ(run.deployment->OfType(kSqlInstance).at(0).inputs.at("databaseVersion"), PropertyValue("POSTGRES_17"));
  ExpectRefused(RunEdited("dev", Replace("apex:postgresVersion: POSTGRES_18", "apex:postgresVersion: POSTGRES_16")),
                "dev", {"apex:postgresVersion", "'POSTGRES_16' is not one of POSTGRES_17, POSTGRES_18"});
}

TEST(DatabasesConfigTest, BackupsThatDoNotCoverTheLogRetentionAreRefused) {
  ExpectRefused(
      RunEdited("staging", Replace("apex:postgresRetainedBackups: \"14\"", "apex:postgresRetainedBackups: \"7\"")),
      "staging",
      {"Invalid configuration 'apex:postgresRetainedBackups': 7 daily backups do not cover the 7 days of transaction "
       "logs (apex:postgresLogRetentionDays)"});
  ExpectRefused(
      RunEdited("prod", Replace("apex:postgresRetainedBackups: \"30\"", "apex:postgresRetainedBackups: \"3\"")), "prod",
      {"apex:postgresRetainedBackups", "3 daily backups do not cover the 7 days"});
}

TEST(DatabasesConfigTest, MaintenanceInsideTheBackupWindowIsRefused) {
  ExpectRefused(
      RunEdited("prod", Replace("apex:postgresMaintenanceHour: \"5\"", "apex:postgresMaintenanceHour: \"3\"")), "prod",
      {"apex:postgresMaintenanceHour", "3:00 falls in the backup window 01:00 + 4 h"});
}

TEST(DatabasesConfigTest, PitrWithoutBackupsIsRefused) {
  ExpectRefused(RunEdited("dev", Replace("apex:postgresPitr: \"false\"", "apex:postgresPitr: \"true\"")), "dev",
                {"apex:postgresPitr", "needs apex:postgresBackups true"});
}

TEST(DatabasesConfigTest, AQdrantImageWithoutAPinnedTagIsRefused) {
  for (std::string const image :
       {"docker.io/qdrant/qdrant:latest", "docker.io/qdrant/qdrant", "localhost:5000/qdrant/qdrant"}) {
    ExpectRefused(RunEdited("prod", Replace("docker.io/qdrant/qdrant:v1.13.4", image)), "prod",
                  {"Invalid configuration 'apex:qdrantImage': '" + image + "' must be pinned to a version tag"});
  }
}

TEST(DatabasesConfigTest, AStandardDataDiskIsRefused) {
  ExpectRefused(RunEdited("dev", Replace("apex:qdrantDataDiskType: pd-ssd", "apex:qdrantDataDiskType: pd-standard")),
                "dev", {"apex:qdrantDataDiskType", "'pd-standard' is not one of pd-balanced, pd-ssd"});
}

TEST(DatabasesConfigTest, AQdrantZoneOutsideTheRegionIsRefused) {
  ExpectRefused(RunEdited("staging", Replace("apex:qdrantZone: us-central1-a", "apex:qdrantZone: europe-west1-b")),
                "staging", {"apex:qdrantZone", "'europe-west1-b' is not a zone of us-central1"});
}

// Cloud SQL and Redis wait for the private service connection of apex-network: without it there is no run.
TEST(DatabasesConfigTest, ANetworkStackWithoutThePrivateServiceConnectionFails) {
  auto network = apex::gcp_mocks::RunStack("apex-network", "dev");
  auto refs = apex::gcp_mocks::ReferencesFor({&network});
  for (auto& [name, outputs] : refs) outputs.erase("privateServiceConnection");
  auto run = RunEdited(
      "dev", [](std::string s) { return s; }, refs);
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(ErrorsOf(*run.deployment), HasSubstr("privateServiceConnection"));
}

}  // namespace
