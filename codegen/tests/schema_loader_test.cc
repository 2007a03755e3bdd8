#include "pulumi/codegen/schema_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

namespace pulumi::codegen {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string ReadSchema(std::string const& name) {
  std::ifstream in(std::string(PULUMI_CODEGEN_TEST_SCHEMAS) + "/" + name);
  EXPECT_TRUE(in) << name;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

LoadResult LoadFile(std::string const& name) { return Load(ReadSchema(name), name); }

std::string Errors(LoadResult const& r) {
  std::string out;
  for (auto const& e : r.errors) out += e.ToString() + "\n";
  return out;
}

Property const& Prop(std::vector<Property> const& props, std::string const& name) {
  for (auto const& p : props)
    if (p.name == name) return p;
  ADD_FAILURE() << "no property " << name;
  static Property const kNone;
  return kNone;
}

class ValidSchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    result_ = LoadFile("valid.json");
    ASSERT_TRUE(result_) << Errors(result_);
    pkg_ = &*result_.package;
  }
  LoadResult result_;
  Package const* pkg_ = nullptr;
};

TEST_F(ValidSchemaTest, PackageMetadata) {
  EXPECT_EQ(pkg_->name, "acme");
  EXPECT_EQ(pkg_->version, "1.2.3");
  EXPECT_EQ(pkg_->plugin_download_url, "https://example.com/acme/releases");
  EXPECT_THAT(pkg_->description, HasSubstr("every feature"));
  EXPECT_EQ(pkg_->language["cpp"]["namespace"], "acme");
  std::vector<std::string> modules;
  for (auto const& [name, m] : pkg_->modules) {
    EXPECT_EQ(name, m.name);
    modules.push_back(name);
  }
  EXPECT_THAT(modules, ElementsAre("compute", "index", "sql", "storage"));
}

TEST_F(ValidSchemaTest, Config) {
  ASSERT_EQ(pkg_->config.size(), 3u);
  EXPECT_TRUE(Prop(pkg_->config, "project").required);
  EXPECT_EQ(Prop(pkg_->config, "project").description, "The default project.");
  EXPECT_TRUE(Prop(pkg_->config, "credentials").secret);
  EXPECT_FALSE(Prop(pkg_->config, "credentials").required);
  EXPECT_EQ(Prop(pkg_->config, "requestTimeout").type.kind, TypeKind::kInteger);
}

TEST_F(ValidSchemaTest, Provider) {
  ASSERT_TRUE(pkg_->provider);
  EXPECT_EQ(pkg_->provider->token, "pulumi:providers:acme");
  EXPECT_EQ(pkg_->provider->module, "index");
  EXPECT_EQ(pkg_->provider->name, "Provider");
  EXPECT_TRUE(Prop(pkg_->provider->input_properties, "credentials").secret);
  EXPECT_EQ(pkg_->FindResource("pulumi:providers:acme"), &*pkg_->provider);
}

