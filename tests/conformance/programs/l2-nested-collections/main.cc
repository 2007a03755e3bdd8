// l2-nested-collections: outputs read out of a list of lists of lists of objects and a map of maps of maps.
#include "pulumi/nestedcollections/foo.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::nestedcollections::Foo foo(ctx, "foo");
    ctx.Export("secondProp", foo.condition_sets().Apply([](auto const& sets) { return sets.at(0).at(0).at(1).prop; }));
    ctx.Export("leaf", foo.private_endpoint().Apply(
                           [](auto const& endpoints) { return endpoints.at("outer").at("inner").at("leaf"); }));
  });
}
