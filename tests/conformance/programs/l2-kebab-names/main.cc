// l2-kebab-names: a package, module, resources, types, properties and a function all named in kebab-case.
#include "pulumi/kebab_names/kebab_module/another_resource.h"
#include "pulumi/kebab_names/kebab_module/do_something.h"
#include "pulumi/kebab_names/kebab_module/some_resource.h"
#include "pulumi/pulumi.h"

namespace kebab = pulumi::kebab_names::kebab_module;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    kebab::SomeResource first(ctx, "first",
                              {.nested = kebab::NestedInputArgs{.nested_value = "nested"}, .the_input = true});
    kebab::AnotherResource second(
        ctx, "second",
        {.the_input = first.the_output().Apply([](kebab::OutputItem const& o) { return o.nested_output; })});
    ctx.Export("theOutput", first.the_output());
    auto invoked =
        kebab::DoSomething(ctx, {.nested = kebab::DefaultsInputArgs{.value = "nested"}, .the_input = "hello"});
    ctx.Export("invoked", invoked.Apply([](kebab::DoSomethingResult const& r) { return r.the_output; }));
  });
}