TEST_F(ValidSchemaTest, Resource) {
  auto const* r = pkg_->FindResource("acme:sql/databaseInstance:DatabaseInstance");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->module, "sql");
  EXPECT_EQ(r->name, "DatabaseInstance");
  EXPECT_EQ(r->description, "A Cloud SQL instance.");
  EXPECT_FALSE(r->is_component);
  EXPECT_TRUE(r->deprecation.empty());
  std::vector<std::string> inputs;
  for (auto const& p : r->input_properties) inputs.push_back(p.name);
  EXPECT_THAT(inputs, ElementsAre("databaseVersion", "namespace", "operator", "region", "rootPassword", "settings"));
  EXPECT_THAT(r->required_inputs, ElementsAre("databaseVersion"));
  EXPECT_THAT(r->required_outputs, ElementsAre("databaseVersion", "selfLink"));
  EXPECT_TRUE(Prop(r->input_properties, "databaseVersion").required);
  EXPECT_FALSE(Prop(r->input_properties, "settings").required);
  EXPECT_TRUE(Prop(r->properties, "selfLink").required);
  EXPECT_TRUE(Prop(r->input_properties, "rootPassword").secret);
  EXPECT_TRUE(Prop(r->input_properties, "region").replace_on_changes);
  EXPECT_EQ(Prop(r->input_properties, "region").deprecation, "region is inferred");
  auto const& settings = Prop(r->input_properties, "settings").type;
  EXPECT_EQ(settings.kind, TypeKind::kObject);
  EXPECT_EQ(settings.token, "acme:sql/DatabaseInstanceSettings:DatabaseInstanceSettings");
  ASSERT_TRUE(r->state_inputs);
  ASSERT_EQ(r->state_inputs->size(), 2u);
  EXPECT_EQ((*r->state_inputs)[1].name, "selfLink");
  EXPECT_THAT(r->aliases, ElementsAre("acme:sql/instance:Instance", "acme:index:LegacyInstance"));
  // Outputs, and through object types (arrays are transparent), as Pulumi's SDKs compute them.
  EXPECT_THAT(r->replace_on_changes,
              ElementsAre("region", "settings.backupConfiguration.location", "settings.databaseFlags.value"));
}

TEST_F(ValidSchemaTest, DeprecatedResourceAndComponent) {
  auto const* bucket = pkg_->FindResource("acme:storage/bucket:Bucket");
  ASSERT_NE(bucket, nullptr);
  EXPECT_THAT(bucket->deprecation, HasSubstr("deprecated in favor of"));
  auto const* site = pkg_->FindResource("acme:index:Website");
  ASSERT_NE(site, nullptr);
  EXPECT_TRUE(site->is_component);
  EXPECT_EQ(site->module, "index");
  EXPECT_EQ(Prop(site->properties, "bucket").type.kind, TypeKind::kResource);
  EXPECT_EQ(Prop(site->properties, "bucket").type.token, "acme:storage/bucket:Bucket");
  EXPECT_FALSE(site->state_inputs);
}

TEST_F(ValidSchemaTest, BuiltinsContainersUnionsAndRefs) {
  auto const* r = pkg_->FindResource("acme:storage/bucketObject:BucketObject");
  ASSERT_NE(r, nullptr);
  auto const& in = r->input_properties;
  EXPECT_EQ(Prop(in, "bucket").type.kind, TypeKind::kResource);
  EXPECT_EQ(Prop(in, "bucket").type.token, "acme:storage/bucket:Bucket");  // %2F decoded
  EXPECT_EQ(Prop(in, "source").type.kind, TypeKind::kAsset);
  EXPECT_EQ(Prop(in, "archive").type.kind, TypeKind::kArchive);
  EXPECT_EQ(Prop(in, "metadata").type.kind, TypeKind::kJson);
  EXPECT_EQ(Prop(in, "anything").type.kind, TypeKind::kAny);
  auto const& tags = Prop(in, "tags");
  EXPECT_EQ(tags.type.kind, TypeKind::kArray);
  EXPECT_TRUE(tags.plain);
  ASSERT_TRUE(tags.type.element);
  EXPECT_EQ(tags.type.element->kind, TypeKind::kString);
  EXPECT_TRUE(tags.type.element->plain);
  auto const& weights = Prop(in, "weights").type;
  EXPECT_EQ(weights.kind, TypeKind::kMap);
  ASSERT_TRUE(weights.element);
  EXPECT_EQ(weights.element->kind, TypeKind::kNumber);
  auto const& loose = Prop(in, "loose").type;
  EXPECT_EQ(loose.kind, TypeKind::kMap);
  ASSERT_TRUE(loose.element);
  EXPECT_EQ(loose.element->kind, TypeKind::kAny);
  EXPECT_EQ(Prop(in, "priority").type.kind, TypeKind::kEnum);
  auto const& union_type = Prop(in, "contentType").type;
  EXPECT_EQ(union_type.kind, TypeKind::kUnion);
  ASSERT_EQ(union_type.one_of.size(), 2u);
  EXPECT_EQ(union_type.one_of[0].kind, TypeKind::kString);
  EXPECT_EQ(union_type.one_of[1].kind, TypeKind::kEnum);
  EXPECT_EQ(union_type.one_of[1].token, "acme:sql/Edition:Edition");
  EXPECT_EQ(Prop(r->properties, "provider").type.token, "pulumi:providers:acme");
}

