// l2-union: union-typed inputs (string or integer, map of maps of a union, a list of string-or-enum, a
// typed enum from a literal and from another resource's output).
#include "pulumi/pulumi.h"
#include "pulumi/union_/enum_output.h"
#include "pulumi/union_/example.h"
#include "pulumi/union_/types/blob_type.h"

using pulumi::PropertyValue;
using pulumi::union_::Example;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Example example1(ctx, "stringOrIntegerExample1", {.string_or_integer_property = PropertyValue(42)});
    Example example2(ctx, "stringOrIntegerExample2", {.string_or_integer_property = PropertyValue("forty two")});
    Example map_map(ctx, "mapMapUnionExample",
                    {.map_map_union_property = std::map<std::string, std::map<std::string, PropertyValue>>{
                         {"key1", {{"key1a", "value1a"}}}}});
    ctx.Export("mapMapUnionOutput", map_map.map_map_union_property());
    Example enum_list(
        ctx, "stringEnumUnionListExample",
        {.string_enum_union_list_property = std::vector<PropertyValue>{"Listen", "Send", "NotAnEnumValue"}});
    Example safe_enum(ctx, "safeEnumExample",
                      {.typed_enum_property = ToPropertyValue(pulumi::union_::BlobType::kBlock)});
    pulumi::union_::EnumOutput enum_output(ctx, "enumOutputExample", {.name = "example"});
    Example output_enum(
        ctx, "outputEnumExample",
        {.typed_enum_property = enum_output.type().Apply([](std::string const& t) { return PropertyValue(t); })});
  });
}
