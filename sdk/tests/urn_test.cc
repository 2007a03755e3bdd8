#include "internal/urn.h"

#include <gtest/gtest.h>

namespace pulumi::internal {
namespace {

TEST(UrnTest, ParsesEveryPart) {
  auto p = ParseUrn("urn:pulumi:dev::apex::apex:database:Cluster$gcp:sql/databaseInstance:DatabaseInstance::main-sql");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->stack, "dev");
  EXPECT_EQ(p->project, "apex");
  EXPECT_EQ(p->qualified_type, "apex:database:Cluster$gcp:sql/databaseInstance:DatabaseInstance");
  EXPECT_EQ(p->type(), "gcp:sql/databaseInstance:DatabaseInstance");
  EXPECT_EQ(p->name, "main-sql");
}

TEST(UrnTest, NamesMayContainSeparators) {
  auto p = ParseUrn("urn:pulumi:dev::apex::test:index:Thing::a::b");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->name, "a::b");
}

TEST(UrnTest, RejectsWhatIsNotAUrn) {
  EXPECT_FALSE(ParseUrn(""));
  EXPECT_FALSE(ParseUrn("urn:other:dev::apex::t::n"));
  EXPECT_FALSE(ParseUrn("urn:pulumi:dev::apex"));
}

TEST(UrnTest, MakesUrnsLikeTheEngine) {
  auto stack = MakeUrn("dev", "apex", "", "pulumi:pulumi:Stack", "apex-dev");
  EXPECT_EQ(stack, "urn:pulumi:dev::apex::pulumi:pulumi:Stack::apex-dev");
  // Children of the stack are not prefixed with its type; children of others are.
  auto cluster = MakeUrn("dev", "apex", stack, "apex:database:Cluster", "main");
  EXPECT_EQ(cluster, "urn:pulumi:dev::apex::apex:database:Cluster::main");
  EXPECT_EQ(MakeUrn("dev", "apex", cluster, "gcp:redis/instance:Instance", "cache"),
            "urn:pulumi:dev::apex::apex:database:Cluster$gcp:redis/instance:Instance::cache");
}

}  // namespace
}  // namespace pulumi::internal
