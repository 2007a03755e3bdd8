// gcp-sim, the operator command, run as a subprocess against a database the test fills through the Store:
// what it prints, what it changes in the cloud, and how it refuses bad input.
#include "store.h"
#include "subprocess.h"
#include "values.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace pulumi::gcpsim {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kNetwork[] = "gcp:compute/network:Network";
constexpr char kSubnetwork[] = "gcp:compute/subnetwork:Subnetwork";
constexpr char kRedis[] = "gcp:redis/instance:Instance";
constexpr char kSql[] = "gcp:sql/databaseInstance:DatabaseInstance";
constexpr char kNetworkId[] = "projects/demo/global/networks/main-net";
constexpr char kSubnetworkId[] = "projects/demo/regions/us-central1/subnetworks/main-subnet";
constexpr char kRedisId[] = "projects/demo/locations/us-central1/instances/cache-7f3a";
constexpr char kSqlId[] = "db-main";

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

class GcpSimCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto const* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("gcp_sim_cli_test-" + std::to_string(getpid()) + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "cloud.db").string();
    auto store = Store::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    Seed();
  }

  void TearDown() override {
    store_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  void Put(StoredResource r) {
    r.created = "2025-01-02T03:04:05Z";
    ASSERT_TRUE(store_->Put(r).ok());
  }

  void Seed() {
    Put({.type = kNetwork,
         .id = kNetworkId,
         .name = "main",
         .urn = "urn:pulumi:dev::demo::" + std::string(kNetwork) + "::main",
         .inputs = {{"name", "main-net"}, {"autoCreateSubnetworks", false}},
         .outputs = {{"name", "main-net"}, {"autoCreateSubnetworks", false}, {"selfLink", "https://x/main-net"}}});
    Put({.type = kSubnetwork,
         .id = kSubnetworkId,
         .name = "main",
         .urn = "",
         .inputs = {{"name", "main-subnet"}, {"ipCidrRange", "10.0.0.0/24"}},
         .outputs = {{"name", "main-subnet"}, {"ipCidrRange", "10.0.0.0/24"}}});
    Put({.type = kRedis,
         .id = kRedisId,
         .name = "cache",
         .urn = "",
         .inputs = {{"name", "cache-7f3a"},
                    {"memorySizeGb", 1},
                    {"tier", "BASIC"},
                    {"authEnabled", true},
                    {"labels", PropertyMap{{"team", "web"}}}},
         .outputs = {{"name", "cache-7f3a"},
                     {"memorySizeGb", 1},
                     {"tier", "BASIC"},
                     {"authEnabled", true},
                     {"labels", PropertyMap{{"team", "web"}}},
                     {"host", "10.0.0.3"},
                     {"authString", PropertyValue::MakeSecret("s3cret")}}});
    PropertyMap settings{{"tier", "db-f1-micro"}, {"diskSize", 10}};
    Put({.type = kSql,
         .id = kSqlId,
         .name = "db",
         .urn = "",
         .inputs = {{"name", "db-main"},
                    {"settings", settings},
                    {"rootPassword", PropertyValue::MakeSecret("hunter2")}},
         .outputs = {{"name", "db-main"},
                     {"settings", settings},
                     {"rootPassword", PropertyValue::MakeSecret("hunter2")},
                     {"connectionName", "demo:us-central1:db-main"}}});
  }

  Result Run(std::vector<std::string> args, bool with_db = true, std::map<std::string, std::string> env = {}) {
    host::ProcessSpec spec;
    spec.argv = {GCP_SIM};
    if (with_db) {
      spec.argv.push_back("--db");
      spec.argv.push_back(db_);
    }
    spec.argv.insert(spec.argv.end(), args.begin(), args.end());
    spec.env = std::move(env);
    spec.capture = true;
    Result r;
    std::string error;
    auto p = host::Subprocess::Start(spec, &error);
    if (!p) {
      r.err = error;
      return r;
    }
    r.code = p->Wait(
        [&](host::Stream s, std::string_view data) { (s == host::Stream::kStdout ? r.out : r.err).append(data); });
    return r;
  }

  StoredResource Get(std::string const& type, std::string const& id) {
    auto r = store_->Get(type, id);
    EXPECT_TRUE(r.ok()) << r.status();
    EXPECT_TRUE(r.ok() && r->has_value()) << id << " is gone";
    return r.ok() && r->has_value() ? **r : StoredResource{};
  }

  std::size_t Count() {
    auto all = store_->List();
    EXPECT_TRUE(all.ok());
    return all.ok() ? all->size() : 0;
  }

  fs::path dir_;
  std::string db_;
  std::unique_ptr<Store> store_;
};

