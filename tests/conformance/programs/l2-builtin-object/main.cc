// l2-builtin-object: entries(), lookup() and length() over a map output and an object output.
#include "pulumi/output/complex_resource.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

namespace output = pulumi::output;
using pulumi::ToPropertyValue;  // with the generated overloads, found by argument-dependent lookup
using StringMap = std::map<std::string, std::string>;

// entries(): the key/value pairs, sorted by key.
std::vector<pulumi::PropertyMap> Entries(pulumi::PropertyMap const& object) {
  std::vector<pulumi::PropertyMap> out;
  for (auto const& [key, value] : object) out.push_back({{"key", key}, {"value", value}});
  return out;
}

// lookup(): the value of a key, else the default.
pulumi::PropertyValue Lookup(pulumi::PropertyMap const& object, std::string const& key,
                             pulumi::PropertyValue fallback) {
  auto it = object.find(key);
  return it == object.end() ? fallback : it->second;
}

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    output::ComplexResource res(ctx, "res", {.value = 1});
    // The map and the object as property maps (the object keyed by its schema names).
    auto output_map = res.output_map().Apply([](StringMap const& m) { return ToPropertyValue(m).AsObject(); });
    auto output_object = res.output_object().Apply([](output::Data const& d) { return ToPropertyValue(d).AsObject(); });

    ctx.Export("entriesOutput", output_map.Apply(Entries));
    ctx.Export("lookupOutput",
               output_map.Apply([](pulumi::PropertyMap const& m) { return Lookup(m, "x", "default"); }));
    ctx.Export("lookupOutputDefault",
               output_map.Apply([](pulumi::PropertyMap const& m) { return Lookup(m, "y", "default"); }));
    ctx.Export("entriesObjectOutput", output_object.Apply(Entries));
    ctx.Export("lookupObjectOutput",
               output_object.Apply([](pulumi::PropertyMap const& m) { return Lookup(m, "output", "default"); }));
    ctx.Export("lookupObjectOutputDefault",
               output_object.Apply([](pulumi::PropertyMap const& m) { return Lookup(m, "missing", "default"); }));
    ctx.Export("lengthOutput",
               output_map.Apply([](pulumi::PropertyMap const& m) { return static_cast<int>(m.size()); }));
    ctx.Export("lengthObjectOutput",
               output_object.Apply([](pulumi::PropertyMap const& m) { return static_cast<int>(m.size()); }));
  });
}