TEST_F(ValidSchemaTest, ObjectTypes) {
  auto const* o = pkg_->FindObjectType("acme:sql/DatabaseInstanceSettings:DatabaseInstanceSettings");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->module, "sql");
  EXPECT_EQ(o->name, "DatabaseInstanceSettings");
  EXPECT_EQ(o->description, "Settings of an instance.");
  EXPECT_TRUE(Prop(o->properties, "tier").required);
  EXPECT_EQ(Prop(o->properties, "edition").type.kind, TypeKind::kEnum);
  EXPECT_EQ(Prop(o->properties, "edition").type.token, "acme:sql/Edition:Edition");
  auto const& flags = Prop(o->properties, "databaseFlags").type;
  ASSERT_EQ(flags.kind, TypeKind::kArray);
  EXPECT_EQ(flags.element->kind, TypeKind::kObject);
  EXPECT_EQ(flags.element->token, "acme:sql/DatabaseFlag:DatabaseFlag");
  EXPECT_EQ(Prop(o->properties, "userLabels").type.element->kind, TypeKind::kString);
  EXPECT_EQ(Prop(o->properties, "default").deprecation, "use tier");
  EXPECT_EQ(pkg_->modules.at("sql").object_types.size(), 4u);
}

TEST_F(ValidSchemaTest, Enums) {
  auto const* e = pkg_->FindEnumType("acme:sql/Edition:Edition");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->underlying, TypeKind::kString);
  ASSERT_EQ(e->values.size(), 3u);
  EXPECT_EQ(e->values[0].name, "Enterprise");
  EXPECT_EQ(e->values[0].value, "ENTERPRISE");
  EXPECT_EQ(e->values[0].description, "The default edition.");
  EXPECT_EQ(e->values[2].name, "");
  EXPECT_EQ(e->values[2].deprecation, "Use Enterprise.");
  auto const* p = pkg_->FindEnumType("acme:compute/Priority:Priority");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->module, "compute");
  EXPECT_EQ(p->underlying, TypeKind::kInteger);
  ASSERT_EQ(p->values.size(), 2u);
  EXPECT_EQ(p->values[1].value, 10);
}

TEST_F(ValidSchemaTest, Functions) {
  auto const* f = pkg_->FindFunction("acme:sql/getDatabaseInstance:getDatabaseInstance");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->module, "sql");
  EXPECT_EQ(f->name, "getDatabaseInstance");
  ASSERT_TRUE(f->inputs);
  EXPECT_TRUE(Prop(*f->inputs, "name").required);
  EXPECT_FALSE(Prop(*f->inputs, "project").required);
  ASSERT_TRUE(f->outputs);
  EXPECT_FALSE(f->return_type);
  EXPECT_EQ(Prop(*f->outputs, "settings").type.element->token,
            "acme:sql/DatabaseInstanceSettings:DatabaseInstanceSettings");
  auto const* g = pkg_->FindFunction("acme:index:getVersions");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->deprecation, "use getDatabaseInstance");
  EXPECT_FALSE(g->inputs);
  EXPECT_FALSE(g->outputs);
  ASSERT_TRUE(g->return_type);
  EXPECT_EQ(g->return_type->kind, TypeKind::kArray);
}

