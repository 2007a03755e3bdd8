// l2-primitive-ref-optional: an object type whose members are all optional: set members come back set,
// unset ones come back null (also through traversals of the object and of an optional object, in lists
// and as inputs of other resources).
#include "pulumi/optional_primitive_ref/resource.h"
#include "pulumi/pulumi.h"

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace {

using pulumi::optional_primitive_ref::Data;

/// "null" or "not null": whether an optional output (std::optional or pulumi::OptionalList) holds a value.
template <typename T>
pulumi::Output<std::string> NullOrNot(pulumi::Output<T> const& o) {
  return o.Apply([](T const& v) { return std::string(v ? "not null" : "null"); });
}

/// One member of an object output.
template <typename F>
auto Member(pulumi::Output<Data> const& data, F member) {
  return data.Apply([member](Data const& d) { return d.*member; });
}

}  // namespace

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using pulumi::optional_primitive_ref::DataArgs;
    using pulumi::optional_primitive_ref::Resource;
    Resource set_res(ctx, "setRes",
                     {
                         .data =
                             DataArgs{
                                 .boolean = true,
                                 .boolean_map = std::map<std::string, bool>{{"t", true}, {"f", false}},
                                 .float_ = 3.14,
                                 .integer = 42,
                                 .number_array = std::vector<double>{-1.0, 0.0, 1.0},
                                 .string = "hello",
                             },
                         .optional_data = DataArgs{.string = "optional parent"},
                     });
    Resource unset_res(ctx, "unsetRes", {.data = DataArgs{}});
    Resource from_nested_optional(
        ctx, "fromNestedOptional",
        {.data = DataArgs{.string = set_res.optional_data().Apply(
                              [](std::optional<Data> const& d) { return d ? d->string : std::nullopt; })}});

    auto set_data = set_res.data();
    auto unset_data = unset_res.data();
    ctx.Export("setBoolean", Member(set_data, &Data::boolean));
    ctx.Export("setFloat", Member(set_data, &Data::float_));
    ctx.Export("setInteger", Member(set_data, &Data::integer));
    ctx.Export("setString", Member(set_data, &Data::string));
    ctx.Export("setNumberArray", Member(set_data, &Data::number_array));
    ctx.Export("setBooleanMap", Member(set_data, &Data::boolean_map));
    ctx.Export("unsetBoolean", NullOrNot(Member(unset_data, &Data::boolean)));
    ctx.Export("unsetFloat", NullOrNot(Member(unset_data, &Data::float_)));
    ctx.Export("unsetInteger", NullOrNot(Member(unset_data, &Data::integer)));
    ctx.Export("unsetString", NullOrNot(Member(unset_data, &Data::string)));
    ctx.Export("unsetNumberArray", NullOrNot(Member(unset_data, &Data::number_array)));
    ctx.Export("unsetBooleanMap", NullOrNot(Member(unset_data, &Data::boolean_map)));
    ctx.Export("setOptionalData", NullOrNot(set_res.optional_data()));
    ctx.Export("unsetOptionalData", NullOrNot(unset_res.optional_data()));
    ctx.Export("tupleOfOptional",
               pulumi::All(std::vector{Member(set_data, &Data::string), Member(unset_data, &Data::string)}));

    auto optional_lists =
        pulumi::All(std::vector{Member(set_data, &Data::number_array), Member(unset_data, &Data::number_array)});
    Resource from_optional_lists(
        ctx, "fromOptionalLists",
        {.data = DataArgs{.number_array = optional_lists.Apply(
                              [](std::vector<pulumi::OptionalList<double>> const& lists) { return lists[0]; })}});
  });
}
