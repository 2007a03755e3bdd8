// l2-resource-self-reference: a resource type whose inputs refer to resources of its own type (single,
// list, map, and a union of a reference and a name).
#include "pulumi/pulumi.h"
#include "pulumi/selfref/node.h"

using pulumi::selfref::Node;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Node root(ctx, "root");
    Node child(ctx, "child",
               {.named_parents = std::map<std::string, pulumi::ResourceInput<Node>>{{"root", root}},
                .parent = root,
                .parent_or_name = pulumi::ReferenceTo(root),
                .parents = std::vector<pulumi::ResourceInput<Node>>{root}});
  });
}
