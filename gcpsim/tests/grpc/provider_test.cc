// The provider as the engine drives it: plugin info, schema, handshake, previews that never write, reads of
// what the cloud holds now (drift, out-of-band deletes), updates that keep what Google assigned, invokes,
// parallel creates from one process and from several, and malformed requests.
#include "harness.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

namespace pulumi::gcpsim {
namespace {

using ::testing::HasSubstr;
using testing_util::CreatePrivateNetwork;
using testing_util::Harness;

constexpr char kNetwork[] = "gcp:compute/network:Network";
constexpr char kAccount[] = "gcp:serviceaccount/account:Account";

TEST(ProviderTest, ReportsVersionSchemaAndHandshake) {
  Harness h;
  pulumirpc::PluginInfo info;
  {
    grpc::ClientContext ctx;
    ASSERT_TRUE(h.stub().GetPluginInfo(&ctx, {}, &info).ok());
  }
  EXPECT_EQ(info.version(), PULUMI_CPP_GCP_VERSION);
  pulumirpc::GetSchemaResponse schema;
  {
    grpc::ClientContext ctx;
    ASSERT_TRUE(h.stub().GetSchema(&ctx, {}, &schema).ok());
  }
  EXPECT_THAT(schema.schema().substr(0, 2000), HasSubstr("\"name\""));
  EXPECT_GT(schema.schema().size(), 1000000u);
  pulumirpc::ProviderHandshakeResponse hs;
  {
    grpc::ClientContext ctx;
    ASSERT_TRUE(h.stub().Handshake(&ctx, {}, &hs).ok());
  }
  EXPECT_TRUE(hs.accept_secrets());
  EXPECT_TRUE(hs.supports_autonaming_configuration());
}

TEST(ProviderTest, APreviewNeverWrites) {
  Harness h;
  h.Configure();
  auto preview = h.Create(kNetwork, "vpc", {{"name", "vpc"}}, /*preview=*/true);
  ASSERT_TRUE(preview.status.ok());
  EXPECT_TRUE(preview.outputs.at("numericId").is_computed());
  EXPECT_TRUE(h.Stored().empty());
  auto created = h.Create(kNetwork, "vpc", {{"name", "vpc"}});
  auto update_preview =
      h.Update(kNetwork, "vpc", created.id, created.outputs, {{"name", "vpc"}, {"description", "x"}}, true);
  ASSERT_TRUE(update_preview.status.ok()) << update_preview.status.error_message();
  EXPECT_FALSE(h.Stored(kNetwork).at(0).inputs.contains("description"));
}

TEST(ProviderTest, ReadReturnsWhatTheCloudHoldsNow) {
  Harness h;
  h.Configure();
  auto sa = h.Create(kAccount, "sa", {{"accountId", "apex-a"}, {"displayName", "before"}});
  {
    auto store = Store::Open(h.database());
    ASSERT_TRUE(store.ok());
    auto stored = *(*store)->Get(kAccount, sa.id);
    ASSERT_TRUE(stored);
    stored->inputs["displayName"] = "changed in the console";
    stored->outputs["displayName"] = "changed in the console";
    ASSERT_TRUE((*store)->Write([&](Store& s) { return s.Put(*stored); }).ok());
  }
  auto read = h.Read(kAccount, "sa", sa.id);
  ASSERT_TRUE(read.status.ok());
  EXPECT_EQ(read.id, sa.id);
  EXPECT_EQ(read.outputs.at("displayName"), PropertyValue("changed in the console"));
  {
    auto store = Store::Open(h.database());
    ASSERT_TRUE((*store)->Write([&](Store& s) { return s.Remove(kAccount, sa.id); }).ok());
  }
  auto gone = h.Read(kAccount, "sa", sa.id);
  ASSERT_TRUE(gone.status.ok());
  EXPECT_EQ(gone.id, "");  // the engine drops it from the state
}

TEST(ProviderTest, AnUpdateKeepsWhatGoogleAssigned) {
  Harness h;
  h.Configure();
  auto network = CreatePrivateNetwork(h);
  PropertyMap inputs{{"name", "cache"},
                     {"memorySizeGb", 1.0},
                     {"authorizedNetwork", network},
                     {"connectMode", "PRIVATE_SERVICE_ACCESS"},
                     {"authEnabled", true}};
  auto redis = h.Create("gcp:redis/instance:Instance", "cache", inputs);
  ASSERT_TRUE(redis.status.ok()) << redis.status.error_message();
  auto bigger = inputs;
  bigger["memorySizeGb"] = 5.0;
  auto updated = h.Update("gcp:redis/instance:Instance", "cache", redis.id, redis.outputs, bigger);
  ASSERT_TRUE(updated.status.ok()) << updated.status.error_message();
  EXPECT_EQ(updated.outputs.at("memorySizeGb"), PropertyValue(5.0));
  EXPECT_EQ(updated.outputs.at("host"), redis.outputs.at("host"));
  EXPECT_EQ(updated.outputs.at("authString"), redis.outputs.at("authString"));
  EXPECT_EQ(updated.outputs.at("createTime"), redis.outputs.at("createTime"));
}

TEST(ProviderTest, DeletingWhatIsAlreadyGoneSucceeds) {
  Harness h;
  h.Configure();
  EXPECT_TRUE(h.Delete(kNetwork, "vpc", "projects/apex-dev/global/networks/vpc", {}).ok());
}

TEST(ProviderTest, CreatingWhatExistsIsAConflict) {
  Harness h;
  h.Configure();
  ASSERT_TRUE(h.Create(kNetwork, "vpc", {{"name", "vpc"}}).status.ok());
  auto again = h.Create(kNetwork, "vpc2", {{"name", "vpc"}});
  EXPECT_THAT(again.status.error_message(), HasSubstr("Error 409"));
}

pulumirpc::InvokeResponse Invoke(Harness& h, std::string const& token, PropertyMap const& args) {
  pulumirpc::InvokeRequest req;
  req.set_tok(token);
  *req.mutable_args() = ToWire(args);
  pulumirpc::InvokeResponse resp;
  grpc::ClientContext ctx;
  EXPECT_TRUE(h.stub().Invoke(&ctx, req, &resp).ok());
  return resp;
}

TEST(ProviderTest, InvokesAnswerFromTheCloud) {
  Harness h;
  h.Configure();
  auto project = Invoke(h, "gcp:organizations/getProject:getProject", {});
  ASSERT_EQ(project.failures_size(), 0);
  EXPECT_EQ(FromWire(project.return_())->at("projectId"), PropertyValue("apex-dev"));
  auto vpc = h.Create(kNetwork, "vpc", {{"name", "apex-vpc"}});
  auto found = Invoke(h, "gcp:compute/getNetwork:getNetwork", {{"name", "apex-vpc"}});
  ASSERT_EQ(found.failures_size(), 0) << found.failures(0).reason();
  EXPECT_EQ(FromWire(found.return_())->at("selfLink"), vpc.outputs.at("selfLink"));
  auto missing = Invoke(h, "gcp:compute/getNetwork:getNetwork", {{"name", "nope"}});
  ASSERT_EQ(missing.failures_size(), 1);
  EXPECT_THAT(missing.failures(0).reason(), HasSubstr("Error 404"));
  auto bad = Invoke(h, "gcp:compute/getNetwork:getNetwork", {{"nam", "x"}});
  ASSERT_GE(bad.failures_size(), 1);
  EXPECT_THAT(bad.failures(0).reason(), HasSubstr("'nam' is not a property"));
}

TEST(ProviderTest, GetNetworksListsTheNetworksOfTheProject) {
  Harness h;
  h.Configure();
  auto none = Invoke(h, "gcp:compute/getNetworks:getNetworks", {});
  ASSERT_EQ(none.failures_size(), 0);
  EXPECT_EQ(FromWire(none.return_())->at("networks"), PropertyValue(PropertyArray{}));
  ASSERT_TRUE(h.Create(kNetwork, "vpc", {{"name", "apex-vpc"}}).status.ok());
  ASSERT_TRUE(h.Create(kNetwork, "default", {{"name", "default"}}).status.ok());
  ASSERT_TRUE(h.Create(kNetwork, "other", {{"name", "elsewhere"}, {"project", "apex-other"}}).status.ok());
  auto listed = Invoke(h, "gcp:compute/getNetworks:getNetworks", {});
  ASSERT_EQ(listed.failures_size(), 0);
  EXPECT_EQ(FromWire(listed.return_())->at("networks"),
            PropertyValue(PropertyArray{PropertyValue("apex-vpc"), PropertyValue("default")}));
  auto other = Invoke(h, "gcp:compute/getNetworks:getNetworks", {{"project", "apex-other"}});
  EXPECT_EQ(FromWire(other.return_())->at("networks"), PropertyValue(PropertyArray{PropertyValue("elsewhere")}));
}

TEST(ProviderTest, ParallelCreatesFromOneProviderAllLand) {
  Harness h;
  h.Configure();
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&, i] {
      auto r = h.Create(kAccount, "sa" + std::to_string(i), {{"accountId", "apex-sa-" + std::to_string(i)}});
      if (!r.status.ok()) ++failures;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(h.Stored(kAccount).size(), 16u);
}

TEST(ProviderTest, SeveralProvidersShareOneCloud) {
  Harness first;
  first.Configure();
  Harness second(first.database());
  second.Configure();
  auto network = CreatePrivateNetwork(first);
  std::vector<std::string> ips;
  std::mutex mu;
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      auto& h = i % 2 == 0 ? first : second;
      auto name = "db" + std::to_string(i);
      auto r = h.Create("gcp:sql/databaseInstance:DatabaseInstance", name,
                        {{"name", name},
                         {"databaseVersion", "POSTGRES_16"},
                         {"settings", PropertyMap{{"tier", "db-f1-micro"},
                                                  {"ipConfiguration", PropertyMap{{"privateNetwork", network}}}}}});
      std::lock_guard lock(mu);
      ips.push_back(r.status.ok() ? r.outputs.at("privateIpAddress").AsString() : r.status.error_message());
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> distinct(ips.begin(), ips.end());
  EXPECT_EQ(distinct.size(), 8u) << ::testing::PrintToString(ips);
  EXPECT_EQ(first.Stored("gcp:sql/databaseInstance:DatabaseInstance").size(), 8u);
}

TEST(ProviderTest, MalformedRequestsAreGrpcErrors) {
  Harness h;
  h.Configure();
  pulumirpc::CreateRequest req;
  req.set_urn(Harness::Urn(kNetwork, "vpc"));
  auto& bad = (*(*req.mutable_properties()->mutable_fields())["labels"].mutable_struct_value()->mutable_fields());
  bad["4dabf18193072939515e22adb298388d"].set_string_value("not-a-known-signature");
  pulumirpc::CreateResponse resp;
  grpc::ClientContext ctx;
  auto s = h.stub().Create(&ctx, req, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("labels"));
  EXPECT_TRUE(h.Stored().empty());
}

TEST(ProviderTest, TheTypeComesFromTheUrnWhenTheRequestLacksIt) {
  EXPECT_EQ(TypeOfRequest("", "urn:pulumi:dev::apex::apex:network:Network$gcp:compute/network:Network::vpc"),
            "gcp:compute/network:Network");
  EXPECT_EQ(NameOfUrn("urn:pulumi:dev::apex::gcp:compute/network:Network::vpc"), "vpc");
}

}  // namespace
}  // namespace pulumi::gcpsim

