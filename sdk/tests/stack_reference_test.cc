#include "pulumi/stack_reference.h"
#include "pulumi/mocks/gtest.h"
#include "pulumi/mocks/mocks.h"
#include "pulumi/run.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace pulumi {
namespace {

using ::pulumi::mocks::AwaitForTest;
using ::pulumi::mocks::FailedWith;
using ::pulumi::mocks::IsKnownWith;
using ::pulumi::mocks::IsSecret;
using ::pulumi::mocks::MockDeployment;
using ::pulumi::mocks::MockOptions;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

MockOptions WithNetworkStack() {
  return MockOptions{.stack_references = {{"organization/apex-network/dev",
                                           {{"networkId", "projects/p/global/networks/apex"},
                                            {"subnetCidr", "10.10.0.0/20"},
                                            {"natIp", PropertyValue::MakeSecret("34.1.2.3")}}}}};
}

TEST(StackReferenceTest, ReadsOutputsOfTheOtherStack) {
  MockDeployment d(nullptr, WithNetworkStack());
  Output<std::string> network;
  Output<std::optional<std::string>> missing;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    StackReference ref(ctx, "network", {.name = "organization/apex-network/dev"});
    network = ref.RequireOutput<std::string>("networkId");
    missing = ref.GetOutput<std::string>("nothing");
  }),
            0);
  EXPECT_THAT(AwaitForTest(network), IsKnownWith(std::string("projects/p/global/networks/apex")));
  EXPECT_THAT(AwaitForTest(network), Not(IsSecret()));
  EXPECT_THAT(AwaitForTest(missing), IsKnownWith(std::optional<std::string>()));
  auto r = d.Find("pulumi:pulumi:StackReference", "network");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->read);
  EXPECT_EQ(r->id, "organization/apex-network/dev");
  EXPECT_EQ(r->inputs, (PropertyMap{{"name", "organization/apex-network/dev"}}));
}

TEST(StackReferenceTest, SecretOutputsStaySecret) {
  MockDeployment d(nullptr, WithNetworkStack());
  Output<std::string> nat;
  ASSERT_EQ(d.Run([&](Context& ctx) {
    StackReference ref(ctx, "network", {.name = "organization/apex-network/dev"});
    nat = ref.RequireOutput<std::string>("natIp");
    ctx.Export("nat", nat);
  }),
            0);
  EXPECT_THAT(AwaitForTest(nat), IsSecret());
  EXPECT_THAT(AwaitForTest(nat), IsKnownWith(std::string("34.1.2.3")));
  EXPECT_TRUE(d.stack_outputs().at("nat").is_secret());
}

TEST(StackReferenceTest, RequireOutputNamesTheMissingOutputAndTheStack) {
  MockDeployment d(nullptr, WithNetworkStack());
  Output<PropertyValue> missing;
  EXPECT_EQ(d.Run([&](Context& ctx) {
    StackReference ref(ctx, "network", {.name = "organization/apex-network/dev"});
    missing = ref.RequireOutput("routerName");
  }),
            kExitStatusLoggedError);
  EXPECT_THAT(AwaitForTest(missing),
              FailedWith(AllOf(HasSubstr("routerName"), HasSubstr("organization/apex-network/dev"))));
}

TEST(StackReferenceTest, MocksRecordWhichOutputsTheProgramReads) {
  MockDeployment d(nullptr, WithNetworkStack());
  ASSERT_EQ(d.Run([&](Context& ctx) {
    StackReference network(ctx, "network", {.name = "organization/apex-network/dev"});
    StackReference other(ctx, "other", {.name = "organization/apex-other/dev"});
    ctx.Export("net", network.RequireOutput<std::string>("networkId"));
    ctx.Export("nat", network.RequireOutput<std::string>("natIp"));
    ctx.Export("net-again", network.GetOutput("networkId"));
    ctx.Export("absent", other.GetOutput("nothing"));
  }),
            0);
  using Reads = std::map<std::string, std::vector<std::string>>;
  EXPECT_EQ(d.stack_reference_reads(), (Reads{{"organization/apex-network/dev", {"natIp", "networkId"}},
                                              {"organization/apex-other/dev", {"nothing"}}}));
  ASSERT_EQ(d.Run([](Context&) {}), 0);
  EXPECT_TRUE(d.stack_reference_reads().empty()) << "each Run records its own reads";
}

}  // namespace
}  // namespace pulumi
