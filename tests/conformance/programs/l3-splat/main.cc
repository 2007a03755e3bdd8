// l3-splat: `source.details[*].value`, a splat over a list of objects that another resource outputs.
#include "pulumi/nestedobject/container.h"
#include "pulumi/pulumi.h"

#include <string>
#include <vector>

namespace nestedobject = pulumi::nestedobject;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    nestedobject::Container source(ctx, "source", {.inputs = std::vector<std::string>{"a", "b"}});
    auto values = source.details().Apply([](std::vector<nestedobject::Detail> const& details) {
      std::vector<std::string> out;
      for (auto const& d : details) out.push_back(d.value);
      return out;
    });
    nestedobject::Container sink(ctx, "sink", {.inputs = values});
  });
}
