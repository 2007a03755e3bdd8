// The peer benchmark's program, with our SDK: `bench:count` Things in Groups of ten. Each Thing but a
// group's first takes its `previous` input from an Apply over the `label` output of the Thing before it in
// its group, and has a secret `password`.
#include "pulumi/pulumi.h"

#include <optional>
#include <string>
#include <vector>

namespace {

struct ThingArgs {
  std::string label;
  int size = 0;
  std::vector<std::string> tags;
  pulumi::Input<std::string> previous;
  pulumi::Output<std::string> password;
};

class Thing : public pulumi::CustomResource {
 public:
  Thing(pulumi::Context& ctx, std::string const& name, ThingArgs const& args, pulumi::ResourceOptions const& opts)
      : CustomResource(ctx, "bench:index:Thing", name,
                       {{"label", args.label},
                        {"size", args.size},
                        {"tags", args.tags},
                        {"previous", args.previous},
                        {"password", args.password}},
                       opts),
        label(GetOutput<std::string>("label")) {}

  pulumi::Output<std::string> label;
};

class Group : public pulumi::ComponentResource {
 public:
  Group(pulumi::Context& ctx, std::string const& name) : ComponentResource(ctx, "bench:index:Group", name) {}
};

void Program(pulumi::Context& ctx) {
  int count = pulumi::Config(ctx).RequireInt("count");
  std::optional<Thing> previous;
  std::optional<Group> group;
  for (int i = 0; i < count; ++i) {
    if (i % 10 == 0) {
      group.emplace(ctx, "group-" + std::to_string(i / 10));
      previous.reset();
    }
    pulumi::Input<std::string> from_previous =
        previous ? previous->label.Apply([](std::string const& l) { return l + "/next"; })
                 : pulumi::Output<std::string>(std::string("none"));
    previous.emplace(ctx, "thing-" + std::to_string(i),
                     ThingArgs{.label = "thing-" + std::to_string(i),
                               .size = i,
                               .tags = {"bench", group->name()},
                               .previous = from_previous,
                               .password = pulumi::MakeSecret(pulumi::MakeOutput("s3cret-" + std::to_string(i)))},
                     pulumi::ResourceOptions{.parent = *group});
  }
  ctx.Export("count", count);
  if (previous) ctx.Export("last", previous->label);
}

}  // namespace

int main() { return pulumi::Run(Program); }
