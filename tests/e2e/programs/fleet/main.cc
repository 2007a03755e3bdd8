// The end-to-end program of the failure-path tests: two groups of custom resources (e2e:index:Item, served by
// pulumi-resource-e2e) under components, a provider function, stack outputs. Config `mode` makes the program
// fail on one exit path after the first group has registered and before the second one has; if the engine
// took a failed run for a finished one, it would delete the second group.
//   normal  everything registers
//   throw   an exception in the body            config   `fanout` read with GetInt (set it to a non-integer)
//   apply   an exception in an Apply callback    invoke   a failed provider function
//   duplicate  a registration the engine rejects (a duplicate URN)
//   check   a registration the provider rejects in Check      create  one whose Create fails (up only)
//   slow    writes `markerFile`, then waits 60 s (the test interrupts it)
#include "pulumi/pulumi.h"

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace {

constexpr char kItem[] = "e2e:index:Item";

class Group : public pulumi::ComponentResource {
 public:
  Group(pulumi::Context& ctx, std::string const& name, int size, pulumi::Input<std::string> const& value)
      : ComponentResource(ctx, "e2e:index:Group", name) {
    for (int i = 0; i < size; ++i) {
      items.emplace_back(ctx, kItem, name + "-" + std::to_string(i),
                         pulumi::PropertyInputs{{"value", value}, {"key", "k1"}},
                         pulumi::ResourceOptions{.parent = *this});
    }
    RegisterOutputs({{"size", size}});
  }
  std::vector<pulumi::CustomResource> items;
};

}  // namespace

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    auto const mode = config.Get("mode").value_or("normal");
    auto const value = config.Get("value").value_or("v1");
    Group first(ctx, "first", 3, value);

    if (mode == "throw") throw std::runtime_error("e2e: the program failed on purpose");
    int const fanout = config.GetInt("fanout").value_or(3);
    if (mode == "duplicate") {
      pulumi::CustomResource again(ctx, kItem, "first-0", {{"value", value}, {"key", "k1"}}, {.parent = first});
    }
    if (mode == "check") pulumi::CustomResource bad(ctx, kItem, "extra", {{"value", "invalid"}});
    if (mode == "create") pulumi::CustomResource bad(ctx, kItem, "extra", {{"value", "x"}, {"failCreate", true}});
    if (mode == "slow") {
      std::ofstream(config.Require("markerFile")) << "started\n";
      std::this_thread::sleep_for(std::chrono::seconds(60));
    }

    auto looked_up = pulumi::Invoke(ctx, "e2e:index:lookup", {{"value", "seed"}, {"fail", mode == "invoke"}});
    auto seed = looked_up.Apply([mode](pulumi::PropertyMap const& result) {
      if (mode == "apply") throw std::runtime_error("e2e: an apply callback failed on purpose");
      return result.at("value").AsString();
    });
    Group second(ctx, "second", fanout, seed);

    ctx.Export("firstId", first.items.front().id());
    ctx.Export("secondId", second.items.front().id());
    ctx.Export("seed", seed);
  });
}
