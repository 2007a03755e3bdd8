// The end-to-end test program: components with children, plain and secret config, stack outputs.
// Config `mode` selects a failure to exercise: "throw" (an exception in the body) or "slow" (writes
// `markerFile`, then waits, so that the test can interrupt `pulumi up`).
#include "pulumi/pulumi.h"

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace {

class Tier : public pulumi::ComponentResource {
 public:
  Tier(pulumi::Context& ctx, std::string const& name, std::string const& region)
      : ComponentResource(ctx, "e2e:index:Tier", name) {
    pulumi::ComponentResource shard0(ctx, "e2e:index:Shard", name + "-shard-0", {.parent = *this});
    pulumi::ComponentResource shard1(ctx, "e2e:index:Shard", name + "-shard-1", {.parent = *this});
    RegisterOutputs({{"region", region}, {"shards", 2}});
  }
};

}  // namespace

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    auto mode = config.Get("mode").value_or("normal");
    if (mode == "throw") throw std::runtime_error("e2e: the program failed on purpose");
    auto region = config.Require("region");
    auto token = config.RequireSecret("token");
    Tier web(ctx, "web", region);
    if (mode == "slow") {
      std::ofstream(config.Require("markerFile")) << "started\n";
      std::this_thread::sleep_for(std::chrono::seconds(60));
    }
    Tier data(ctx, "data", region);
    ctx.Export("region", region);
    ctx.Export("token", token);
    ctx.Export("tokenLength", token.Apply([](std::string const& t) { return static_cast<int>(t.size()); }));
    ctx.Export("greeting", pulumi::Format("hello from {}", region));
  });
}
