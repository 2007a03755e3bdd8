// The outputs Google computes, per type, as the provider returns them over gRPC (hand models), and the generic
// model for types without one.
#include "harness.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace pulumi::gcpsim {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;
using testing_util::CreatePrivateNetwork;
using testing_util::Harness;

std::string S(PropertyMap const& m, std::string const& key) {
  auto const* v = Lookup(m, key);
  return v && v->is_string() ? v->AsString() : "<" + key + " missing>";
}

TEST(ModelTest, NetworkAndSubnetwork) {
  Harness h;
  h.Configure("apex-dev", "europe-west1");
  auto vpc = h.Create("gcp:compute/network:Network", "vpc", {{"name", "apex-vpc"}});
  ASSERT_TRUE(vpc.status.ok()) << vpc.status.error_message();
  EXPECT_EQ(vpc.id, "projects/apex-dev/global/networks/apex-vpc");
  EXPECT_EQ(S(vpc.outputs, "selfLink"),
            "https://www.googleapis.com/compute/v1/projects/apex-dev/global/networks/apex-vpc");
  EXPECT_THAT(S(vpc.outputs, "numericId"), MatchesRegex("[1-9][0-9]{18}"));
  auto subnet = h.Create("gcp:compute/subnetwork:Subnetwork", "subnet",
                         {{"name", "apex-subnet"}, {"network", vpc.id}, {"ipCidrRange", "10.20.0.0/20"}});
  ASSERT_TRUE(subnet.status.ok()) << subnet.status.error_message();
  EXPECT_EQ(subnet.id, "projects/apex-dev/regions/europe-west1/subnetworks/apex-subnet");
  EXPECT_EQ(S(subnet.outputs, "gatewayAddress"), "10.20.0.1");
  EXPECT_EQ(S(subnet.outputs, "region"), "europe-west1");
}

TEST(ModelTest, CloudSqlInstance) {
  Harness h;
  h.Configure();
  auto network = CreatePrivateNetwork(h);
  auto db = h.Create("gcp:sql/databaseInstance:DatabaseInstance", "apex-postgres",
                     {{"name", "apex-postgres"},
                      {"databaseVersion", "POSTGRES_16"},
                      {"deletionProtection", false},
                      {"settings", PropertyMap{{"tier", "db-f1-micro"},
                                               {"ipConfiguration", PropertyMap{{"privateNetwork", network}}}}}});
  ASSERT_TRUE(db.status.ok()) << db.status.error_message();
  EXPECT_EQ(db.id, "apex-postgres");
  EXPECT_EQ(S(db.outputs, "connectionName"), "apex-dev:us-central1:apex-postgres");
  EXPECT_EQ(S(db.outputs, "selfLink"),
            "https://sqladmin.googleapis.com/sql/v1beta4/projects/apex-dev/instances/apex-postgres");
  EXPECT_EQ(S(db.outputs, "privateIpAddress"), "10.60.0.2");
  EXPECT_EQ(S(db.outputs, "publicIpAddress"), "");
  auto const& certs = db.outputs.at("serverCaCerts").AsArray();
  ASSERT_EQ(certs.size(), 1u);
  EXPECT_THAT(S(certs[0].AsObject(), "cert"), StartsWith("-----BEGIN CERTIFICATE-----"));
  EXPECT_THAT(S(db.outputs, "serviceAccountEmailAddress"), HasSubstr("@gcp-sa-cloud-sql.iam.gserviceaccount.com"));
}

TEST(ModelTest, MemorystoreRedis) {
  Harness h;
  h.Configure();
  auto network = CreatePrivateNetwork(h);
  auto redis = h.Create("gcp:redis/instance:Instance", "cache",
                        {{"name", "apex-redis"},
                         {"memorySizeGb", 1.0},
                         {"authorizedNetwork", network},
                         {"connectMode", "PRIVATE_SERVICE_ACCESS"},
                         {"authEnabled", true},
                         {"transitEncryptionMode", "SERVER_AUTHENTICATION"}});
  ASSERT_TRUE(redis.status.ok()) << redis.status.error_message();
  EXPECT_EQ(redis.id, "projects/apex-dev/locations/us-central1/instances/apex-redis");
  EXPECT_EQ(S(redis.outputs, "host"), "10.60.0.2");
  EXPECT_EQ(redis.outputs.at("port"), PropertyValue(6379.0));
  ASSERT_TRUE(redis.outputs.at("authString").is_secret());
  EXPECT_THAT(redis.outputs.at("authString").SecretElement().AsString(), MatchesRegex("[0-9a-f]{32}"));
  EXPECT_EQ(redis.outputs.at("serverCaCerts").AsArray().size(), 1u);
  EXPECT_EQ(S(redis.outputs, "currentLocationId"), "us-central1-a");
}

