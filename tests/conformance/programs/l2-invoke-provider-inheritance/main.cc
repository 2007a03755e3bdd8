// l2-invoke-provider-inheritance: invokes whose parent has an explicit provider (its own, or inherited from
// its parent) use that provider.
#include "pulumi/pulumi.h"
#include "pulumi/simple_invoke/my_invoke.h"
#include "pulumi/simple_invoke/provider.h"
#include "pulumi/simple_invoke/string_resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace si = pulumi::simple_invoke;
    si::Provider provider(ctx, "provider");
    si::StringResource parent(ctx, "parent", {.text = "parent"}, {.provider = provider});
    si::StringResource child(ctx, "child", {.text = "child"}, {.parent = parent});
    auto parent_data = si::MyInvoke(ctx, {.value = "parent"}, {.parent = parent});
    auto child_data = si::MyInvoke(ctx, {.value = "child"}, {.parent = child});
    auto result = [](si::MyInvokeResult const& r) { return r.result; };
    ctx.Export("parentResult", parent_data.Apply(result));
    ctx.Export("childResult", child_data.Apply(result));
  });
}
