// l2-resource-secret: a resource whose schema marks some inputs secret, among them objects, lists and maps.
#include "pulumi/pulumi.h"
#include "pulumi/secret/resource.h"

#include <map>
#include <string>
#include <vector>

namespace sc = pulumi::secret;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    sc::Resource res(
        ctx, "res",
        {
            .private_ = "closed",
            .private_array = std::vector<std::string>{"closed"},
            .private_data = sc::DataArgs{.private_ = "closed", .public_ = "open"},
            .private_data_array = std::vector<sc::DataArgs>{{.private_ = "closed", .public_ = "open"}},
            .private_data_map = std::map<std::string, sc::DataArgs>{{"key", {.private_ = "closed", .public_ = "open"}}},
            .private_map = std::map<std::string, std::string>{{"key", "closed"}},
            .public_ = "open",
            .public_data = sc::DataArgs{.private_ = "closed", .public_ = "open"},
        });
  });
}
