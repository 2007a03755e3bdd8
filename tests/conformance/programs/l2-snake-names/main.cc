// l2-snake-names: a package, module, resources, types and properties named in snake_case; an invoke's
// input comes from a resource output and a resource's input from the invoke's result.
#include "pulumi/pulumi.h"
#include "pulumi/snake_names/cool_module/another_resource.h"
#include "pulumi/snake_names/cool_module/some_data.h"
#include "pulumi/snake_names/cool_module/some_resource.h"

namespace cool = pulumi::snake_names::cool_module;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    cool::SomeResource first(ctx, "first",
                             {.nested = cool::NestedInputArgs{.nested_value = "nested"}, .the_input = true});
    ctx.Export("theOutput", first.the_output());
    auto data = cool::SomeData(
        ctx,
        {.nested = std::vector<cool::EntryArgs>{{.value = "fuzz"}},
         .the_input = first.the_output().Apply([](auto const& out) { return out.at("someKey").at(0).nested_output; })});
    cool::AnotherResource third(
        ctx, "third",
        {.the_input = data.Apply([](cool::SomeDataResult const& r) { return r.nested_output.at(0).at("key").value; })});
  });
}