TEST(TokenTest, ParseAndModule) {
  auto t = ParseToken("gcp:sql/databaseInstance:DatabaseInstance");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->package, "gcp");
  EXPECT_EQ(t->module_part, "sql/databaseInstance");
  EXPECT_EQ(t->member, "DatabaseInstance");
  EXPECT_EQ(ModuleOf(t->module_part), "sql");
  EXPECT_EQ(ModuleOf("index"), "index");
  EXPECT_EQ(ModuleOf("index/foo"), "index");
  EXPECT_EQ(ModuleOf(""), "index");
  EXPECT_EQ(ModuleOf("cloudrunv2/service"), "cloudrunv2");
  EXPECT_EQ(ModuleOf("compute/v1/instance"), "compute/v1");
  EXPECT_EQ(ModuleOf("compute/v1", "(.*)"), "compute/v1");
  EXPECT_FALSE(ParseToken("gcp:sql"));
  EXPECT_FALSE(ParseToken("a:b:c:d"));
  EXPECT_FALSE(ParseToken(":b:c"));
}

TEST(JsonPathTest, Append) {
  EXPECT_EQ(JsonPathAppend("$", "resources"), "$.resources");
  EXPECT_EQ(JsonPathAppend("$.resources", "gcp:sql/x:X"), "$.resources[\"gcp:sql/x:X\"]");
  EXPECT_EQ(JsonPathAppend("$.a", "$ref"), "$.a.$ref");
  EXPECT_EQ(JsonPathAppend("$.a", "with \"quote\""), "$.a[\"with \\\"quote\\\"\"]");
  EXPECT_EQ(JsonPathAppend("$.a", std::size_t{3}), "$.a[3]");
}

// --- Errors: each names the exact JSON path. ---

TEST(LoadErrorTest, MalformedJson) {
  auto r = LoadFile("malformed.json");
  ASSERT_FALSE(r);
  EXPECT_FALSE(r.package);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].source, "malformed.json");
  EXPECT_EQ(r.errors[0].path, "$");
  EXPECT_THAT(r.errors[0].message, HasSubstr("malformed JSON: parse error at line 4, column 26"));
  EXPECT_THAT(r.errors[0].ToString(), HasSubstr("malformed.json: $: malformed JSON"));
}

TEST(LoadErrorTest, DanglingRef) {
  auto r = LoadFile("dangling_ref.json");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.errors.size(), 2u) << Errors(r);
  EXPECT_EQ(r.errors[0].path,
            "$.resources[\"acme:sql/databaseInstance:DatabaseInstance\"].inputProperties.network.$ref");
  EXPECT_EQ(r.errors[0].message,
            "dangling $ref: resource \"acme:compute/network:Network\" is not defined in the schema");
  EXPECT_EQ(r.errors[1].path,
            "$.resources[\"acme:sql/databaseInstance:DatabaseInstance\"].inputProperties.settings.$ref");
  EXPECT_EQ(r.errors[1].message, "dangling $ref: type \"acme:sql/Settings:Settings\" is not defined in the schema");
}

TEST(LoadErrorTest, UnknownAndMissingType) {
  auto r = LoadFile("unknown_type.json");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.errors.size(), 2u) << Errors(r);
  EXPECT_EQ(r.errors[0].path, "$.types[\"acme:sql/Settings:Settings\"].properties.flags.items.type");
  EXPECT_THAT(r.errors[0].message, HasSubstr("missing required field"));
  EXPECT_EQ(r.errors[1].path, "$.types[\"acme:sql/Settings:Settings\"].properties.tier.type");
  EXPECT_EQ(r.errors[1].message, "unknown type \"strng\" (expected string, integer, number, boolean, array or object)");
}

LoadResult LoadInline(std::string const& text) { return Load(text, "inline.json"); }

TEST(LoadTest, ForeignResourceRefIsAnyResource) {
  auto r = LoadFile("foreign_ref.json");
  ASSERT_TRUE(r) << Errors(r);
  auto const* thing = r.package->FindResource("acme:index:Thing");
  ASSERT_NE(thing, nullptr);
  auto const& instance = thing->properties.at(0).type;
  EXPECT_EQ(instance.kind, TypeKind::kResource);
  EXPECT_TRUE(instance.foreign);
  EXPECT_EQ(instance.token, "aws:ec2/instance:Instance");
}

