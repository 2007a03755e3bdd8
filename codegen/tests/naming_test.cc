#include "pulumi/codegen/naming.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace pulumi::codegen {
namespace {

using ::testing::ElementsAre;

TEST(NamingTest, SnakeCase) {
  EXPECT_EQ(ToSnakeCase("databaseVersion"), "database_version");
  EXPECT_EQ(ToSnakeCase("ipv4Enabled"), "ipv4_enabled");
  EXPECT_EQ(ToSnakeCase("URLMap"), "url_map");
  EXPECT_EQ(ToSnakeCase("RetrohuntId"), "retrohunt_id");
  EXPECT_EQ(ToSnakeCase("self_link"), "self_link");
  EXPECT_EQ(ToSnakeCase("DatabaseInstance"), "database_instance");
  EXPECT_EQ(ToSnakeCase("HTTPSProxy"), "https_proxy");
  EXPECT_EQ(ToSnakeCase("id"), "id");
  EXPECT_EQ(ToSnakeCase("ID"), "id");
  EXPECT_EQ(ToSnakeCase("cloudrunv2"), "cloudrunv2");
  EXPECT_EQ(ToSnakeCase("getUptimeCheckIPs"), "get_uptime_check_ips");
  EXPECT_EQ(ToSnakeCase("URLs"), "urls");
  EXPECT_EQ(ToSnakeCase("IPv4Enabled"), "ipv4_enabled");
  EXPECT_EQ(ToSnakeCase("IPsecTunnel"), "i_psec_tunnel");
  EXPECT_EQ(ToSnakeCase("VMsInZone"), "vms_in_zone");
  EXPECT_EQ(ToSnakeCase("azure-native"), "azure_native");
  EXPECT_EQ(ToSnakeCase("a.b c"), "a_b_c");
  EXPECT_EQ(ToSnakeCase("foo_Bar"), "foo_bar");
  EXPECT_EQ(ToSnakeCase("3des"), "_3des");
  EXPECT_EQ(ToSnakeCase("$"), "unnamed");
}

TEST(NamingTest, KeywordsAreEscapedWithATrailingUnderscore) {
  for (char const* kw : {"namespace", "operator", "default", "template", "delete", "export", "auto", "override",
                         "register", "class", "and", "requires", "co_await", "final", "module", "errno", "major"}) {
    EXPECT_EQ(MemberName(kw), std::string(kw) + "_") << kw;
  }
  EXPECT_EQ(MemberName("domain"), "domain");  // not a keyword, nor a macro in glibc
  EXPECT_EQ(MemberName("name"), "name");
  EXPECT_EQ(MemberName("Namespace"), "namespace_");
  EXPECT_EQ(MemberName("databaseVersion"), "database_version");
  EXPECT_TRUE(IsReservedIdentifier("struct"));
  EXPECT_FALSE(IsReservedIdentifier("struct_"));
  EXPECT_EQ(EscapeIdentifier("int"), "int_");
}

TEST(NamingTest, MemberNamesAreUniqueWithinAList) {
  std::vector<Property> props(3);
  props[0].name = "fooBar";
  props[1].name = "foo_bar";
  props[2].name = "class";
  EXPECT_THAT(MemberNames(props), ElementsAre("foo_bar", "foo_bar_", "class_"));
}

TEST(NamingTest, Namespaces) {
  EXPECT_EQ(ModuleNamespace("gcp", "sql"), "pulumi::gcp::sql");
  EXPECT_EQ(ModuleNamespace("gcp", "cloudrunv2"), "pulumi::gcp::cloudrunv2");
  EXPECT_EQ(ModuleNamespace("random", "index"), "pulumi::random");
  EXPECT_EQ(ModuleNamespace("azure-native", "compute/v1"), "pulumi::azure_native::compute::v1");
  EXPECT_EQ(ModuleNamespace("acme", "operator"), "pulumi::acme::operator_");
  EXPECT_EQ(ModuleNamespace("acme", "internal"), "pulumi::acme::internal_");
  EXPECT_EQ(ModuleNamespace("acme", "std"), "pulumi::acme::std_");
  EXPECT_EQ(PackageNamespace("mocks"), "mocks_");
  EXPECT_EQ(ModuleDirectory("gcp", "sql"), "pulumi/gcp/sql");
  EXPECT_EQ(ModuleDirectory("random", "index"), "pulumi/random");
}

TEST(NamingTest, TypeAndFileNames) {
  EXPECT_EQ(TypeName("DatabaseInstance"), "DatabaseInstance");
  EXPECT_EQ(TypeName("getDatabaseInstance"), "GetDatabaseInstance");
  EXPECT_EQ(TypeName("foo-bar"), "FooBar");
  EXPECT_EQ(TypeName("3d"), "X3d");
  EXPECT_EQ(FileName("DatabaseInstance"), "database_instance.h");
  EXPECT_EQ(FileName("getDatabaseInstance"), "get_database_instance.h");
  EXPECT_EQ(FileName("Types"), "types_.h");
  EXPECT_EQ(HeaderPath("gcp", "sql", "DatabaseInstance"), "pulumi/gcp/sql/database_instance.h");
  EXPECT_EQ(HeaderPath("random", "index", "RandomString"), "pulumi/random/random_string.h");
}

TEST(NamingTest, CollisionsInAModule) {
  Module m;
  m.name = "sql";
  m.resources.push_back({.token = "acme:sql/databaseInstance:DatabaseInstance", .name = "DatabaseInstance"});
  m.resources.push_back({.token = "acme:sql/types:Types", .name = "Types"});
  m.functions.push_back({.token = "acme:sql/getDatabaseInstance:getDatabaseInstance", .name = "getDatabaseInstance"});
  m.functions.push_back({.token = "acme:sql/types:types", .name = "types"});
  m.object_types.push_back(
      {.token = "acme:sql/DatabaseInstanceArgs:DatabaseInstanceArgs", .name = "DatabaseInstanceArgs"});
  m.object_types.push_back(
      {.token = "acme:sql/DatabaseInstanceState:DatabaseInstanceState", .name = "DatabaseInstanceState"});
  m.object_types.push_back(
      {.token = "acme:sql/GetDatabaseInstanceResult:GetDatabaseInstanceResult", .name = "GetDatabaseInstanceResult"});
  m.object_types.push_back({.token = "acme:sql/Settings:Settings", .name = "Settings"});
  m.enum_types.push_back({.token = "acme:sql/DatabaseInstance:DatabaseInstance", .name = "DatabaseInstance"});
  m.enum_types.push_back(
      {.token = "acme:sql/DatabaseInstanceArgs_:DatabaseInstanceArgs_", .name = "DatabaseInstanceArgs_"});

  auto names = AssignNames(m);
  EXPECT_EQ(names.types.at("acme:sql/databaseInstance:DatabaseInstance"), "DatabaseInstance");
  EXPECT_EQ(names.types.at("acme:sql/getDatabaseInstance:getDatabaseInstance"), "GetDatabaseInstance");
  EXPECT_EQ(names.types.at("acme:sql/types:types"), "Types_");
  EXPECT_EQ(names.types.at(TypeKey("acme:sql/DatabaseInstanceArgs:DatabaseInstanceArgs")), "DatabaseInstanceArgs_");
  EXPECT_EQ(names.types.at(TypeKey("acme:sql/DatabaseInstanceArgs_:DatabaseInstanceArgs_")), "DatabaseInstanceArgs_2");
  EXPECT_EQ(names.types.at(TypeKey("acme:sql/DatabaseInstanceState:DatabaseInstanceState")), "DatabaseInstanceState_");
  EXPECT_EQ(names.types.at(TypeKey("acme:sql/GetDatabaseInstanceResult:GetDatabaseInstanceResult")),
            "GetDatabaseInstanceResult_");
  EXPECT_EQ(names.types.at(TypeKey("acme:sql/DatabaseInstance:DatabaseInstance")), "DatabaseInstance_");
  EXPECT_EQ(names.types.at(TypeKey("acme:sql/Settings:Settings")), "Settings");
  EXPECT_EQ(names.files.at("acme:sql/databaseInstance:DatabaseInstance"), "database_instance.h");
  EXPECT_EQ(names.files.at("acme:sql/types:Types"), "types_.h");
  EXPECT_EQ(names.files.at("acme:sql/types:types"), "types_2.h");
  EXPECT_EQ(names.files.at("acme:sql/getDatabaseInstance:getDatabaseInstance"), "get_database_instance.h");
  EXPECT_EQ(names.files.at(TypeKey("acme:sql/Settings:Settings")), "types/settings.h");
  EXPECT_EQ(names.args.at(TypeKey("acme:sql/Settings:Settings")), "SettingsArgs");
  EXPECT_EQ(names.args.at("acme:sql/databaseInstance:DatabaseInstance"), "DatabaseInstanceArgs");
  EXPECT_EQ(names.states.at("acme:sql/databaseInstance:DatabaseInstance"), "DatabaseInstanceState");
  EXPECT_EQ(names.results.at("acme:sql/getDatabaseInstance:getDatabaseInstance"), "GetDatabaseInstanceResult");
  EXPECT_EQ(names.plain_functions.at("acme:sql/getDatabaseInstance:getDatabaseInstance"), "GetDatabaseInstancePlain");
  EXPECT_EQ(names.plain_args.at("acme:sql/getDatabaseInstance:getDatabaseInstance"), "GetDatabaseInstancePlainArgs");
}

TEST(NamingTest, AResourceAndATypeMayShareAToken) {
  Module m;
  m.name = "index";
  m.resources.push_back({.token = "acme:index:ElementType", .name = "ElementType"});
  m.object_types.push_back({.token = "acme:index:ElementType", .name = "ElementType"});
  auto names = AssignNames(m);
  EXPECT_EQ(names.types.at("acme:index:ElementType"), "ElementType");
  EXPECT_EQ(names.args.at("acme:index:ElementType"), "ElementTypeArgs");
  EXPECT_EQ(names.types.at(TypeKey("acme:index:ElementType")), "ElementType_");
  EXPECT_EQ(names.args.at(TypeKey("acme:index:ElementType")), "ElementType_Args");
  EXPECT_EQ(names.files.at("acme:index:ElementType"), "element_type.h");
  EXPECT_EQ(names.files.at(TypeKey("acme:index:ElementType")), "types/element_type.h");
}

TEST(NamingTest, TheRootModuleReservesTheProvider) {
  Module m;
  m.name = "index";
  m.resources.push_back({.token = "acme:index/provider:Provider", .name = "Provider"});
  auto names = AssignNames(m, /*with_provider=*/true);
  EXPECT_EQ(names.types.at("acme:index/provider:Provider"), "Provider_");
  EXPECT_EQ(names.files.at("acme:index/provider:Provider"), "provider_.h");
}

TEST(NamingTest, Banner) {
  EXPECT_EQ(Banner("gcp", "9.0.0"), "// Code generated by pulumi-gen-cpp from gcp@9.0.0. DO NOT EDIT.");
}

}  // namespace
}  // namespace pulumi::codegen