TEST_F(GcpSimCliTest, LsListsEveryResource) {
  auto r = Run({"ls"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("TYPE"), HasSubstr("ID"), HasSubstr("NAME"), HasSubstr("CREATED")));
  for (auto const* s : {kNetwork, kNetworkId, kSubnetwork, kSubnetworkId, kRedis, kRedisId, kSql, kSqlId, "cache",
                        "2025-01-02T03:04:05Z"}) {
    EXPECT_THAT(r.out, HasSubstr(s));
  }
  EXPECT_THAT(r.out, Not(HasSubstr("s3cret")));
}

TEST_F(GcpSimCliTest, LsFiltersByType) {
  auto r = Run({"ls", "--type", kRedis});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(kRedisId));
  EXPECT_THAT(r.out, Not(HasSubstr(kNetworkId)));
  auto none = Run({"ls", "--type=gcp:nothing/here:Here"});
  EXPECT_EQ(none.code, 0);
  EXPECT_THAT(none.err, HasSubstr("no resources of type gcp:nothing/here:Here"));
}

TEST_F(GcpSimCliTest, DatabaseFromEnvironment) {
  auto r = Run({"ls"}, /*with_db=*/false, {{"GCPSIM_DB", db_}});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(kRedisId));
}

TEST_F(GcpSimCliTest, ShowMasksSecretsUnlessRevealed) {
  auto r = Run({"show", "cache"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, Not(HasSubstr("s3cret")));
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["type"], kRedis);
  EXPECT_EQ(j["id"], kRedisId);
  EXPECT_EQ(j["name"], "cache");
  EXPECT_EQ(j["outputs"]["authString"], "[secret]");
  EXPECT_EQ(j["outputs"]["memorySizeGb"], 1);
  EXPECT_EQ(j["inputs"]["tier"], "BASIC");

  auto revealed = Run({"show", "cache", "--reveal"});
  ASSERT_EQ(revealed.code, 0) << revealed.err;
  EXPECT_EQ(nlohmann::json::parse(revealed.out)["outputs"]["authString"], "s3cret");
}

TEST_F(GcpSimCliTest, FindsByIdNameOrIdLeaf) {
  for (auto const* what : {kRedisId, "cache", "cache-7f3a"}) {
    auto r = Run({"show", what});
    ASSERT_EQ(r.code, 0) << what << ": " << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["id"], kRedisId) << what;
  }
  auto sql = Run({"show", "db-main"});
  ASSERT_EQ(sql.code, 0) << sql.err;
  EXPECT_EQ(nlohmann::json::parse(sql.out)["inputs"]["rootPassword"], "[secret]");
  EXPECT_THAT(sql.out, Not(HasSubstr("hunter2")));
}

