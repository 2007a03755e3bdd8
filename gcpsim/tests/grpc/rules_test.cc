// The relationships the real APIs enforce, each broken once through the provider, with the API's kind of error;
// and the same operations succeeding once the relationship holds.
#include "catalog.h"
#include "cloud.h"
#include "harness.h"
#include "store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

namespace pulumi::gcpsim {
namespace {

using ::testing::HasSubstr;
using testing_util::CreatePrivateNetwork;
using testing_util::Harness;

constexpr char kNetwork[] = "gcp:compute/network:Network";
constexpr char kSubnetwork[] = "gcp:compute/subnetwork:Subnetwork";
constexpr char kSql[] = "gcp:sql/databaseInstance:DatabaseInstance";
constexpr char kRedis[] = "gcp:redis/instance:Instance";
constexpr char kSecret[] = "gcp:secretmanager/secret:Secret";
constexpr char kSecretVersion[] = "gcp:secretmanager/secretVersion:SecretVersion";
constexpr char kAccount[] = "gcp:serviceaccount/account:Account";
constexpr char kRun[] = "gcp:cloudrunv2/service:Service";

PropertyMap Replication() { return {{"auto", PropertyMap{}}}; }

PropertyMap SqlInputs(std::string const& network, bool protect = false) {
  return {
      {"name", "db"},
      {"databaseVersion", "POSTGRES_16"},
      {"deletionProtection", protect},
      {"settings", PropertyMap{{"tier", "db-custom-2-7680"},
                               {"ipConfiguration", PropertyMap{{"ipv4Enabled", false}, {"privateNetwork", network}}}}}};
}

PropertyMap RunInputs(std::string const& secret, bool protect = false) {
  PropertyMap env{
      {"name", "DB_PASSWORD"},
      {"valueSource", PropertyMap{{"secretKeyRef", PropertyMap{{"secret", secret}, {"version", "latest"}}}}}};
  return {{"name", "api"},
          {"location", "us-central1"},
          {"deletionProtection", protect},
          {"template", PropertyMap{{"containers", PropertyArray{PropertyMap{{"image", "gcr.io/apex/api:1"},
                                                                            {"envs", PropertyArray{env}}}}}}}};
}

TEST(RulesTest, ASubnetworkNeedsItsNetwork) {
  Harness h;
  h.Configure();
  auto orphan = h.Create(kSubnetwork, "subnet",
                         {{"name", "subnet"}, {"network", "missing-vpc"}, {"ipCidrRange", "10.10.0.0/24"}});
  EXPECT_FALSE(orphan.status.ok());
  EXPECT_THAT(
      orphan.status.error_message(),
      HasSubstr("googleapi: Error 404: The resource 'projects/apex-dev/global/networks/missing-vpc' was not found"));
  ASSERT_TRUE(h.Create(kNetwork, "vpc", {{"name", "vpc"}}).status.ok());
  EXPECT_TRUE(h.Create(kSubnetwork, "subnet", {{"name", "subnet"}, {"network", "vpc"}, {"ipCidrRange", "10.10.0.0/24"}})
                  .status.ok());
}

TEST(RulesTest, APrivateCloudSqlInstanceNeedsAServiceNetworkingConnection) {
  Harness h;
  h.Configure();
  auto vpc = h.Create(kNetwork, "vpc", {{"name", "vpc"}});
  ASSERT_TRUE(vpc.status.ok());
  auto refused = h.Create(kSql, "db", SqlInputs(vpc.id));
  EXPECT_FALSE(refused.status.ok());
  EXPECT_THAT(
      refused.status.error_message(),
      HasSubstr("Incorrect Service Networking config for instance: apex-dev:db:SERVICE_NETWORKING_NOT_ENABLED"));
  EXPECT_TRUE(h.Stored(kSql).empty());
}

TEST(RulesTest, APrivateCloudSqlInstanceNeedsTheReservedRangeStillThere) {
  Harness h;
  h.Configure();
  auto network = CreatePrivateNetwork(h);
  {
    auto store = Store::Open(h.database());
    ASSERT_TRUE(store.ok());
    auto range = h.Stored("gcp:compute/globalAddress:GlobalAddress").at(0);
    ASSERT_TRUE((*store)->Write([&](Store& s) { return s.Remove(range.type, range.id); }).ok());  // out of band
  }
  auto refused = h.Create(kSql, "db", SqlInputs(network));
  EXPECT_THAT(refused.status.error_message(), HasSubstr("Allocated IP range 'vpc-psa' not found in network"));
}

TEST(RulesTest, AConnectionNeedsAnExistingAllocatedRange) {
  Harness h;
  h.Configure();
  auto vpc = h.Create(kNetwork, "vpc", {{"name", "vpc"}});
  auto refused = h.Create("gcp:servicenetworking/connection:Connection", "psc",
                          {{"network", vpc.id},
                           {"service", "servicenetworking.googleapis.com"},
                           {"reservedPeeringRanges", PropertyArray{PropertyValue("no-such-range")}}});
  EXPECT_THAT(refused.status.error_message(), HasSubstr("Allocated IP range 'no-such-range' not found in network"));
}

TEST(RulesTest, APrivateCloudSqlInstanceGetsAnAddressFromTheReservedRange) {
  Harness h;
  h.Configure();
  auto network = CreatePrivateNetwork(h);
  auto db = h.Create(kSql, "db", SqlInputs(network));
  ASSERT_TRUE(db.status.ok()) << db.status.error_message();
  EXPECT_EQ(db.outputs.at("privateIpAddress"), PropertyValue("10.60.0.2"));
  auto redis = h.Create(kRedis, "cache",
                        {{"name", "cache"},
                         {"memorySizeGb", 1.0},
                         {"authorizedNetwork", network},
                         {"connectMode", "PRIVATE_SERVICE_ACCESS"}});
  ASSERT_TRUE(redis.status.ok()) << redis.status.error_message();
  EXPECT_EQ(redis.outputs.at("host"), PropertyValue("10.60.0.3"));
}

TEST(RulesTest, MemorystoreWithPrivateServiceAccessNeedsTheConnection) {
  Harness h;
  h.Configure();
  auto vpc = h.Create(kNetwork, "vpc", {{"name", "vpc"}});
  auto refused = h.Create(kRedis, "cache",
                          {{"name", "cache"},
                           {"memorySizeGb", 1.0},
                           {"authorizedNetwork", vpc.id},
                           {"connectMode", "PRIVATE_SERVICE_ACCESS"}});
  EXPECT_THAT(refused.status.error_message(), HasSubstr("Private service access is not enabled"));
}

TEST(RulesTest, AnIamMemberNeedsTheAccountItNames) {
  Harness h;
  h.Configure();
  auto refused = h.Create("gcp:projects/iAMMember:IAMMember", "viewer",
                          {{"project", "apex-dev"},
                           {"role", "roles/viewer"},
                           {"member", "serviceAccount:ghost@apex-dev.iam.gserviceaccount.com"}});
  EXPECT_THAT(refused.status.error_message(),
              HasSubstr("Service account ghost@apex-dev.iam.gserviceaccount.com does not exist"));
  ASSERT_TRUE(h.Create(kAccount, "ghost", {{"accountId", "ghost"}}).status.ok());
  EXPECT_TRUE(h.Create("gcp:projects/iAMMember:IAMMember", "viewer",
                       {{"project", "apex-dev"},
                        {"role", "roles/viewer"},
                        {"member", "serviceAccount:ghost@apex-dev.iam.gserviceaccount.com"}})
                  .status.ok());
}

TEST(RulesTest, GoogleServiceAgentsNeedNoAccount) {
  Harness h;
  h.Configure();
  EXPECT_TRUE(h.Create("gcp:projects/iAMMember:IAMMember", "agent",
                       {{"project", "apex-dev"},
                        {"role", "roles/viewer"},
                        {"member", "serviceAccount:service-1@gcp-sa-cloud-sql.iam.gserviceaccount.com"}})
                  .status.ok());
}

TEST(RulesTest, ASecretIamMemberNeedsTheSecret) {
  Harness h;
  h.Configure();
  auto refused =
      h.Create("gcp:secretmanager/secretIamMember:SecretIamMember", "access",
               {{"secretId", "missing"}, {"role", "roles/secretmanager.secretAccessor"}, {"member", "user:a@b.c"}});
  EXPECT_THAT(refused.status.error_message(), HasSubstr("Secret [missing] not found"));
}

TEST(RulesTest, ABucketIamMemberNeedsTheBucket) {
  Harness h;
  h.Configure();
  auto refused = h.Create("gcp:storage/bucketIAMMember:BucketIAMMember", "access",
                          {{"bucket", "missing"}, {"role", "roles/storage.objectViewer"}, {"member", "user:a@b.c"}});
  EXPECT_THAT(refused.status.error_message(), HasSubstr("The specified bucket does not exist"));
}

TEST(RulesTest, ACloudRunIamMemberNeedsTheService) {
  Harness h;
  h.Configure();
  auto refused = h.Create(
      "gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "invoker",
      {{"name", "missing"}, {"location", "us-central1"}, {"role", "roles/run.invoker"}, {"member", "allUsers"}});
  EXPECT_THAT(refused.status.error_message(), HasSubstr("Resource 'missing' of kind 'SERVICE'"));
}

TEST(RulesTest, ASecretVersionNeedsItsSecret) {
  Harness h;
  h.Configure();
  auto refused =
      h.Create(kSecretVersion, "v",
               {{"secret", "projects/apex-dev/secrets/missing"}, {"secretData", PropertyValue::MakeSecret("x")}});
  EXPECT_THAT(refused.status.error_message(), HasSubstr("Secret [projects/apex-dev/secrets/missing] not found"));
}

TEST(RulesTest, ACloudRunSecretKeyRefNamesAnExistingSecret) {
  Harness h;
  h.Configure();
  auto refused = h.Create(kRun, "api", RunInputs("db-password"));
  EXPECT_THAT(refused.status.error_message(), HasSubstr("secret_key_ref.secret: Secret projects/"));
  EXPECT_THAT(refused.status.error_message(), HasSubstr("/secrets/db-password/versions/latest was not found"));
  ASSERT_TRUE(
      h.Create(kSecret, "db-password", {{"secretId", "db-password"}, {"replication", Replication()}}).status.ok());
  // A secret without a version is not enough: Cloud Run resolves "latest" when it creates the revision.
  auto versionless = h.Create(kRun, "api", RunInputs("db-password"));
  EXPECT_THAT(versionless.status.error_message(), HasSubstr("/secrets/db-password/versions/latest was not found"));
  ASSERT_TRUE(
      h.Create(kSecretVersion, "v1",
               {{"secret", "projects/apex-dev/secrets/db-password"}, {"secretData", PropertyValue::MakeSecret("x")}})
          .status.ok());
  EXPECT_TRUE(h.Create(kRun, "api", RunInputs("db-password")).status.ok());
}

TEST(RulesTest, ACloudRunJobsSecretVolumeNeedsAVersion) {
  Harness h;
  h.Configure();
  ASSERT_TRUE(h.Create(kSecret, "ca", {{"secretId", "ca"}, {"replication", Replication()}}).status.ok());
  PropertyMap job{
      {"name", "migrate"},
      {"location", "us-central1"},
      {"template",
       PropertyMap{
           {"template", PropertyMap{{"containers", PropertyArray{PropertyMap{{"image", "postgres:18.1"}}}},
                                    {"volumes", PropertyArray{PropertyMap{
                                                    {"name", "ca"}, {"secret", PropertyMap{{"secret", "ca"}}}}}}}}}}};
  auto refused = h.Create("gcp:cloudrunv2/job:Job", "migrate", job);
  EXPECT_THAT(refused.status.error_message(), HasSubstr("template.volumes[0].secret.secret: Secret projects/"));
  ASSERT_TRUE(h.Create(kSecretVersion, "v1",
                       {{"secret", "projects/apex-dev/secrets/ca"}, {"secretData", PropertyValue::MakeSecret("pem")}})
                  .status.ok());
  auto created = h.Create("gcp:cloudrunv2/job:Job", "migrate", job);
  EXPECT_TRUE(created.status.ok()) << created.status.error_message();
}

PropertyMap VmWithScript(std::string const& subnet, std::string const& script) {
  return {{"name", "neo4j"},
          {"zone", "us-central1-a"},
          {"machineType", "e2-standard-4"},
          {"bootDisk", PropertyMap{{"initializeParams", PropertyMap{{"image", "debian-12"}}}}},
          {"networkInterfaces", PropertyArray{PropertyMap{{"subnetwork", subnet}}}},
          {"metadataStartupScript", script}};
}

constexpr char kFirstBootScript[] = R"sh(#!/bin/bash
SECRET=projects/apex-dev/secrets/neo4j-password
if [ -z "$(gcloud secrets versions list "$SECRET" --limit=1 --format='value(name)')" ]; then
  openssl rand -base64 32 | gcloud secrets versions add "$SECRET" --data-file=-
fi
gcloud secrets versions add ${UNKNOWN_ON_THE_GUEST} --data-file=/dev/null
)sh";

TEST(RulesTest, AVmsFirstBootAddsTheSecretVersionItsScriptAdds) {
  Harness h;
  h.Configure();
  auto vpc = h.Create(kNetwork, "vpc", {{"name", "vpc"}});
  auto subnet =
      h.Create(kSubnetwork, "subnet", {{"name", "subnet"}, {"network", vpc.id}, {"ipCidrRange", "10.10.0.0/24"}});
  ASSERT_TRUE(h.Create(kSecret, "pw", {{"secretId", "neo4j-password"}, {"replication", Replication()}}).status.ok());
  auto vm = h.Create("gcp:compute/instance:Instance", "neo4j", VmWithScript(subnet.id, kFirstBootScript));
  ASSERT_TRUE(vm.status.ok()) << vm.status.error_message();
  auto versions = h.Stored(kSecretVersion);
  ASSERT_EQ(versions.size(), 1u) << "the VM booted at once and generated its password";
  EXPECT_EQ(versions[0].id, "projects/" + ProjectNumber("apex-dev") + "/secrets/neo4j-password/versions/1");
  EXPECT_EQ(versions[0].name, "neo4j-password-first-boot");
  EXPECT_EQ(versions[0].urn, "") << "made by the guest, not by a stack";
  auto const& data = versions[0].inputs.at("secretData");
  ASSERT_TRUE(data.is_secret());
  EXPECT_EQ(data.SecretElement().AsString().size(), 44u);
  // A second boot (a replaced VM) finds a version and adds none.
  ASSERT_TRUE(h.Delete("gcp:compute/instance:Instance", "neo4j", vm.id, vm.outputs).ok());
  ASSERT_TRUE(
      h.Create("gcp:compute/instance:Instance", "neo4j", VmWithScript(subnet.id, kFirstBootScript)).status.ok());
  EXPECT_EQ(h.Stored(kSecretVersion).size(), 1u);
}

TEST(RulesTest, AVmBootsAfterGcpsimVmBootSeconds) {
  ::setenv("GCPSIM_VM_BOOT_SECONDS", "3600", 1);
  Harness h;
  h.Configure();
  auto vpc = h.Create(kNetwork, "vpc", {{"name", "vpc"}});
  auto subnet =
      h.Create(kSubnetwork, "subnet", {{"name", "subnet"}, {"network", vpc.id}, {"ipCidrRange", "10.10.0.0/24"}});
  ASSERT_TRUE(h.Create(kSecret, "pw", {{"secretId", "neo4j-password"}, {"replication", Replication()}}).status.ok());
  auto vm = h.Create("gcp:compute/instance:Instance", "neo4j", VmWithScript(subnet.id, kFirstBootScript));
  ::unsetenv("GCPSIM_VM_BOOT_SECONDS");
  ASSERT_TRUE(vm.status.ok()) << vm.status.error_message();
  EXPECT_TRUE(h.Stored(kSecretVersion).empty()) << "still booting";
  auto store = Store::Open(h.database());
  ASSERT_TRUE(store.ok());
  auto catalog = Catalog::Load(DefaultSchemaPath());
  ASSERT_TRUE(catalog.ok());
  Cloud cloud(**store, **catalog, Placement{"apex-dev", "us-central1", "us-central1-a"});
  auto booted = cloud.BootDueVms(/*all=*/true);
  ASSERT_TRUE(booted.ok()) << booted.status();
  EXPECT_EQ(*booted, std::vector<std::string>{vm.id});
  EXPECT_EQ(h.Stored(kSecretVersion).size(), 1u);
}

TEST(RulesTest, ADiskAttachesOnlyInItsInstancesZone) {
  Harness h;
  h.Configure();
  auto vpc = h.Create(kNetwork, "vpc", {{"name", "vpc"}});
  auto subnet =
      h.Create(kSubnetwork, "subnet", {{"name", "subnet"}, {"network", vpc.id}, {"ipCidrRange", "10.10.0.0/24"}});
  auto disk = h.Create("gcp:compute/disk:Disk", "data", {{"name", "data"}, {"zone", "us-central1-b"}, {"size", 50.0}});
  ASSERT_TRUE(disk.status.ok()) << disk.status.error_message();
  PropertyMap vm{{"name", "neo4j"},
                 {"zone", "us-central1-a"},
                 {"machineType", "e2-standard-4"},
                 {"bootDisk", PropertyMap{{"initializeParams", PropertyMap{{"image", "debian-12"}}}}},
                 {"networkInterfaces", PropertyArray{PropertyMap{{"subnetwork", subnet.id}}}},
                 {"attachedDisks", PropertyArray{PropertyMap{{"source", disk.id}}}}};
  auto refused = h.Create("gcp:compute/instance:Instance", "neo4j", vm);
  EXPECT_THAT(refused.status.error_message(), HasSubstr("Disk must be in the same zone as the instance"));
  vm["zone"] = "us-central1-b";
  auto created = h.Create("gcp:compute/instance:Instance", "neo4j", vm);
  ASSERT_TRUE(created.status.ok()) << created.status.error_message();
  auto nic = created.outputs.at("networkInterfaces").AsArray().at(0).AsObject();
  EXPECT_EQ(nic.at("networkIp"), PropertyValue("10.10.0.2"));  // the subnet's first free host
}

TEST(RulesTest, ANetworkWithSubnetworksCannotBeDeleted) {
  Harness h;
  h.Configure();
  auto vpc = h.Create(kNetwork, "vpc", {{"name", "vpc"}});
  auto subnet =
      h.Create(kSubnetwork, "subnet", {{"name", "subnet"}, {"network", vpc.id}, {"ipCidrRange", "10.10.0.0/24"}});
  auto refused = h.Delete(kNetwork, "vpc", vpc.id, vpc.outputs);
  EXPECT_THAT(refused.error_message(),
              HasSubstr("is already being used by '" + subnet.id + "', resourceInUseByAnotherResource"));
  ASSERT_TRUE(h.Delete(kSubnetwork, "subnet", subnet.id, subnet.outputs).ok());
  EXPECT_TRUE(h.Delete(kNetwork, "vpc", vpc.id, vpc.outputs).ok());
}

TEST(RulesTest, AConnectionThatProducersUsedIsAbandonedNotDeleted) {
  Harness h;
  h.Configure();
  auto network = CreatePrivateNetwork(h);
  auto db = h.Create(kSql, "db", SqlInputs(network));
  ASSERT_TRUE(db.status.ok()) << db.status.error_message();
  ASSERT_TRUE(h.Delete(kSql, "db", db.id, db.outputs).ok());
  auto connection = h.Stored("gcp:servicenetworking/connection:Connection").at(0);
  // Cloud SQL keeps its side of the peering after the instance is gone: the delete is refused ...
  auto refused = h.Delete(connection.type, "vpc-psc", connection.id, connection.outputs);
  EXPECT_THAT(refused.error_message(),
              HasSubstr("Producer services (e.g. CloudSQL, Cloud Memstore, etc.) are still using"));
  // ... and abandoning it works: the provider forgets it, the peering stays with the network ...
  auto abandon = connection.outputs;
  abandon["deletionPolicy"] = "ABANDON";
  EXPECT_TRUE(h.Delete(connection.type, "vpc-psc", connection.id, abandon).ok());
  EXPECT_EQ(h.Stored(connection.type).size(), 1u);
  // ... and goes when the network goes.
  auto range = h.Stored("gcp:compute/globalAddress:GlobalAddress").at(0);
  ASSERT_TRUE(h.Delete(range.type, "vpc-psa", range.id, range.outputs).ok());
  auto vpc = h.Stored(kNetwork).at(0);
  ASSERT_TRUE(h.Delete(kNetwork, "vpc", vpc.id, vpc.outputs).ok());
  EXPECT_TRUE(h.Stored().empty());
}

TEST(RulesTest, AnAbandonedSqlUserGoesWithItsInstance) {
  Harness h;
  h.Configure();
  auto network = CreatePrivateNetwork(h);
  auto db = h.Create(kSql, "db", SqlInputs(network));
  auto user =
      h.Create("gcp:sql/user:User", "app", {{"name", "apex"}, {"instance", "db"}, {"deletionPolicy", "ABANDON"}});
  ASSERT_TRUE(user.status.ok()) << user.status.error_message();
  ASSERT_TRUE(h.Delete("gcp:sql/user:User", "app", user.id, user.outputs).ok());
  EXPECT_EQ(h.Stored("gcp:sql/user:User").size(), 1u);  // abandoned: still in the instance
  ASSERT_TRUE(h.Delete(kSql, "db", db.id, db.outputs).ok());
  EXPECT_TRUE(h.Stored("gcp:sql/user:User").empty());
}

TEST(RulesTest, DeletionProtectionRefusesDeletes) {
  Harness h;
  h.Configure();
  auto network = CreatePrivateNetwork(h);
  auto db = h.Create(kSql, "db", SqlInputs(network, true));
  ASSERT_TRUE(db.status.ok()) << db.status.error_message();
  EXPECT_THAT(h.Delete(kSql, "db", db.id, db.outputs).error_message(),
              HasSubstr("failed to delete instance because deletion_protection is set to true"));
  auto unprotected = db.outputs;
  unprotected["deletionProtection"] = false;
  EXPECT_TRUE(h.Delete(kSql, "db", db.id, unprotected).ok());

  auto redis = h.Create(kRedis, "cache", {{"name", "cache"}, {"memorySizeGb", 1.0}, {"deletionProtection", true}});
  EXPECT_THAT(h.Delete(kRedis, "cache", redis.id, redis.outputs).error_message(),
              HasSubstr("cannot destroy instance without setting deletion_protection=false"));

  auto secret =
      h.Create(kSecret, "s", {{"secretId", "s"}, {"replication", Replication()}, {"deletionProtection", true}});
  EXPECT_THAT(h.Delete(kSecret, "s", secret.id, secret.outputs).error_message(),
              HasSubstr("cannot destroy secret without setting deletion_protection=false"));

  ASSERT_TRUE(
      h.Create(kSecret, "db-password", {{"secretId", "db-password"}, {"replication", Replication()}}).status.ok());
  ASSERT_TRUE(
      h.Create(kSecretVersion, "v1",
               {{"secret", "projects/apex-dev/secrets/db-password"}, {"secretData", PropertyValue::MakeSecret("x")}})
          .status.ok());
  auto run = h.Create(kRun, "api", RunInputs("db-password", true));
  ASSERT_TRUE(run.status.ok()) << run.status.error_message();
  EXPECT_THAT(h.Delete(kRun, "api", run.id, run.outputs).error_message(),
              HasSubstr("cannot destroy service without setting deletion_protection=false"));
  EXPECT_EQ(h.Stored(kRun).size(), 1u);
}

TEST(RulesTest, CloudSqlApiProtectionRefusesEvenWithoutTheProviderFlag) {
  Harness h;
  h.Configure();
  auto network = CreatePrivateNetwork(h);
  auto inputs = SqlInputs(network);
  inputs["settings"] = PropertyMap{{"tier", "db-f1-micro"},
                                   {"deletionProtectionEnabled", true},
                                   {"ipConfiguration", PropertyMap{{"privateNetwork", network}}}};
  auto db = h.Create(kSql, "db", inputs);
  ASSERT_TRUE(db.status.ok()) << db.status.error_message();
  EXPECT_THAT(h.Delete(kSql, "db", db.id, db.outputs).error_message(), HasSubstr("The instance is protected"));
}

}  // namespace
}  // namespace pulumi::gcpsim
