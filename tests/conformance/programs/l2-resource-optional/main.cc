// l2-resource-optional: optional properties left unset come back unset (null), and pass on as unset;
// set ones pass on their values, from a resource with optional properties or one with required ones.
#include "pulumi/optionalprimitive/resource.h"
#include "pulumi/primitive/resource.h"
#include "pulumi/pulumi.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

/// "null" or "not null": whether an optional output (std::optional or pulumi::OptionalList) holds a value.
template <typename T>
pulumi::Output<std::string> NullOrNot(pulumi::Output<T> const& o) {
  return o.Apply([](T const& v) { return std::string(v ? "not null" : "null"); });
}

}  // namespace

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using pulumi::optionalprimitive::Resource;
    Resource unset_a(ctx, "unsetA");
    Resource unset_b(ctx, "unsetB",
                     {
                         .boolean = unset_a.boolean(),
                         .boolean_map = unset_a.boolean_map(),
                         .float_ = unset_a.float_(),
                         .integer = unset_a.integer(),
                         .number_array = unset_a.number_array(),
                         .string = unset_a.string(),
                     });
    ctx.Export("unsetBoolean", NullOrNot(unset_b.boolean()));
    ctx.Export("unsetFloat", NullOrNot(unset_b.float_()));
    ctx.Export("unsetInteger", NullOrNot(unset_b.integer()));
    ctx.Export("unsetString", NullOrNot(unset_b.string()));
    ctx.Export("unsetNumberArray", NullOrNot(unset_b.number_array()));
    ctx.Export("unsetBooleanMap", NullOrNot(unset_b.boolean_map()));

    Resource set_a(ctx, "setA",
                   {
                       .boolean = true,
                       .boolean_map = std::map<std::string, bool>{{"t", true}, {"f", false}},
                       .float_ = 3.14,
                       .integer = 42,
                       .number_array = std::vector<double>{-1.0, 0.0, 1.0},
                       .string = "hello",
                   });
    Resource set_b(ctx, "setB",
                   {
                       .boolean = set_a.boolean(),
                       .boolean_map = set_a.boolean_map(),
                       .float_ = set_a.float_(),
                       .integer = set_a.integer(),
                       .number_array = set_a.number_array(),
                       .string = set_a.string(),
                   });
    pulumi::primitive::Resource source_primitive(
        ctx, "sourcePrimitive",
        {
            .boolean = true,
            .boolean_map = std::map<std::string, bool>{{"t", true}, {"f", false}},
            .float_ = 3.14,
            .integer = 42,
            .number_array = std::vector<double>{-1.0, 0.0, 1.0},
            .string = "hello",
        });
    Resource from_primitive(ctx, "fromPrimitive",
                            {
                                .boolean = source_primitive.boolean(),
                                .boolean_map = source_primitive.boolean_map(),
                                .float_ = source_primitive.float_(),
                                .integer = source_primitive.integer(),
                                .number_array = source_primitive.number_array(),
                                .string = source_primitive.string(),
                            });
    ctx.Export("setBoolean", set_b.boolean());
    ctx.Export("setFloat", set_b.float_());
    ctx.Export("setInteger", set_b.integer());
    ctx.Export("setString", set_b.string());
    ctx.Export("setNumberArray", set_b.number_array());
    ctx.Export("setBooleanMap", set_b.boolean_map());
  });
}