TEST(LoadErrorTest, ForeignPackageTypeRef) {
  auto r = LoadInline(R"({"name": "acme", "resources": {"acme:index:Thing": {"properties": {
      "tags": {"$ref": "/aws/v4.0.0/schema.json#/types/aws:index:Tags"}}}}})");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.errors.size(), 1u) << Errors(r);
  EXPECT_EQ(r.errors[0].path, "$.resources[\"acme:index:Thing\"].properties.tags.$ref");
  EXPECT_THAT(r.errors[0].message, HasSubstr("$ref to another package is not supported"));
  EXPECT_THAT(r.errors[0].message, HasSubstr("/aws/v4.0.0/schema.json#/types/aws:index:Tags"));
}

TEST(LoadErrorTest, TokenPackageMismatch) {
  auto r = LoadInline(R"({"name": "acme", "resources": {"gcp:sql/x:X": {}},
                          "types": {"acme:index:T": {"type": "object"}}})");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.errors.size(), 1u) << Errors(r);
  EXPECT_EQ(r.errors[0].path, "$.resources[\"gcp:sql/x:X\"]");
  EXPECT_EQ(r.errors[0].message, "the package part of token \"gcp:sql/x:X\" differs from the package name \"acme\"");
}

TEST(LoadTest, ProviderMethodsAreSkippedNotRejected) {
  // The real gcp schema has `pulumi:providers:gcp/terraformConfig`, the provider's method.
  auto r = LoadInline(R"({"name": "gcp", "functions": {
      "pulumi:providers:gcp/terraformConfig": {"inputs": {"properties": {"__self__": {"type": "string"}}}},
      "pulumi:providers:aws/other": {}}})");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_THAT(r.errors[0].path, HasSubstr("pulumi:providers:aws/other"));
  auto ok = LoadInline(R"({"name": "gcp", "functions": {"pulumi:providers:gcp/terraformConfig": {}}})");
  ASSERT_TRUE(ok) << ok.errors[0].ToString();
  EXPECT_THAT(ok.package->skipped_functions, ElementsAre("pulumi:providers:gcp/terraformConfig"));
}

TEST(LoadTest, MethodsTakeTheirFunctionsWithoutSelf) {
  auto r = LoadInline(R"({"name": "acme", "resources": {"acme:index:Site": {"isComponent": true,
      "methods": {"purge": "acme:index:Site/purge", "ping": "acme:index:Site/ping"}}},
      "functions": {"acme:index:Site/purge": {"inputs": {"properties": {
                        "__self__": {"$ref": "#/resources/acme:index:Site"}, "path": {"type": "string"}}}},
                    "acme:index:Site/ping": {}, "acme:index:getThing": {}}})");
  ASSERT_TRUE(r) << r.errors[0].ToString();
  auto const* site = r.package->FindResource("acme:index:Site");
  ASSERT_NE(site, nullptr);
  ASSERT_EQ(site->methods.size(), 2u);
  EXPECT_EQ(site->methods[0].name, "ping");
  EXPECT_EQ(site->methods[1].name, "purge");
  EXPECT_EQ(site->methods[1].function.token, "acme:index:Site/purge");
  ASSERT_TRUE(site->methods[1].function.inputs);
  ASSERT_EQ(site->methods[1].function.inputs->size(), 1u);
  EXPECT_EQ((*site->methods[1].function.inputs)[0].name, "path");
  // Methods are not functions of the module.
  ASSERT_EQ(r.package->modules.at("index").functions.size(), 1u);
  EXPECT_EQ(r.package->modules.at("index").functions[0].token, "acme:index:getThing");

  auto dangling = LoadInline(R"({"name": "acme", "resources": {"acme:index:Site": {
      "methods": {"purge": "acme:index:Site/purge"}}}})");
  ASSERT_FALSE(dangling);
  EXPECT_EQ(dangling.errors[0].path, "$.resources[\"acme:index:Site\"].methods.purge");
}