TEST(ModelTest, CloudRunServiceAndServiceAccount) {
  Harness h;
  h.Configure();
  auto sa = h.Create("gcp:serviceaccount/account:Account", "api-sa", {{"accountId", "apex-api"}});
  ASSERT_TRUE(sa.status.ok()) << sa.status.error_message();
  EXPECT_EQ(S(sa.outputs, "email"), "apex-api@apex-dev.iam.gserviceaccount.com");
  EXPECT_EQ(S(sa.outputs, "member"), "serviceAccount:apex-api@apex-dev.iam.gserviceaccount.com");
  EXPECT_THAT(S(sa.outputs, "uniqueId"), MatchesRegex("[1-9][0-9]{20}"));
  EXPECT_EQ(sa.id, "projects/apex-dev/serviceAccounts/apex-api@apex-dev.iam.gserviceaccount.com");

  auto run = h.Create("gcp:cloudrunv2/service:Service", "api",
                      {{"name", "api-gateway"},
                       {"location", "us-central1"},
                       {"deletionProtection", false},
                       {"template", PropertyMap{{"serviceAccount", S(sa.outputs, "email")},
                                                {"containers", PropertyArray{PropertyMap{{"image", "gcr.io/a/b"}}}}}}});
  ASSERT_TRUE(run.status.ok()) << run.status.error_message();
  EXPECT_EQ(run.id, "projects/apex-dev/locations/us-central1/services/api-gateway");
  EXPECT_THAT(S(run.outputs, "uri"), MatchesRegex("https://api-gateway-[0-9]{12}\\.us-central1\\.run\\.app"));
  EXPECT_THAT(S(run.outputs, "uid"), MatchesRegex("[0-9a-f]{32}"));
}

TEST(ModelTest, SecretsAndVersions) {
  Harness h;
  h.Configure();
  auto secret = h.Create("gcp:secretmanager/secret:Secret", "pw",
                         {{"secretId", "db-password"}, {"replication", PropertyMap{{"auto", PropertyMap{}}}}});
  ASSERT_TRUE(secret.status.ok()) << secret.status.error_message();
  EXPECT_EQ(secret.id, "projects/apex-dev/secrets/db-password");
  EXPECT_THAT(S(secret.outputs, "name"), MatchesRegex("projects/[0-9]{12}/secrets/db-password"));
  auto version = h.Create("gcp:secretmanager/secretVersion:SecretVersion", "pw-v",
                          {{"secret", secret.id}, {"secretData", PropertyValue::MakeSecret("hunter2")}});
  ASSERT_TRUE(version.status.ok()) << version.status.error_message();
  EXPECT_EQ(version.id, S(secret.outputs, "name") + "/versions/1");
  EXPECT_TRUE(version.outputs.at("secretData").is_secret());
}

TEST(ModelTest, BucketAndIamMember) {
  Harness h;
  h.Configure();
  auto bucket = h.Create("gcp:storage/bucket:Bucket", "data", {{"name", "apex-qdrant"}, {"location", "US"}});
  ASSERT_TRUE(bucket.status.ok()) << bucket.status.error_message();
  EXPECT_EQ(bucket.id, "apex-qdrant");
  EXPECT_EQ(S(bucket.outputs, "url"), "gs://apex-qdrant");
  auto member = h.Create("gcp:storage/bucketIAMMember:BucketIAMMember", "m",
                         {{"bucket", "apex-qdrant"}, {"role", "roles/storage.objectAdmin"}, {"member", "user:a@b.c"}});
  ASSERT_TRUE(member.status.ok()) << member.status.error_message();
  EXPECT_EQ(member.id, "b/apex-qdrant/roles/storage.objectAdmin/user:a@b.c");
  EXPECT_THAT(S(member.outputs, "etag"), StartsWith("BwY"));
}

