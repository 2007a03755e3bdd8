// l2-provider-grpc-config-schema-secret: a config-grpc provider configured with properties that the schema
// marks secret (the generated SDK sends them as secrets).
#include "pulumi/config_grpc/config_fetcher.h"
#include "pulumi/config_grpc/provider.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

namespace cg = pulumi::config_grpc;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    cg::Provider config_grpc_provider(
        ctx, "config_grpc_provider",
        {
            .list_secret_string1 = std::vector<std::string>{"SECRET", "SECRET2"},
            .map_secret_string1 = std::map<std::string, std::string>{{"key1", "SECRET"}, {"key2", "SECRET2"}},
            .obj_secret_string1 = cg::TsecretString1Args{.secret_x = "SECRET"},
            .secret_bool1 = true,
            .secret_int1 = 16,
            .secret_num1 = 123456.7890,
            .secret_string1 = "SECRET",
        });
    cg::ConfigFetcher config(ctx, "config", {}, {.provider = config_grpc_provider});
  });
}
