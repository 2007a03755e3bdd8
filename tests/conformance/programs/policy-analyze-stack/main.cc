// policy-analyze-stack: one resource, plus extraCount (config) more, for the "analyze-stack" pack's stack
// policy to count.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <string>
#include <vector>

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    int extra_count = pulumi::Config(ctx).RequireInt("extraCount");
    Resource res1(ctx, "res1", {.value = true});
    std::vector<Resource> res2;
    for (int i = 0; i < extra_count; ++i) {
      res2.emplace_back(ctx, "res2-" + std::to_string(i), pulumi::simple::ResourceArgs{.value = false});
    }
  });
}
