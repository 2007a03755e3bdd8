// Diff over gRPC: detailed diffs per property path, replacements from the force-new table (every entry of it
// is exercised against the schema), ignoreChanges, unknowns in previews, delete-before-replace.
#include "diff.h"
#include "harness.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace pulumi::gcpsim {
namespace {

using codegen::TypeKind;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;
using testing_util::GcpCatalog;
using testing_util::Harness;
using K = pulumirpc::PropertyDiff;

constexpr char kSql[] = "gcp:sql/databaseInstance:DatabaseInstance";
constexpr char kRedis[] = "gcp:redis/instance:Instance";

std::map<std::string, K::Kind> Detailed(pulumirpc::DiffResponse const& r) {
  std::map<std::string, K::Kind> out;
  for (auto const& [path, d] : r.detaileddiff()) out[path] = d.kind();
  return out;
}

std::vector<std::string> List(google::protobuf::RepeatedPtrField<std::string> const& r) { return {r.begin(), r.end()}; }

PropertyMap RedisInputs(double size, std::string const& tier) {
  return {{"name", "cache"}, {"memorySizeGb", size}, {"tier", tier}, {"region", "us-central1"}};
}

TEST(DiffTest, NoChangeIsDiffNone) {
  Harness h;
  auto r = h.Diff(kRedis, "cache", RedisInputs(1, "BASIC"), RedisInputs(1, "BASIC"));
  EXPECT_EQ(r.changes(), pulumirpc::DiffResponse::DIFF_NONE);
  EXPECT_THAT(Detailed(r), IsEmpty());
}

TEST(DiffTest, AnUpdatableChangeIsAnUpdate) {
  Harness h;
  auto r = h.Diff(kRedis, "cache", RedisInputs(1, "BASIC"), RedisInputs(5, "BASIC"));
  EXPECT_EQ(r.changes(), pulumirpc::DiffResponse::DIFF_SOME);
  EXPECT_THAT(Detailed(r), ElementsAre(Pair("memorySizeGb", K::UPDATE)));
  EXPECT_THAT(List(r.diffs()), ElementsAre("memorySizeGb"));
  EXPECT_THAT(List(r.replaces()), IsEmpty());
  EXPECT_TRUE(r.hasdetaileddiff());
}

TEST(DiffTest, AForceNewChangeReplaces) {
  Harness h;
  auto r = h.Diff(kRedis, "cache", RedisInputs(1, "BASIC"), RedisInputs(1, "STANDARD_HA"));
  EXPECT_THAT(Detailed(r), ElementsAre(Pair("tier", K::UPDATE_REPLACE)));
  EXPECT_THAT(List(r.replaces()), ElementsAre("tier"));
  EXPECT_FALSE(r.deletebeforereplace());
}

TEST(DiffTest, NestedPathsAreReportedAndOnlyForceNewOnesReplace) {
  Harness h;
  PropertyMap olds{{"databaseVersion", "POSTGRES_16"}, {"settings", PropertyMap{{"tier", "a"}, {"collation", "x"}}}};
  PropertyMap news{{"databaseVersion", "POSTGRES_16"}, {"settings", PropertyMap{{"tier", "b"}, {"collation", "y"}}}};
  auto r = h.Diff(kSql, "db", olds, news);
  EXPECT_THAT(Detailed(r),
              UnorderedElementsAre(Pair("settings.tier", K::UPDATE), Pair("settings.collation", K::UPDATE_REPLACE)));
  EXPECT_THAT(List(r.diffs()), ElementsAre("settings"));
  EXPECT_THAT(List(r.replaces()), ElementsAre("settings"));
}

TEST(DiffTest, AddedAndRemovedPropertiesAreAddsAndDeletes) {
  Harness h;
  PropertyMap olds = RedisInputs(1, "BASIC");
  olds["displayName"] = "old";
  PropertyMap news = RedisInputs(1, "BASIC");
  news["labels"] = PropertyMap{{"env", "dev"}};
  auto r = h.Diff(kRedis, "cache", olds, news);
  EXPECT_THAT(Detailed(r), UnorderedElementsAre(Pair("displayName", K::DELETE), Pair("labels", K::ADD)));
}

TEST(DiffTest, IgnoreChangesIsHonoured) {
  Harness h;
  auto r = h.Diff(kRedis, "cache", RedisInputs(1, "BASIC"), RedisInputs(5, "STANDARD_HA"), {"tier", "memorySizeGb"});
  EXPECT_EQ(r.changes(), pulumirpc::DiffResponse::DIFF_NONE);
  auto nested = h.Diff(kSql, "db", {{"settings", PropertyMap{{"tier", "a"}}}},
                       {{"settings", PropertyMap{{"tier", "b"}}}}, {"settings.tier"});
  EXPECT_EQ(nested.changes(), pulumirpc::DiffResponse::DIFF_NONE);
}

TEST(DiffTest, AnUnknownForceNewInputInAPreviewReplaces) {
  Harness h;
  auto news = RedisInputs(1, "BASIC");
  news["tier"] = PropertyValue::MakeComputed();
  news["memorySizeGb"] = PropertyValue::MakeComputed();
  auto r = h.Diff(kRedis, "cache", RedisInputs(1, "BASIC"), news);
  EXPECT_THAT(Detailed(r), UnorderedElementsAre(Pair("tier", K::UPDATE_REPLACE), Pair("memorySizeGb", K::UPDATE)));
}

TEST(DiffTest, AnUnknownObjectHidingAForceNewPathReplaces) {
  Harness h;
  auto r = h.Diff(kSql, "db", {{"settings", PropertyMap{{"collation", "x"}}}},
                  {{"settings", PropertyValue::MakeComputed()}});
  EXPECT_THAT(Detailed(r), ElementsAre(Pair("settings", K::UPDATE_REPLACE)));
}

TEST(DiffTest, ABlockReplacesOnlyWhenItsShapeChanges) {
  Harness h;
  constexpr char kInstance[] = "gcp:compute/instance:Instance";
  auto nic = [](std::string const& subnetwork) { return PropertyMap{{"subnetwork", subnetwork}}; };
  PropertyMap one{{"networkInterfaces", PropertyArray{nic("a")}}};
  PropertyMap two{{"networkInterfaces", PropertyArray{nic("a"), nic("b")}}};
  PropertyMap changed{{"networkInterfaces", PropertyArray{PropertyMap{{"subnetwork", "a"}, {"nicType", "GVNIC"}}}}};
  EXPECT_THAT(Detailed(h.Diff(kInstance, "vm", one, two)), ElementsAre(Pair("networkInterfaces", K::UPDATE_REPLACE)));
  // nicType is listed, so a change inside the block replaces; a description change does not.
  EXPECT_THAT(Detailed(h.Diff(kInstance, "vm", one, changed)),
              ElementsAre(Pair("networkInterfaces[0].nicType", K::ADD_REPLACE)));
  EXPECT_THAT(Detailed(h.Diff(kInstance, "vm", {{"description", "a"}}, {{"description", "b"}})),
              ElementsAre(Pair("description", K::UPDATE)));
}

TEST(DiffTest, ReplacingASecretDeletesItFirst) {
  Harness h;
  constexpr char kSecret[] = "gcp:secretmanager/secret:Secret";
  auto r = h.Diff(kSecret, "s", {{"secretId", "a"}}, {{"secretId", "b"}});
  EXPECT_THAT(List(r.replaces()), ElementsAre("secretId"));
  EXPECT_TRUE(r.deletebeforereplace());
}

TEST(DiffTest, PathsNormalizeWithoutIndices) {
  EXPECT_EQ(NormalizePath("template.containers[0].envs[2].name"), "template.containers.envs.name");
  EXPECT_EQ(NormalizePath("labels[\"a.b\"]"), "labels.a.b");
}

// --- every entry of the force-new table --------------------------------------------------------------------------

/// Builds inputs holding `leaf` at `path` (dotted, through the schema's objects and lists of objects), or fails
/// the test when the schema has no such path. `kind` receives the leaf's type.
bool InputsAt(codegen::Resource const& resource, std::string const& path,
              std::function<PropertyValue(codegen::TypeRef const&)> const& leaf, PropertyMap* out, std::string* why) {
  auto const& catalog = GcpCatalog();
  std::vector<codegen::Property> const* props = &resource.input_properties;
  std::vector<std::string> segments;
  for (std::size_t start = 0;;) {
    auto dot = path.find('.', start);
    segments.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  std::function<std::optional<PropertyValue>(std::vector<codegen::Property> const&, std::size_t)> build =
      [&](std::vector<codegen::Property> const& ps, std::size_t i) -> std::optional<PropertyValue> {
    auto it = std::find_if(ps.begin(), ps.end(), [&](codegen::Property const& p) { return p.name == segments[i]; });
    if (it == ps.end()) {
      *why = "'" + segments[i] + "' (in " + path + ") is not an input of " + resource.token;
      return std::nullopt;
    }
    if (i + 1 == segments.size()) return leaf(it->type);
    codegen::TypeRef const* t = &it->type;
    bool list = false;
    if (t->kind == TypeKind::kArray) {
      t = t->element.get();
      list = true;
    }
    auto const* object = t->kind == TypeKind::kObject ? catalog.FindObjectType(t->token) : nullptr;
    if (!object) {
      *why = "'" + segments[i] + "' (in " + path + ") is not an object";
      return std::nullopt;
    }
    auto inner = build(object->properties, i + 1);
    if (!inner) return std::nullopt;
    PropertyValue member = PropertyMap{{segments[i + 1], *inner}};
    return list ? PropertyValue(PropertyArray{member}) : member;
  };
  auto value = build(*props, 0);
  if (!value) return false;
  // build() returned the value of the first segment.
  (*out)[segments[0]] = *value;
  return true;
}

PropertyValue Sample(codegen::TypeRef const& t, int variant) {
  switch (t.kind) {
    case TypeKind::kString:
    case TypeKind::kEnum: return variant == 0 ? "a" : "b";
    case TypeKind::kInteger:
    case TypeKind::kNumber: return variant == 0 ? 1.0 : 2.0;
    case TypeKind::kBoolean: return variant != 0;
    case TypeKind::kArray:
      if (t.element->kind == TypeKind::kObject) {
        return variant == 0 ? PropertyArray{PropertyMap{}} : PropertyArray{PropertyMap{}, PropertyMap{}};
      }
      return PropertyArray{Sample(*t.element, variant)};
    case TypeKind::kMap: return PropertyMap{{"k", Sample(*t.element, variant)}};
    case TypeKind::kObject: return variant == 0 ? PropertyValue() : PropertyValue(PropertyMap{});
    default: return variant == 0 ? "a" : "b";
  }
}

TEST(ForceNewTableTest, EveryEntryNamesAnInputAndReplaces) {
  auto const& table = ForceNewTable::Builtin();
  ASSERT_GE(table.Types().size(), 29u);
  int checked = 0;
  for (auto const& type : table.Types()) {
    auto const* resource = GcpCatalog().FindResource(type);
    ASSERT_NE(resource, nullptr) << type << " is in the force-new table but not in the gcp schema";
    for (auto const& path : table.Paths(type)) {
      PropertyMap olds, news;
      std::string why;
      ASSERT_TRUE(InputsAt(
          *resource, path, [](codegen::TypeRef const& t) { return Sample(t, 0); }, &olds, &why))
          << why;
      ASSERT_TRUE(InputsAt(
          *resource, path, [](codegen::TypeRef const& t) { return Sample(t, 1); }, &news, &why))
          << why;
      auto diff = DiffInputs(table, type, olds, news);
      EXPECT_TRUE(diff.replaces()) << type << ": a change of " << path << " does not replace";
      ++checked;
    }
  }
  EXPECT_GT(checked, 150);
  RecordProperty("entries", checked);
}

TEST(ForceNewTableTest, TheTypesApexUsesAreAllCovered) {
  for (auto const* type : {"gcp:compute/network:Network", "gcp:sql/databaseInstance:DatabaseInstance",
                           "gcp:redis/instance:Instance", "gcp:cloudrunv2/service:Service",
                           "gcp:cloudrunv2/workerPool:WorkerPool", "gcp:secretmanager/secretVersion:SecretVersion",
                           "gcp:monitoring/alertPolicy:AlertPolicy", "gcp:compute/disk:Disk"}) {
    EXPECT_FALSE(ForceNewTable::Builtin().Paths(type).empty()) << type;
  }
}

TEST(ForceNewTableTest, MalformedTableNamesTheJsonPath) {
  auto bad = ForceNewTable::Parse(R"({"gcp:x/y:Y": {"forceNew": [1]}})");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(std::string(bad.status().message()), ::testing::HasSubstr("$[\"gcp:x/y:Y\"].forceNew"));
}

}  // namespace
}  // namespace pulumi::gcpsim