TEST(ModelTest, MonitoringIdsAreServerAssigned) {
  Harness h;
  h.Configure();
  auto channel = h.Create("gcp:monitoring/notificationChannel:NotificationChannel", "oncall",
                          {{"type", "email"}, {"labels", PropertyMap{{"email_address", "oncall@apex.dev"}}}});
  ASSERT_TRUE(channel.status.ok()) << channel.status.error_message();
  EXPECT_THAT(channel.id, MatchesRegex("projects/apex-dev/notificationChannels/[0-9]{19}"));
  EXPECT_EQ(S(channel.outputs, "name"), channel.id);
}

TEST(ModelTest, ArtifactRegistryDockerRepositoryHasItsRegistryHost) {
  Harness h;
  h.Configure("apex-dev", "us-central1");
  auto repo = h.Create("gcp:artifactregistry/repository:Repository", "repo",
                       {{"repositoryId", "apex"}, {"format", "DOCKER"}, {"location", "us-central1"}});
  ASSERT_TRUE(repo.status.ok()) << repo.status.error_message();
  EXPECT_EQ(repo.id, "projects/apex-dev/locations/us-central1/repositories/apex");
  EXPECT_EQ(S(repo.outputs, "registryUri"), "us-central1-docker.pkg.dev/apex-dev/apex");
  EXPECT_EQ(S(repo.outputs, "name"), "apex");
}

TEST(ModelTest, ProjectServiceAndCloudRunJob) {
  Harness h;
  h.Configure("apex-dev", "us-central1");
  auto api = h.Create("gcp:projects/service:Service", "api-run", {{"service", "run.googleapis.com"}});
  ASSERT_TRUE(api.status.ok()) << api.status.error_message();
  EXPECT_EQ(api.id, "apex-dev/run.googleapis.com");
  // disableOnDestroy false: deleting the resource leaves the API enabled (another stack may use it).
  auto kept = h.Create("gcp:projects/service:Service", "api-sql",
                       {{"service", "sqladmin.googleapis.com"}, {"disableOnDestroy", false}});
  ASSERT_TRUE(h.Delete("gcp:projects/service:Service", "api-sql", kept.id, kept.outputs).ok());
  ASSERT_TRUE(h.Delete("gcp:projects/service:Service", "api-run", api.id, api.outputs).ok());
  auto again = h.Create("gcp:projects/service:Service", "api-run", {{"service", "run.googleapis.com"}});
  EXPECT_TRUE(again.status.ok()) << "a disabled API can be enabled again";
  EXPECT_EQ(h.Stored("gcp:projects/service:Service").size(), 2u) << "sqladmin stays enabled, run is enabled again";
  auto twice = h.Create("gcp:projects/service:Service", "api-sql-2", {{"service", "sqladmin.googleapis.com"}});
  EXPECT_TRUE(twice.status.ok()) << "enabling an enabled API succeeds: " << twice.status.error_message();
  auto job = h.Create(
      "gcp:cloudrunv2/job:Job", "migrate",
      {{"name", "apex-db-migrate"},
       {"location", "us-central1"},
       {"template", PropertyMap{{"template", PropertyMap{{"containers",
                                                          PropertyArray{PropertyMap{{"image", "postgres:18.1"}}}}}}}}});
  ASSERT_TRUE(job.status.ok()) << job.status.error_message();
  EXPECT_EQ(job.id, "projects/apex-dev/locations/us-central1/jobs/apex-db-migrate");
  EXPECT_THAT(S(job.outputs, "uid"), MatchesRegex("[0-9a-f]{32}"));
}