namespace pulumi::gcpsim {
namespace {

TEST(ProviderConfigTest, TheDatabaseComesFromTheProviderConfigUnlessGcpsimDbIsSet) {
  auto configured = testing_util::FreshDatabase("configured");
  auto from_env = testing_util::FreshDatabase("from-env");
  auto create_network = [](Provider& p, std::string const& database) {
    pulumirpc::ConfigureRequest configure;
    *configure.mutable_args() = ToWire({{"project", "p"}, {"region", "r"}, {"simulatorDatabase", database}});
    pulumirpc::ConfigureResponse configured_resp;
    ASSERT_TRUE(p.Configure(nullptr, &configure, &configured_resp).ok());
    pulumirpc::CreateRequest create;
    create.set_urn(Harness::Urn(kNetwork, "vpc"));
    create.set_type(kNetwork);
    *create.mutable_properties() = ToWire({{"name", "vpc"}});
    pulumirpc::CreateResponse created;
    auto s = p.Create(nullptr, &create, &created);
    ASSERT_TRUE(s.ok()) << s.error_message();
  };
  unsetenv("GCPSIM_DB");
  {
    Provider p(testing_util::GcpCatalog(), {});
    create_network(p, configured);
  }
  EXPECT_EQ(Harness(configured).Stored(kNetwork).size(), 1u);
  setenv("GCPSIM_DB", from_env.c_str(), 1);
  {
    Provider p(testing_util::GcpCatalog(), {});
    create_network(p, testing_util::FreshDatabase("ignored"));
  }
  unsetenv("GCPSIM_DB");
  EXPECT_EQ(Harness(from_env).Stored(kNetwork).size(), 1u);
}

}  // namespace
}  // namespace pulumi::gcpsim
