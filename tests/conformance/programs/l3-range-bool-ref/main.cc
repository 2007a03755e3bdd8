// l3-range-bool-ref: a resource ranged over a bool (created or not), referenced by another resource.
#include "pulumi/nestedobject/target.h"
#include "pulumi/pulumi.h"

#include <optional>

namespace nestedobject = pulumi::nestedobject;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    bool create_bool = config.RequireBool("createBool");

    std::optional<nestedobject::Target> bool_resource;
    if (create_bool) bool_resource.emplace(ctx, "boolResource", nestedobject::TargetArgs{.name = "bool-resource"});

    // Referring to boolResource when it was not created fails (std::bad_optional_access), as in PCL.
    nestedobject::Target bool_target(ctx, "boolTarget", {.name = pulumi::Format("{}+", bool_resource.value().name())});
  });
}
