// l2-resource-option-ignore-changes: ignoreChanges with a list element's field and map keys that need
// quoting (a dot, an escaped quote).
#include "pulumi/nestedobject/map_container.h"
#include "pulumi/nestedobject/receiver.h"
#include "pulumi/nestedobject/target.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

namespace nestedobject = pulumi::nestedobject;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    nestedobject::Receiver receiver_ignore(
        ctx, "receiverIgnore", {.details = std::vector<nestedobject::DetailArgs>{{.key = "a", .value = "b"}}},
        {.ignore_changes = {"details[0].key"}});
    nestedobject::MapContainer map_ignore(
        ctx, "mapIgnore", {.tags = std::map<std::string, std::string>{{"env", "prod"}}},
        {.ignore_changes = {R"(tags["env"])", R"(tags["with.dot"])", R"(tags["with escaped \""])"}});
    nestedobject::Target no_ignore(ctx, "noIgnore", {.name = "nothing"});
  });
}
