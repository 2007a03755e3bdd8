#include "pulumi/policy/policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace pulumi::policy {
namespace {

using ::testing::HasSubstr;

Properties Sql() {
  PropertyMap ip{{"ipv4Enabled", false}, {"authorizedNetworks", PropertyArray{PropertyMap{{"value", "10.0.0.0/8"}}}}};
  PropertyArray flags{PropertyMap{{"name", "log_connections"}, {"value", "on"}}};
  return Properties(PropertyMap{
      {"databaseVersion", "POSTGRES_18"},
      {"settings", PropertyMap{{"ipConfiguration", ip}, {"databaseFlags", flags}, {"tier", PropertyValue()}}},
      {"rootPassword", PropertyValue::MakeSecret("hunter2")},
      {"labels", OutputValue{.value = std::make_shared<PropertyValue const>(PropertyMap{{"env", "prod"}}),
                             .secret = false,
                             .dependencies = {"urn:a"}}},
      {"pending", PropertyValue::MakeComputed()},
      {"partly", PropertyMap{{"known", 1}, {"unknown", PropertyValue::MakeComputed()}}},
      {"secretUnknown", PropertyValue::MakeSecret(PropertyValue::MakeComputed())},
  });
}

TEST(PropertiesTest, ReadsDottedPathsAndListElements) {
  auto p = Sql();
  EXPECT_EQ(p.GetString("databaseVersion"), "POSTGRES_18");
  EXPECT_EQ(p.GetBool("settings.ipConfiguration.ipv4Enabled"), false);
  EXPECT_EQ(p.GetString("settings.ipConfiguration.authorizedNetworks[0].value"), "10.0.0.0/8");
  EXPECT_EQ(p.GetString("settings.databaseFlags[0].name"), "log_connections");
  EXPECT_EQ(p.GetList("settings.databaseFlags").size(), 1u);
  EXPECT_EQ(p.GetNumber("partly.known"), 1.0);
}

TEST(PropertiesTest, AbsentAndNullValuesAreNullopt) {
  auto p = Sql();
  EXPECT_EQ(p.GetBool("settings.backupConfiguration.enabled"), std::nullopt);
  EXPECT_EQ(p.GetString("settings.databaseFlags[3].name"), std::nullopt);
  EXPECT_EQ(p.GetString("settings.tier"), std::nullopt);
  EXPECT_FALSE(p.Has("nothing"));
  EXPECT_TRUE(p.GetList("nothing").empty());
  EXPECT_TRUE(p.GetObject("nothing").empty());
}

TEST(PropertiesTest, UnwrapsSecretsAndOutputValuesButKnowsTheyAreSecret) {
  auto p = Sql();
  EXPECT_EQ(p.GetString("rootPassword"), "hunter2");
  EXPECT_TRUE(p.IsSecret("rootPassword"));
  EXPECT_FALSE(p.IsSecret("databaseVersion"));
  EXPECT_EQ(p.GetString("labels.env"), "prod");
  EXPECT_EQ(p.GetObject("labels").at("env"), PropertyValue("prod"));
  EXPECT_TRUE(p.IsSecret("secretUnknown"));
}

TEST(PropertiesTest, RefusesUnknownValuesNamingThePath) {
  auto p = Sql();
  try {
    (void)p.GetBool("pending");
    FAIL() << "an unknown value was read";
  } catch (UnknownValueError const& e) {
    EXPECT_EQ(e.path(), ".pending");
    EXPECT_THAT(e.what(), HasSubstr("can't be known during preview"));
  }
  EXPECT_THROW((void)p.GetString("pending.deeper"), UnknownValueError);
  EXPECT_THROW((void)p.GetObject("partly"), UnknownValueError);
  EXPECT_THROW((void)p.Get("secretUnknown"), UnknownValueError);
  try {
    (void)p.Get("partly");
  } catch (UnknownValueError const& e) {
    EXPECT_EQ(e.path(), ".partly.unknown");
  }
}

TEST(PropertiesTest, AWrongTypeNamesThePathAndBothTypes) {
  auto p = Sql();
  try {
    (void)p.GetBool("databaseVersion");
    FAIL();
  } catch (std::invalid_argument const& e) {
    EXPECT_STREQ(e.what(), "property databaseVersion is a string, not a bool");
  }
  EXPECT_THROW((void)p.GetString("a..b"), std::invalid_argument);
  EXPECT_THROW((void)p.GetString("a[x]"), std::invalid_argument);
}

}  // namespace
}  // namespace pulumi::policy
