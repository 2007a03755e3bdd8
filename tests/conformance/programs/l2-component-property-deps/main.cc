// l2-component-property-deps: resources given to a remote component and to its method as resource-typed
// inputs (one, a list, a map). The provider reports the property dependencies of its Construct and Call
// requests: each input is there, and a plain resource reference adds no dependency.
#include "pulumi/component_property_deps/component.h"
#include "pulumi/component_property_deps/custom.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace cpd = pulumi::component_property_deps;
    cpd::Custom custom1(ctx, "custom1", {.value = "hello"});
    cpd::Custom custom2(ctx, "custom2", {.value = "world"});

    using Ref = pulumi::ResourceInput<cpd::Custom>;
    cpd::Component component1(ctx, "component1",
                              {.resource = Ref(custom1),
                               .resource_list = std::vector<Ref>{custom1, custom2},
                               .resource_map = std::map<std::string, Ref>{{"one", custom1}, {"two", custom2}}});

    auto deps = component1.refs({.resource = Ref(custom1),
                                 .resource_list = std::vector<Ref>{custom1, custom2},
                                 .resource_map = std::map<std::string, Ref>{{"one", custom1}, {"two", custom2}}});
    ctx.Export("propertyDepsFromCall", deps.Apply([](cpd::ComponentRefsResult const& r) { return r.result; }));
  });
}
