// l2-provider-grpc-config: an explicit config-grpc provider configured with values of many schema shapes.
#include "pulumi/config_grpc/config_fetcher.h"
#include "pulumi/config_grpc/provider.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::config_grpc::Provider config_grpc_provider(
        ctx, "config_grpc_provider",
        {
            .bool1 = true,
            .bool2 = false,
            .int1 = 0,
            .int2 = 42,
            .list_int1 = std::vector<int>{1, 2},
            .list_string1 = std::vector<std::string>{},
            .list_string2 = std::vector<std::string>{"", "foo"},
            .map_int1 = std::map<std::string, int>{{"key1", 0}, {"key2", 42}},
            .map_string1 = std::map<std::string, std::string>{},
            .map_string2 = std::map<std::string, std::string>{{"key1", "value1"}, {"key2", "value2"}},
            .num1 = 0.0,
            .num2 = 42.42,
            .obj_int1 = pulumi::config_grpc::Tint1Args{.x = 42},
            .obj_string1 = pulumi::config_grpc::Tstring1Args{},
            .obj_string2 = pulumi::config_grpc::Tstring2Args{.x = "x-value"},
            .string1 = "",
            .string2 = "x",
            // A JSON-like string, to see if it trips up JSON detectors.
            .string3 = "{}",
        });
    pulumi::config_grpc::ConfigFetcher config(ctx, "config", {}, {.provider = config_grpc_provider});
  });
}
