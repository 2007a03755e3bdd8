// l2-explicit-providers: remote components given an explicit provider through the providers option.
#include "pulumi/component/component_callable.h"
#include "pulumi/component/provider.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using pulumi::component::ComponentCallable;
    pulumi::component::Provider explicit_provider(ctx, "explicit");
    // The PCL passes the provider once as a list and once as a map by package; in C++ both are the list of
    // providers (each knows its package).
    ComponentCallable list(ctx, "list", {.value = "value"}, {.providers = {explicit_provider}});
    ComponentCallable map(ctx, "map", {.value = "value"}, {.providers = {explicit_provider}});
  });
}
