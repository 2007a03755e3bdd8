// l2-resource-option-alias, second run: each resource keeps its identity through an alias (a URN, a name,
// no parent, a parent, a type).
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <string>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using pulumi::simple::Resource;
    Resource parent(ctx, "parent", {.value = true});
    Resource alias_urn(
        ctx, "aliasURN", {.value = true},
        {.parent = parent,
         .aliases = {
             {.urn = std::string("urn:pulumi:test::l2-resource-option-alias::simple:index:Resource::aliasURN")}}});
    Resource alias_new_name(ctx, "aliasNewName", {.value = true}, {.aliases = {{.name = std::string("aliasName")}}});
    Resource alias_no_parent(ctx, "aliasNoParent", {.value = true},
                             {.parent = parent, .aliases = {{.no_parent = true}}});
    Resource alias_parent(ctx, "aliasParent", {.value = true}, {.parent = parent, .aliases = {{.parent = alias_urn}}});
    Resource alias_type(ctx, "aliasType", {.value = true},
                        {.aliases = {{.type = std::string("component:index:Custom")}}});
  });
}