TEST(ModelTest, LoadBalancerPartsAndAnExternalAddress) {
  Harness h;
  h.Configure("apex-prod", "us-central1");
  auto ip = h.Create("gcp:compute/globalAddress:GlobalAddress", "ip", {{"name", "apex-edge-ip"}});
  ASSERT_TRUE(ip.status.ok()) << ip.status.error_message();
  EXPECT_THAT(S(ip.outputs, "address"), MatchesRegex("34\\.[0-9]+\\.[0-9]+\\.[0-9]+"));
  auto cert = h.Create("gcp:compute/managedSslCertificate:ManagedSslCertificate", "cert",
                       {{"name", "apex-edge-cert"},
                        {"managed", PropertyMap{{"domains", PropertyArray{PropertyValue("api.example.com")}}}}});
  ASSERT_TRUE(cert.status.ok()) << cert.status.error_message();
  EXPECT_EQ(S(cert.outputs, "selfLink"),
            "https://www.googleapis.com/compute/v1/projects/apex-prod/global/sslCertificates/apex-edge-cert");
  EXPECT_EQ(cert.outputs.at("subjectAlternativeNames"), PropertyValue(PropertyArray{PropertyValue("api.example.com")}));
  auto neg = h.Create("gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup", "neg",
                      {{"name", "apex-gw-neg"}, {"region", "us-central1"}, {"networkEndpointType", "SERVERLESS"}});
  ASSERT_TRUE(neg.status.ok()) << neg.status.error_message();
  EXPECT_EQ(neg.id, "projects/apex-prod/regions/us-central1/networkEndpointGroups/apex-gw-neg");
  auto backend = h.Create("gcp:compute/backendService:BackendService", "backend", {{"name", "apex-gw-backend"}});
  ASSERT_TRUE(backend.status.ok()) << backend.status.error_message();
  EXPECT_EQ(backend.id, "projects/apex-prod/global/backendServices/apex-gw-backend");
}

TEST(ModelTest, KmsKeysAndWorkloadIdentityAreNamedAsGoogleNamesThem) {
  Harness h;
  h.Configure("apex-prod", "us-central1");
  auto ring = h.Create("gcp:kms/keyRing:KeyRing", "ring", {{"name", "apex-pulumi"}, {"location", "us-central1"}});
  ASSERT_TRUE(ring.status.ok()) << ring.status.error_message();
  EXPECT_EQ(ring.id, "projects/apex-prod/locations/us-central1/keyRings/apex-pulumi");
  auto key = h.Create("gcp:kms/cryptoKey:CryptoKey", "key", {{"name", "stack-secrets"}, {"keyRing", ring.id}});
  ASSERT_TRUE(key.status.ok()) << key.status.error_message();
  EXPECT_EQ(key.id, ring.id + "/cryptoKeys/stack-secrets");
  auto pool =
      h.Create("gcp:iam/workloadIdentityPool:WorkloadIdentityPool", "pool", {{"workloadIdentityPoolId", "github"}});
  ASSERT_TRUE(pool.status.ok()) << pool.status.error_message();
  EXPECT_EQ(pool.id, "projects/apex-prod/locations/global/workloadIdentityPools/github");
  EXPECT_EQ(S(pool.outputs, "name"),
            "projects/" + ProjectNumber("apex-prod") + "/locations/global/workloadIdentityPools/github");
}

TEST(ModelTest, ATypeWithoutAHandModelGetsTheGenericOne) {
  Harness h;
  h.Configure();
  auto topic = h.Create("gcp:pubsub/topic:Topic", "events", {{"name", "events"}, {"labels", PropertyMap{{"a", "b"}}}});
  ASSERT_TRUE(topic.status.ok()) << topic.status.error_message();
  EXPECT_EQ(topic.id, "events");
  EXPECT_EQ(S(topic.outputs, "name"), "events");
  EXPECT_TRUE(topic.outputs.contains("effectiveLabels"));
  EXPECT_TRUE(topic.outputs.contains("pulumiLabels"));
  EXPECT_EQ(topic.outputs.at("labels"), PropertyValue(PropertyMap{{"a", "b"}}));
}

TEST(ModelTest, APreviewLeavesComputedValuesUnknown) {
  Harness h;
  h.Configure();
  auto preview = h.Create("gcp:serviceaccount/account:Account", "sa", {{"accountId", "apex-x"}}, /*preview=*/true);
  ASSERT_TRUE(preview.status.ok());
  EXPECT_TRUE(preview.outputs.at("uniqueId").is_computed());
  EXPECT_EQ(S(preview.outputs, "email"), "apex-x@apex-dev.iam.gserviceaccount.com");  // known from the inputs
}

}  // namespace
}  // namespace pulumi::gcpsim