TEST_F(GcpSimCliTest, SetChangesOutputsAndInputs) {
  auto r = Run({"set", "cache", "memorySizeGb=5", "tier=STANDARD_HA", "host=10.9.9.9", "labels.env=prod",
                "displayName=Cache", "redisConfigs={\"maxmemory-policy\":\"allkeys-lru\"}"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("memorySizeGb: 1 -> 5"));
  auto cache = Get(kRedis, kRedisId);
  EXPECT_EQ(cache.outputs["memorySizeGb"], PropertyValue(5));
  EXPECT_EQ(cache.inputs["memorySizeGb"], PropertyValue(5));
  EXPECT_EQ(cache.outputs["tier"], PropertyValue("STANDARD_HA"));
  EXPECT_EQ(cache.inputs["tier"], PropertyValue("STANDARD_HA"));
  // An output-only property changes the outputs only.
  EXPECT_EQ(cache.outputs["host"], PropertyValue("10.9.9.9"));
  EXPECT_FALSE(cache.inputs.contains("host"));
  // A nested key keeps its siblings.
  EXPECT_EQ(StringAt(cache.inputs, "labels.env"), "prod");
  EXPECT_EQ(StringAt(cache.inputs, "labels.team"), "web");
  EXPECT_EQ(StringAt(cache.outputs, "labels.env"), "prod");
  // A top-level input of the type that the program left out becomes an input (the schema says so).
  EXPECT_EQ(StringAt(cache.inputs, "displayName"), "Cache");
  EXPECT_EQ(StringAt(cache.outputs, "displayName"), "Cache");
  // JSON values are values; the rest stays.
  EXPECT_EQ(StringAt(cache.outputs, "redisConfigs.maxmemory-policy"), "allkeys-lru");
  EXPECT_EQ(cache.outputs["authString"], PropertyValue::MakeSecret("s3cret"));
  EXPECT_EQ(cache.created, "2025-01-02T03:04:05Z");
}

TEST_F(GcpSimCliTest, SetNestedPathInInputs) {
  auto r = Run({"set", "db", "settings.tier=db-custom-4-15360", "settings.diskSize=20"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto db = Get(kSql, kSqlId);
  EXPECT_EQ(StringAt(db.inputs, "settings.tier"), "db-custom-4-15360");
  EXPECT_EQ(StringAt(db.outputs, "settings.tier"), "db-custom-4-15360");
  ASSERT_NE(Lookup(db.inputs, "settings.diskSize"), nullptr);
  EXPECT_EQ(*Lookup(db.inputs, "settings.diskSize"), PropertyValue(20));
}

TEST_F(GcpSimCliTest, SetKeepsSecretsSecret) {
  auto r = Run({"set", "cache", "authString=n3wpass"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out + r.err, Not(HasSubstr("n3wpass")));
  EXPECT_THAT(r.out + r.err, Not(HasSubstr("s3cret")));
  auto cache = Get(kRedis, kRedisId);
  EXPECT_EQ(cache.outputs["authString"], PropertyValue::MakeSecret("n3wpass"));

  auto db = Run({"set", "db-main", "rootPassword=changed"});
  ASSERT_EQ(db.code, 0) << db.err;
  EXPECT_THAT(db.out + db.err, Not(HasSubstr("changed")));
  auto sql = Get(kSql, kSqlId);
  EXPECT_EQ(sql.inputs["rootPassword"], PropertyValue::MakeSecret("changed"));
  EXPECT_EQ(sql.outputs["rootPassword"], PropertyValue::MakeSecret("changed"));
}

TEST_F(GcpSimCliTest, SetThroughAScalarFailsAndChangesNothing) {
  auto r = Run({"set", "cache", "memorySizeGb=7", "tier.name=x"});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("tier"));
  auto cache = Get(kRedis, kRedisId);
  EXPECT_EQ(cache.outputs["memorySizeGb"], PropertyValue(1));
}

TEST_F(GcpSimCliTest, DeleteRemovesAndReleasesAddresses) {
  auto first = store_->Allocate("pool", "10.1.0.0/24", std::string(kRedis) + " " + kRedisId);
  ASSERT_TRUE(first.ok());
  auto r = Run({"delete", "cache"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(kRedisId));
  auto gone = store_->Get(kRedis, kRedisId);
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(gone->has_value());
  EXPECT_EQ(Count(), 3u);
  auto again = store_->Allocate("pool", "10.1.0.0/24", "someone else");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *first);  // the address is free again
}

TEST_F(GcpSimCliTest, ResetEmptiesTheCloud) {
  auto r = Run({"reset"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("removed 4 resources"));
  EXPECT_EQ(Count(), 0u);
  auto ls = Run({"ls"});
  EXPECT_EQ(ls.code, 0);
  EXPECT_THAT(ls.err, HasSubstr("the cloud is empty"));
}

TEST_F(GcpSimCliTest, ExportIsJsonWithoutSecrets) {
  auto r = Run({"export"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(Not(HasSubstr("s3cret")), Not(HasSubstr("hunter2"))));
  auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 4u);
  for (auto const& e : j) {
    for (auto const* field : {"type", "id", "name", "urn", "inputs", "outputs", "created", "updated"}) {
      EXPECT_TRUE(e.contains(field)) << field;
    }
  }
  EXPECT_EQ(j[0]["urn"], "urn:pulumi:dev::demo::" + std::string(kNetwork) + "::main");
  EXPECT_EQ(j[2]["outputs"]["authString"], "[secret]");

  auto revealed = Run({"export", "--reveal"});
  ASSERT_EQ(revealed.code, 0) << revealed.err;
  EXPECT_THAT(revealed.out, AllOf(HasSubstr("s3cret"), HasSubstr("hunter2")));
}

TEST_F(GcpSimCliTest, BadUsageExitsTwo) {
  std::vector<std::vector<std::string>> const cases = {
      {},
      {"frobnicate"},
      {"show"},
      {"show", "a", "b"},
      {"delete"},
      {"ls", "--bogus"},
      {"ls", "extra"},
      {"ls", "--type"},
      {"set", "cache"},
      {"set", "cache", "memorySizeGb"},
      {"set", "cache", "=5"},
      {"set", "cache", "a..b=1"},
      {"set", "cache", "a.=1"},
      {"set", "cache", "tier=\xff\xfe"},
      {"reset", "now"},
      {"show", "cache", "--reveal=yes"},
  };
  for (auto const& args : cases) {
    auto r = Run(args);
    std::string joined;
    for (auto const& a : args) joined += " " + a;
    EXPECT_EQ(r.code, 2) << "gcp-sim" << joined << "\n" << r.out << r.err;
    EXPECT_THAT(r.err, HasSubstr("usage: gcp-sim")) << joined;
  }
  EXPECT_EQ(Get(kRedis, kRedisId).outputs["tier"], PropertyValue("BASIC"));
  EXPECT_EQ(Run({}, /*with_db=*/false).code, 2);
  EXPECT_EQ(Run({"--db"}, /*with_db=*/false).code, 2);
}

TEST_F(GcpSimCliTest, ExecuteRunsACloudRunJob) {
  constexpr char kJob[] = "projects/demo/locations/us-central1/jobs/migrate";
  Put({.type = "gcp:cloudrunv2/job:Job",
       .id = kJob,
       .name = "migrate",
       .urn = "",
       .inputs = {{"name", "migrate"}},
       .outputs = {{"name", "migrate"}, {"executionCount", 0.0}}});
  auto first = Run({"execute", "migrate"});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_THAT(first.out, ::testing::MatchesRegex("execution " + std::string(kJob) +
                                                 "/executions/migrate-[0-9a-f]{5} succeeded\n"));
  ASSERT_EQ(Run({"execute", kJob}).code, 0);
  EXPECT_EQ(Get("gcp:cloudrunv2/job:Job", kJob).outputs.at("executionCount"), PropertyValue(2.0));
  auto not_a_job = Run({"execute", "cache"});
  EXPECT_EQ(not_a_job.code, 1);
  EXPECT_THAT(not_a_job.err, HasSubstr("not a Cloud Run job"));
}

TEST_F(GcpSimCliTest, BootWithNothingWaitingSaysSo) {
  auto r = Run({"boot"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "no VM was waiting to boot\n");
}

TEST_F(GcpSimCliTest, HelpListsTheCommands) {
  for (auto const& flag : {"help", "--help"}) {
    auto r = Run({flag});
    ASSERT_EQ(r.code, 0) << r.err;
    for (auto const* c : {"ls", "show", "set", "delete", "reset", "export"}) EXPECT_THAT(r.out, HasSubstr(c));
  }
  auto set_help = Run({"set", "--help"});
  EXPECT_EQ(set_help.code, 0);
  EXPECT_THAT(set_help.out, HasSubstr("KEY=VALUE"));
}

TEST_F(GcpSimCliTest, UnknownResourceExitsOne) {
  for (auto const* command : {"show", "delete"}) {
    auto r = Run({command, "no-such-thing"});
    EXPECT_EQ(r.code, 1) << command;
    EXPECT_THAT(r.err, AllOf(HasSubstr("no-such-thing"), HasSubstr("gcp-sim ls")));
  }
  auto set = Run({"set", "no-such-thing", "a=1"});
  EXPECT_EQ(set.code, 1);
  EXPECT_THAT(set.err, HasSubstr("no-such-thing"));
  EXPECT_EQ(Count(), 4u);
}

TEST_F(GcpSimCliTest, AmbiguousNameListsCandidates) {
  for (auto const* command : {"show", "delete"}) {
    auto r = Run({command, "main"});
    EXPECT_EQ(r.code, 1) << command;
    EXPECT_THAT(r.err, AllOf(HasSubstr("2 resources"), HasSubstr(kNetwork), HasSubstr(kNetworkId),
                             HasSubstr(kSubnetwork), HasSubstr(kSubnetworkId)));
  }
  EXPECT_EQ(Count(), 4u);
  // Its id picks one.
  EXPECT_EQ(Run({"delete", kNetworkId}).code, 0);
  EXPECT_EQ(Count(), 3u);
}

TEST_F(GcpSimCliTest, AMissingDatabaseIsNotCreatedByReadingIt) {
  auto missing = (dir_ / "typo.db").string();
  for (auto const* command : {"ls", "export"}) {
    auto r = Run({"--db", missing, command}, /*with_db=*/false);
    EXPECT_EQ(r.code, 1) << command;
    EXPECT_THAT(r.err, HasSubstr("no simulated cloud at " + missing));
  }
  EXPECT_FALSE(fs::exists(missing));
}

TEST_F(GcpSimCliTest, DatabaseErrorExitsOne) {
  auto bad = (dir_ / "not-a-db").string();
  std::ofstream(bad) << "this is not an SQLite database, not at all, not even a little bit.......";
  auto r = Run({"--db", bad, "ls"}, /*with_db=*/false);
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("gcp-sim: "));
}

}  // namespace
}  // namespace pulumi::gcpsim