TEST(LoadTest, YamlSchemasReadLikeJson) {
  auto r = Load(R"(name: acme
version: "1.0"
resources:
  acme:sql/user:User:
    inputProperties:
      name: {type: string}
      port: {type: integer, default: 5432}
      enabled: {type: boolean}
      password: {type: string, secret: true}
    requiredInputs: [name]
)",
                "acme.yaml");
  ASSERT_TRUE(r) << r.errors[0].ToString();
  EXPECT_EQ(r.package->version, "1.0") << "a quoted scalar stays a string";
  auto const* user = r.package->FindResource("acme:sql/user:User");
  ASSERT_NE(user, nullptr);
  ASSERT_EQ(user->input_properties.size(), 4u);
  EXPECT_TRUE(user->input_properties[1].required);  // sorted: enabled, name, password, port
  EXPECT_TRUE(user->input_properties[2].secret);

  auto bad = Load("name: acme\nresources:\n  acme:x:X:\n    inputProperties:\n      a: {$ref: '#/types/acme:x:Nope'}\n",
                  "bad.yaml");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.errors[0].path, "$.resources[\"acme:x:X\"].inputProperties.a.$ref");

  auto malformed = Load("name: acme\nresources: [unclosed\n", "malformed.yaml");
  ASSERT_FALSE(malformed);
  EXPECT_THAT(malformed.errors[0].message, HasSubstr("malformed YAML: line"));
}

TEST(LoadErrorTest, InvalidToken) {
  auto r = LoadInline(R"({"name": "acme", "functions": {"acme:index:f:g": {}}})");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.errors.size(), 1u) << Errors(r);
  EXPECT_EQ(r.errors[0].path, "$.functions[\"acme:index:f:g\"]");
  EXPECT_THAT(r.errors[0].message, HasSubstr("invalid token"));
}

TEST(LoadErrorTest, RequiredNamesNoProperty) {
  auto r = LoadInline(R"({"name": "acme", "resources": {"acme:index:R": {
      "inputProperties": {"a": {"type": "string"}}, "requiredInputs": ["a", "b"],
      "properties": {"a": {"type": "string"}}, "required": ["c"]}},
    "types": {"acme:index:T": {"type": "object", "properties": {}, "required": ["x"]}},
    "config": {"variables": {}, "defaults": ["project"]}})");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.errors.size(), 4u) << Errors(r);
  EXPECT_EQ(r.errors[0].path, "$.types[\"acme:index:T\"].required[0]");
  EXPECT_EQ(r.errors[0].message, "\"x\" is not a property in properties");
  EXPECT_EQ(r.errors[1].path, "$.resources[\"acme:index:R\"].requiredInputs[1]");
  EXPECT_EQ(r.errors[1].message, "\"b\" is not a property in inputProperties");
  EXPECT_EQ(r.errors[2].path, "$.resources[\"acme:index:R\"].required[0]");
  EXPECT_EQ(r.errors[3].path, "$.config.defaults[0]");
}

TEST(LoadErrorTest, MissingFieldsAndBadShapes) {
  EXPECT_EQ(LoadInline(R"({"version": "1"})").errors.at(0).path, "$.name");
  EXPECT_EQ(LoadInline(R"([1, 2])").errors.at(0).path, "$");
  auto r = LoadInline(R"({"name": "acme", "types": {
      "acme:index:NoType": {"properties": {}},
      "acme:index:E": {"type": "integer", "enum": [{"value": 1}, {"value": "two"}, {"name": "x"}]},
      "acme:index:A": {"type": "object",
                       "properties": {"xs": {"type": "array"}, "b": {"type": "string", "secret": "yes"}}}}})");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.errors.size(), 5u) << Errors(r);
  EXPECT_EQ(r.errors[0].path, "$.types[\"acme:index:A\"].properties.b.secret");
  EXPECT_EQ(r.errors[0].message, "must be a boolean");
  EXPECT_EQ(r.errors[1].path, "$.types[\"acme:index:A\"].properties.xs.items");
  EXPECT_EQ(r.errors[2].path, "$.types[\"acme:index:E\"].enum[1].value");
  EXPECT_EQ(r.errors[2].message, "must be a integer (the enum's type), got \"two\"");
  EXPECT_EQ(r.errors[3].path, "$.types[\"acme:index:E\"].enum[2].value");
  EXPECT_EQ(r.errors[4].path, "$.types[\"acme:index:NoType\"].type");
}

