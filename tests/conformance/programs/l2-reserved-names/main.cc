// l2-reserved-names: a resource and an object type that share the token reservednames:index:ElementType (the
// generator names the type ElementType_), with a property named like the type.
#include "pulumi/pulumi.h"
#include "pulumi/reservednames/element_type.h"

namespace rn = pulumi::reservednames;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    rn::ElementType elem(ctx, "elem", {.element_type = rn::ElementType_Args{.element_type = "nested"}});
    ctx.Export("elementType", elem.element_type());
    ctx.Export("nested", elem.element_type().Apply([](rn::ElementType_ const& t) { return t.element_type; }));
  });
}
