// The generated bindings of golden/expected/invokes through the mocks: a result-only object type (no Args
// struct, no encoder, only a decoder) decodes from what the provider returns.
#include "pulumi/invokes/resolve.h"
#include "pulumi/mocks/gtest.h"
#include "pulumi/mocks/mocks.h"
#include "pulumi/pulumi.h"

#include <gtest/gtest.h>

namespace {

using ::pulumi::PropertyMap;
using ::pulumi::mocks::AwaitForTest;
using ::pulumi::mocks::MockDeployment;

class EndpointMocks : public pulumi::mocks::Mocks {
 public:
  PropertyMap Call(pulumi::mocks::MockCallArgs const& args) override {
    auto service = args.args.at("service").AsString();
    return {{"endpoint", PropertyMap{{"host", service + ".internal"}, {"port", 5432.0}}}};
  }
};

TEST(InvokesBindingsTest, AResultOnlyObjectTypeDecodes) {
  MockDeployment deployment(std::make_shared<EndpointMocks>());
  std::optional<pulumi::Output<pulumi::invokes::ResolveResult>> output_form;
  pulumi::invokes::Endpoint plain;
  ASSERT_EQ(deployment.Run([&](pulumi::Context& ctx) {
    output_form = pulumi::invokes::Resolve(ctx, {.service = pulumi::Output<std::string>("db")});
    plain = pulumi::invokes::ResolvePlain(ctx, {.service = "cache"}).endpoint;
  }),
            0);
  auto result = AwaitForTest(*output_form);
  ASSERT_TRUE(result.known);
  EXPECT_EQ(result.value->endpoint.host, "db.internal");
  EXPECT_EQ(result.value->endpoint.port, 5432);
  EXPECT_EQ(plain.host, "cache.internal");
  EXPECT_EQ(plain.port, 5432);
}

}  // namespace