TEST(LoadErrorTest, UnknownPulumiBuiltinAndBadModuleFormat) {
  auto r = LoadInline(R"({"name": "acme", "resources": {"acme:index:R": {
      "properties": {"a": {"$ref": "pulumi.json#/Asst"}}}}})");
  ASSERT_EQ(r.errors.size(), 1u) << Errors(r);
  EXPECT_EQ(r.errors[0].path, "$.resources[\"acme:index:R\"].properties.a.$ref");
  EXPECT_THAT(r.errors[0].message, HasSubstr("unknown pulumi.json type \"Asst\""));
  auto m = LoadInline(R"({"name": "acme", "meta": {"moduleFormat": "(unclosed"}})");
  ASSERT_EQ(m.errors.size(), 1u) << Errors(m);
  EXPECT_EQ(m.errors[0].path, "$.meta.moduleFormat");
}

TEST(LoadTest, ReplaceOnChangesThroughRecursiveTypes) {
  auto r = LoadInline(R"({"name": "acme",
    "types": {
      "acme:index:A": {"type": "object", "properties": {"b": {"$ref": "#/types/acme:index:B"}}},
      "acme:index:B": {"type": "object", "properties": {
        "a": {"$ref": "#/types/acme:index:A"}, "x": {"type": "string", "replaceOnChanges": true}}}},
    "resources": {"acme:index:R": {"properties": {
      "a": {"$ref": "#/types/acme:index:A"},
      "bs": {"type": "object", "additionalProperties": {"$ref": "#/types/acme:index:B"}}}}}})");
  ASSERT_TRUE(r) << Errors(r);
  EXPECT_THAT(r.package->FindResource("acme:index:R")->replace_on_changes, ElementsAre("a.b.x", "bs.x"));
}

TEST(LoadTest, MinimalSchemaAndCustomModuleFormat) {
  auto r = LoadInline(R"json({"name": "acme", "meta": {"moduleFormat": "(.*)"},
                              "resources": {"acme:compute/v1:Instance": {}}})json");
  ASSERT_TRUE(r) << Errors(r);
  auto const* i = r.package->FindResource("acme:compute/v1:Instance");
  ASSERT_NE(i, nullptr);
  EXPECT_EQ(i->module, "compute/v1");
  EXPECT_TRUE(i->input_properties.empty());
  EXPECT_FALSE(r.package->provider);
}

TEST(LoadTest, Parameterization) {
  auto r = LoadInline(R"({"name": "goodbye", "version": "2.0.0", "parameterization": {
      "baseProvider": {"name": "parameterized", "version": "1.2.3"}, "parameter": "R29vZGJ5ZQ=="}})");
  ASSERT_TRUE(r) << Errors(r);
  ASSERT_TRUE(r.package->parameterization.has_value());
  EXPECT_EQ(r.package->parameterization->base_name, "parameterized");
  EXPECT_EQ(r.package->parameterization->base_version, "1.2.3");
  EXPECT_EQ(r.package->parameterization->parameter_base64, "R29vZGJ5ZQ==");
  auto missing = LoadInline(R"({"name": "goodbye", "parameterization": {"parameter": "eA=="}})");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.errors[0].path, "$.parameterization.baseProvider");
}

}  // namespace
}  // namespace pulumi::codegen
