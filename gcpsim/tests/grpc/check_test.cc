// Check over gRPC: schema-driven failures (required inputs with their nested path, types, enums, unknown
// names), defaults, autonaming, unknowns in previews.
#include "harness.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace pulumi::gcpsim {
namespace {

using ::testing::HasSubstr;
using testing_util::Harness;

constexpr char kSql[] = "gcp:sql/databaseInstance:DatabaseInstance";
constexpr char kRedis[] = "gcp:redis/instance:Instance";
constexpr char kNetwork[] = "gcp:compute/network:Network";

std::vector<std::pair<std::string, std::string>> Failures(pulumirpc::CheckResponse const& r) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto const& f : r.failures()) out.emplace_back(f.property(), f.reason());
  return out;
}

PropertyMap Inputs(pulumirpc::CheckResponse const& r) { return *FromWire(r.inputs()); }

TEST(CheckTest, MissingRequiredInputNamesTheNestedPath) {
  Harness h;
  auto r = h.Check(kSql, "db", {{"databaseVersion", "POSTGRES_16"}, {"settings", PropertyMap{{"diskSize", 20.0}}}});
  ASSERT_EQ(r.failures_size(), 1);
  EXPECT_EQ(r.failures(0).property(), "settings.tier");
  EXPECT_THAT(r.failures(0).reason(), HasSubstr("Missing required property 'settings.tier'"));
}

TEST(CheckTest, MissingTopLevelRequiredInput) {
  Harness h;
  auto r = h.Check(kSql, "db", {{"settings", PropertyMap{{"tier", "db-f1-micro"}}}});
  ASSERT_EQ(r.failures_size(), 1);
  EXPECT_EQ(r.failures(0).property(), "databaseVersion");
  EXPECT_THAT(r.failures(0).reason(), HasSubstr("Missing required property 'databaseVersion'"));
}

TEST(CheckTest, WrongTypeNamesThePathAndBothKinds) {
  Harness h;
  auto r = h.Check(kSql, "db",
                   {{"databaseVersion", "POSTGRES_16"}, {"settings", PropertyMap{{"tier", "x"}, {"diskSize", "big"}}}});
  ASSERT_EQ(r.failures_size(), 1);
  EXPECT_EQ(r.failures(0).property(), "settings.diskSize");
  EXPECT_EQ(r.failures(0).reason(), "'settings.diskSize' must be an integer, not a string");
}

TEST(CheckTest, FractionForAnIntegerIsRefused) {
  Harness h;
  auto r = h.Check(kRedis, "cache", {{"memorySizeGb", 1.5}});
  ASSERT_EQ(r.failures_size(), 1);
  EXPECT_THAT(r.failures(0).reason(), HasSubstr("'memorySizeGb' must be a whole number"));
}

TEST(CheckTest, ValueOutsideTheDocumentedEnumIsRefused) {
  Harness h;
  auto r = h.Check(kRedis, "cache", {{"memorySizeGb", 1.0}, {"tier", "BASICC"}});
  ASSERT_EQ(r.failures_size(), 1);
  EXPECT_EQ(r.failures(0).property(), "tier");
  EXPECT_EQ(r.failures(0).reason(), "'tier' is \"BASICC\", which is not one of BASIC, STANDARD_HA");
}

TEST(CheckTest, SecretValueOutsideTheEnumIsNotShown) {
  Harness h;
  auto r = h.Check(kRedis, "cache", {{"memorySizeGb", 1.0}, {"tier", PropertyValue::MakeSecret("hunter2")}});
  ASSERT_EQ(r.failures_size(), 1);
  EXPECT_THAT(r.failures(0).reason(), HasSubstr("a secret value"));
  EXPECT_THAT(r.failures(0).reason(), ::testing::Not(HasSubstr("hunter2")));
}

TEST(CheckTest, UnknownPropertyNameIsRefusedWithASuggestion) {
  Harness h;
  auto r = h.Check(kSql, "db", {{"databaseVersion", "POSTGRES_16"}, {"settingz", PropertyMap{{"tier", "x"}}}});
  auto failures = Failures(r);
  ASSERT_FALSE(failures.empty());
  EXPECT_EQ(failures[0].first, "settingz");
  EXPECT_EQ(failures[0].second, "'settingz' is not a property of " + std::string(kSql) + " (did you mean 'settings'?)");
}

TEST(CheckTest, UnknownNestedPropertyNameIsRefused) {
  Harness h;
  auto r = h.Check(kSql, "db",
                   {{"databaseVersion", "POSTGRES_16"}, {"settings", PropertyMap{{"tier", "x"}, {"tierr", "y"}}}});
  ASSERT_EQ(r.failures_size(), 1);
  EXPECT_EQ(r.failures(0).property(), "settings.tierr");
  EXPECT_THAT(r.failures(0).reason(), HasSubstr("did you mean 'settings.tier'?"));
}

