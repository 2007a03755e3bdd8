// l2-provider-grpc-config-secret: a config-grpc provider configured with secrets that come back from invokes.
#include "pulumi/config_grpc/config_fetcher.h"
#include "pulumi/config_grpc/provider.h"
#include "pulumi/config_grpc/to_secret.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

namespace cg = pulumi::config_grpc;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    auto secret_string = [&ctx] {
      return cg::ToSecret(ctx, {.string1 = "SECRET"}).Apply([](cg::ToSecretResult const& r) { return r.string1; });
    };
    auto int1 = cg::ToSecret(ctx, {.int1 = 1234567890}).Apply([](cg::ToSecretResult const& r) { return r.int1; });
    auto num1 = cg::ToSecret(ctx, {.num1 = 123456.7890}).Apply([](cg::ToSecretResult const& r) { return r.num1; });
    auto bool1 = cg::ToSecret(ctx, {.bool1 = true}).Apply([](cg::ToSecretResult const& r) { return r.bool1; });
    auto list_string1 = cg::ToSecret(ctx, {.list_string1 = std::vector<std::string>{"SECRET", "SECRET2"}})
                            .Apply([](cg::ToSecretResult const& r) { return r.list_string1; });
    auto list_string2 = pulumi::All(pulumi::MakeOutput(std::string("VALUE")), secret_string())
                            .Apply([](std::string const& a, std::string const& b) {
                              return std::vector<std::string>{a, b};
                            });
    // A map with one secret value (the map itself is not secret).
    std::map<std::string, pulumi::Output<std::string>> map_string2{{"key1", pulumi::MakeOutput("value1")},
                                                                   {"key2", secret_string()}};

    cg::Provider config_grpc_provider(ctx, "config_grpc_provider",
                                      {
                                          .bool1 = bool1,
                                          .int1 = int1,
                                          .list_string1 = list_string1,
                                          .list_string2 = list_string2,
                                          .map_string2 = map_string2,
                                          .num1 = num1,
                                          .obj_string2 = cg::Tstring2Args{.x = secret_string()},
                                          .string1 = secret_string(),
                                      });
    cg::ConfigFetcher config(ctx, "config", {}, {.provider = config_grpc_provider});
  });
}
