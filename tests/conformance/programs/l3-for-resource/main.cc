// l3-for-resource: `for` expressions over another resource's list-of-objects output, producing a list of
// objects, a list of strings and a map as inputs of new resources.
#include "pulumi/nestedobject/container.h"
#include "pulumi/nestedobject/map_container.h"
#include "pulumi/nestedobject/receiver.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

namespace nestedobject = pulumi::nestedobject;
using Details = std::vector<nestedobject::Detail>;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    nestedobject::Container source(ctx, "source", {.inputs = std::vector<std::string>{"a", "b", "c"}});

    // for over list<object> output
    nestedobject::Receiver receiver(ctx, "receiver", {.details = source.details().Apply([](Details const& details) {
                                      Details out;
                                      for (auto const& detail : details)
                                        out.push_back({.key = detail.key, .value = detail.value});
                                      return out;
                                    })});

    // for over list<string> output
    nestedobject::Container from_simple(ctx, "fromSimple",
                                        {.inputs = source.details().Apply([](Details const& details) {
                                          std::vector<std::string> out;
                                          for (auto const& detail : details) out.push_back(detail.value);
                                          return out;
                                        })});

    // for producing a map
    nestedobject::MapContainer mapped(ctx, "mapped", {.tags = source.details().Apply([](Details const& details) {
                                        std::map<std::string, std::string> out;
                                        for (auto const& detail : details) out[detail.key] = detail.value;
                                        return out;
                                      })});
  });
}