TEST(CheckTest, DocumentedDefaultsAreFilledIn) {
  Harness h;
  auto inputs = h.Checked(kRedis, "cache", {{"memorySizeGb", 1.0}});
  EXPECT_EQ(inputs.at("tier"), PropertyValue("BASIC"));
  EXPECT_EQ(inputs.at("connectMode"), PropertyValue("DIRECT_PEERING"));
  EXPECT_EQ(inputs.at("transitEncryptionMode"), PropertyValue("DISABLED"));
}

TEST(CheckTest, GivenValuesWinOverDefaults) {
  Harness h;
  auto inputs = h.Checked(kRedis, "cache", {{"memorySizeGb", 1.0}, {"tier", "STANDARD_HA"}});
  EXPECT_EQ(inputs.at("tier"), PropertyValue("STANDARD_HA"));
}

TEST(CheckTest, NameIsAutonamedFromTheRandomSeed) {
  Harness h;
  auto a = Inputs(h.Check(kNetwork, "vpc", {}, {}, "seed-a"));
  auto again = Inputs(h.Check(kNetwork, "vpc", {}, {}, "seed-a"));
  auto b = Inputs(h.Check(kNetwork, "vpc", {}, {}, "seed-b"));
  ASSERT_TRUE(a.at("name").is_string());
  EXPECT_THAT(a.at("name").AsString(), ::testing::MatchesRegex("vpc-[0-9a-f]{7}"));
  EXPECT_EQ(a.at("name"), again.at("name"));
  EXPECT_NE(a.at("name"), b.at("name"));
}

TEST(CheckTest, AnEarlierAutonameIsKept) {
  Harness h;
  auto r = h.Check(kNetwork, "vpc", {}, {{"name", "vpc-1234567"}}, "another-seed");
  EXPECT_EQ(Inputs(r).at("name"), PropertyValue("vpc-1234567"));
}

TEST(CheckTest, AGivenNameIsKept) {
  Harness h;
  EXPECT_EQ(h.Checked(kNetwork, "vpc", {{"name", "apex-dev-vpc"}}).at("name"), PropertyValue("apex-dev-vpc"));
}

pulumirpc::CheckResponse CheckWithAutonaming(Harness& h, pulumirpc::CheckRequest::AutonamingOptions::Mode mode) {
  pulumirpc::CheckRequest req;
  req.set_urn(Harness::Urn(kNetwork, "vpc"));
  req.set_type(kNetwork);
  req.set_name("vpc");
  req.set_randomseed("seed");
  req.mutable_autonaming()->set_proposed_name("vpc-proposed");
  req.mutable_autonaming()->set_mode(mode);
  pulumirpc::CheckResponse resp;
  grpc::ClientContext ctx;
  EXPECT_TRUE(h.stub().Check(&ctx, req, &resp).ok());
  return resp;
}

TEST(CheckTest, AutonamingModesAreHonoured) {
  Harness h;
  using Mode = pulumirpc::CheckRequest::AutonamingOptions;
  EXPECT_EQ(Inputs(CheckWithAutonaming(h, Mode::PROPOSE)).at("name"), PropertyValue("vpc-proposed"));
  EXPECT_EQ(Inputs(CheckWithAutonaming(h, Mode::ENFORCE)).at("name"), PropertyValue("vpc-proposed"));
  auto disabled = CheckWithAutonaming(h, Mode::DISABLE);
  EXPECT_FALSE(Inputs(disabled).contains("name"));
  EXPECT_EQ(disabled.failures_size(), 0);  // a network's name is optional without autonaming too
}

TEST(CheckTest, UnknownValuesPassInAPreview) {
  Harness h;
  auto r = h.Check(kSql, "db",
                   {{"databaseVersion", PropertyValue::MakeComputed()}, {"settings", PropertyValue::MakeComputed()}});
  EXPECT_EQ(r.failures_size(), 0);
  auto nested =
      h.Check(kSql, "db",
              {{"databaseVersion", "POSTGRES_16"}, {"settings", PropertyMap{{"tier", PropertyValue::MakeComputed()}}}});
  EXPECT_EQ(nested.failures_size(), 0);
}

TEST(CheckTest, UnknownResourceTypeIsAFailure) {
  Harness h;
  auto r = h.Check("gcp:compute/nonsense:Nonsense", "x", {});
  ASSERT_EQ(r.failures_size(), 1);
  EXPECT_THAT(r.failures(0).reason(),
              HasSubstr("gcp " PULUMI_CPP_GCP_VERSION " has no resource type gcp:compute/nonsense:Nonsense"));
}

TEST(CheckTest, MalformedRequestIsAGrpcErrorNamingThePath) {
  Harness h;
  pulumirpc::CheckRequest req;
  req.set_urn(Harness::Urn(kNetwork, "vpc"));
  req.set_type(kNetwork);
  // A secret object without its value.
  auto& secret = (*(*req.mutable_news()->mutable_fields())["description"].mutable_struct_value()->mutable_fields());
  secret["4dabf18193072939515e22adb298388d"].set_string_value("1b47061264138c4ac30d75fd1eb44270");
  pulumirpc::CheckResponse resp;
  grpc::ClientContext ctx;
  auto s = h.stub().Check(&ctx, req, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("description"));
}

}  // namespace
}  // namespace pulumi::gcpsim
