// l3-deferred-outputs: components that take each other's outputs (the PCL's ./first and ./second), directly
// (first and second) and through a range (another and many). The output used before its component exists
// is a pulumi::DeferredOutput, resolved once that component has been constructed.
//
// These components do not record their inputs in the state (the ComponentResource constructor without
// inputs): a component registered with its inputs waits for them, its children wait for it, and here each
// component's input is the other's child's output, so neither could ever be registered.
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <string>
#include <vector>

struct ComponentArgs {
  pulumi::Input<bool> input;
};

class First : public pulumi::ComponentResource {
 public:
  First(pulumi::Context& ctx, std::string const& name, ComponentArgs const& args,
        pulumi::ResourceOptions const& opts = {})
      : ComponentResource(ctx, "components:index:First", name, opts) {
    pulumi::simple::Resource first_untainted(ctx, name + "-first-untainted", {.value = true}, {.parent = *this});
    pulumi::simple::Resource first_tainted(ctx, name + "-first-tainted",
                                           {.value = args.input.ToOutput().Apply([](bool v) { return !v; })},
                                           {.parent = *this});
    untainted = first_untainted.value();
    tainted = first_tainted.value();
    RegisterOutputs({{"untainted", untainted}, {"tainted", tainted}});
  }

  pulumi::Output<bool> untainted;
  pulumi::Output<bool> tainted;
};

class Second : public pulumi::ComponentResource {
 public:
  Second(pulumi::Context& ctx, std::string const& name, ComponentArgs const& args,
         pulumi::ResourceOptions const& opts = {})
      : ComponentResource(ctx, "components:index:Second", name, opts) {
    pulumi::simple::Resource second_untainted(ctx, name + "-second-untainted", {.value = true}, {.parent = *this});
    pulumi::simple::Resource second_tainted(ctx, name + "-second-tainted",
                                            {.value = args.input.ToOutput().Apply([](bool v) { return !v; })},
                                            {.parent = *this});
    untainted = second_untainted.value();
    tainted = second_tainted.value();
    RegisterOutputs({{"untainted", untainted}, {"tainted", tainted}});
  }

  pulumi::Output<bool> untainted;
  pulumi::Output<bool> tainted;
};

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    // first and second: each takes the other's untainted output.
    auto [second_untainted, resolve_second_untainted] = pulumi::DeferredOutput<bool>();
    First first(ctx, "first", {.input = second_untainted});
    Second second(ctx, "second", {.input = first.untainted});
    resolve_second_untainted(second.untainted);

    // another takes a value computed from the untainted outputs of all of many (not just how many there
    // are), and each of many takes another's untainted output.
    auto [many_untainted, resolve_many_untainted] = pulumi::DeferredOutput<std::vector<bool>>();
    First another(ctx, "another", {.input = many_untainted.Apply([](std::vector<bool> const& values) {
                    std::string joined;
                    for (bool v : values) joined += v ? "a" : "b";
                    return joined == "xyz";
                  })});
    std::vector<Second> many;
    for (int i = 0; i < 2; ++i) {
      many.emplace_back(ctx, "many-" + std::to_string(i), ComponentArgs{.input = another.untainted});
    }
    std::vector<pulumi::Output<bool>> untainted;
    for (auto const& m : many) untainted.push_back(m.untainted);
    resolve_many_untainted(pulumi::All(untainted));
  });
}
