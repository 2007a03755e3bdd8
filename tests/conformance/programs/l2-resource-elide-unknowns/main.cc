// l2-resource-elide-unknowns: a provider that leaves unknown outputs out of its preview; the program still
// uses those outputs (whole, and an element, a map value and an object field) as inputs and stack outputs.
#include "pulumi/output/complex_resource.h"
#include "pulumi/output/provider.h"
#include "pulumi/output/resource.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <map>
#include <string>
#include <vector>

namespace output = pulumi::output;
namespace simple = pulumi::simple;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    output::Provider prov(ctx, "prov", {.elide_unknowns = true});
    output::Resource unknown(ctx, "unknown", {.value = 1}, {.provider = prov});
    output::ComplexResource complex(ctx, "complex", {.value = 1}, {.provider = prov});

    auto out_array = complex.output_array().Apply([](std::vector<std::string> const& a) { return a.at(0); });
    auto out_map = complex.output_map().Apply([](std::map<std::string, std::string> const& m) { return m.at("x"); });
    auto out_object = complex.output_object().Apply([](output::Data const& d) { return d.output; });
    auto is_hello = [](std::string const& s) { return s == "hello"; };

    simple::Resource res(ctx, "res", {.value = unknown.output().Apply(is_hello)});
    simple::Resource res_array(ctx, "resArray", {.value = out_array.Apply(is_hello)});
    simple::Resource res_map(ctx, "resMap", {.value = out_map.Apply(is_hello)});
    simple::Resource res_object(ctx, "resObject", {.value = out_object.Apply(is_hello)});

    ctx.Export("out", unknown.output());
    ctx.Export("outArray", out_array);
    ctx.Export("outMap", out_map);
    ctx.Export("outObject", out_object);
  });
}
