// infra/stack-graph.txt as the programs see it: the parsed graph, its refusals of a malformed file, the names a
// stack goes by, and StackReads, which references exactly the declared stacks and refuses an undeclared output.
#include "apex/stack_graph.h"
#include "apex/stack_outputs.h"
#include "apex/stack_reads.h"

#include "pulumi/mocks/mocks.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(StackGraphTest, TheFourProjectsInDependencyOrder) {
  std::vector<std::string> names;
  for (auto const& p : apex::StackGraph()) names.push_back(p.name);
  EXPECT_THAT(names, ElementsAre("apex-network", "apex-databases", "apex-services", "apex-monitoring"));
  EXPECT_TRUE(apex::GraphProjectNamed("apex-network").reads.empty());
  EXPECT_THAT(apex::GraphProjectNamed("apex-services").ReadProjects(), ElementsAre("apex-network", "apex-databases"));
  EXPECT_THAT(apex::GraphProjectNamed("apex-monitoring").ReadProjects(),
              ElementsAre("apex-databases", "apex-services"));
  EXPECT_THAT(apex::GraphProjectNamed("apex-databases").ReadOf("apex-network")->outputs,
              ElementsAre("networkId", "subnetSelfLink", "psaRangeName", "privateServiceConnection"));
  EXPECT_EQ(apex::GraphProjectNamed("apex-databases").ReadOf("apex-services"), nullptr);
  EXPECT_THROW(apex::GraphProjectNamed("apex-web"), std::out_of_range);
}

TEST(StackGraphTest, RepeatedReadsOfOneStackAddUp) {
  auto graph = apex::ParseStackGraph("# c\na\n\nb\n  reads a: x y\n  reads a: z\n");
  ASSERT_EQ(graph.size(), 2u);
  ASSERT_EQ(graph[1].reads.size(), 1u);
  EXPECT_THAT(graph[1].reads[0].outputs, ElementsAre("x", "y", "z"));
}

TEST(StackGraphTest, RefusesAMalformedGraphNamingTheLine) {
  auto refusal = [](std::string const& text) {
    try {
      apex::ParseStackGraph(text);
    } catch (std::invalid_argument const& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refusal("a\n  reads b: x\nb\n"), "stack-graph.txt line 2: a reads b, which is not a project before it");
  EXPECT_EQ(refusal("a\n  reads a: x\n"), "stack-graph.txt line 2: a reads a, which is not a project before it");
  EXPECT_EQ(refusal("a\na\n"), "stack-graph.txt line 2: a is declared twice");
  EXPECT_EQ(refusal("a b\n"), "stack-graph.txt line 1: a project line holds only its name");
  EXPECT_THAT(refusal("a\nb\n  reads a\n"), HasSubstr("line 3: expected '  reads <project>: <output>...'"));
  EXPECT_THAT(refusal("  reads a: x\n"), HasSubstr("line 1: expected"));
}

TEST(StackGraphTest, TheNamesAStackGoesBy) {
  EXPECT_EQ(apex::ShortName("apex-network"), "network");
  EXPECT_EQ(apex::ShortName("shop"), "shop");
  EXPECT_EQ(apex::QualifiedStackName("acme", "apex-network", "prod"), "acme/apex-network/prod");
}

class StackReadsTest : public ::testing::Test {
 protected:
  static int Run(std::function<void(apex::StackReads const&)> const& read, pulumi::mocks::MockDeployment& d) {
    return d.Run([&](pulumi::Context& ctx) {
      apex::CommonConfig common;
      common.stack_organization = "acme";
      apex::StackReads stacks(ctx, common, "apex-databases");
      read(stacks);
    });
  }
  pulumi::mocks::MockDeployment deployment_{
      nullptr,
      {.project = "apex-databases",
       .stack = "dev",
       .stack_references = {{"acme/apex-network/dev", {{apex::outputs::kNetworkId, "net-1"}}}}}};
};

TEST_F(StackReadsTest, ReferencesEachDeclaredStackByItsShortName) {
  ASSERT_EQ(Run([](auto const& s) { s.Require("apex-network", apex::outputs::kNetworkId); }, deployment_), 0);
  auto refs = deployment_.OfType("pulumi:pulumi:StackReference");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].name, "network");
  EXPECT_EQ(refs[0].inputs.at("name"), pulumi::PropertyValue(std::string("acme/apex-network/dev")));
}

TEST_F(StackReadsTest, RefusesAnOutputTheGraphDoesNotList) {
  EXPECT_NE(Run([](auto const& s) { s.Require("apex-network", apex::outputs::kImageRegistry); }, deployment_), 0);
  std::string log;
  for (auto const& l : deployment_.logs()) log += l.message + "\n";
  EXPECT_THAT(log, HasSubstr("apex-databases reads apex-network's output imageRegistry, which infra/stack-graph.txt "
                             "does not list"));
}

}  // namespace
