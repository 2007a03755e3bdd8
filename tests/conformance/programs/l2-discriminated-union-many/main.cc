// l2-discriminated-union-many: a union of ten object types, and a subset union's output passed where the
// full union is expected.
#include "pulumi/discriminated_union_many/example.h"
#include "pulumi/discriminated_union_many/subset_example.h"
#include "pulumi/discriminated_union_many/types/variant1.h"
#include "pulumi/discriminated_union_many/types/variant10.h"
#include "pulumi/discriminated_union_many/types/variant2.h"
#include "pulumi/discriminated_union_many/types/variant3.h"
#include "pulumi/discriminated_union_many/types/variant4.h"
#include "pulumi/discriminated_union_many/types/variant5.h"
#include "pulumi/discriminated_union_many/types/variant6.h"
#include "pulumi/discriminated_union_many/types/variant7.h"
#include "pulumi/discriminated_union_many/types/variant8.h"
#include "pulumi/discriminated_union_many/types/variant9.h"
#include "pulumi/pulumi.h"

namespace dum = pulumi::discriminated_union_many;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    auto example = [&](std::string name, pulumi::PropertyValue union_of) {
      return dum::Example(ctx, std::move(name), {.union_of = std::move(union_of)});
    };
    example("example1",
            ToPropertyValue(dum::Variant1{.discriminant_kind = "variant1", .extra = "e1", .payload = "p1"}));
    example("example2",
            ToPropertyValue(dum::Variant2{.discriminant_kind = "variant2", .extra = "e2", .payload = "p2"}));
    example("example3", ToPropertyValue(dum::Variant3{.count = 3, .discriminant_kind = "variant3", .payload = "p3"}));
    example("example4",
            ToPropertyValue(dum::Variant4{.discriminant_kind = "variant4", .enabled = true, .payload = "p4"}));
    example("example5",
            ToPropertyValue(dum::Variant5{.discriminant_kind = "variant5", .label = "l5", .payload = "p5"}));
    example("example6", ToPropertyValue(dum::Variant6{.code = 6, .discriminant_kind = "variant6", .payload = "p6"}));
    example("example7",
            ToPropertyValue(dum::Variant7{.discriminant_kind = "variant7", .message = "m7", .payload = "p7"}));
    example("example8", ToPropertyValue(dum::Variant8{.discriminant_kind = "variant8", .payload = "p8", .size = 8}));
    example("example9",
            ToPropertyValue(dum::Variant9{.discriminant_kind = "variant9", .flag = false, .payload = "p9"}));
    example("example10",
            ToPropertyValue(dum::Variant10{.discriminant_kind = "variant10", .note = "n10", .payload = "p10"}));
    dum::SubsetExample subset1(
        ctx, "subset1",
        {.union_of = ToPropertyValue(dum::Variant3{.count = 33, .discriminant_kind = "variant3", .payload = "sp"})});
    dum::Example example11(
        ctx, "example11",
        {.union_of = subset1.union_of().Apply([](auto const& u) { return u ? *u : pulumi::PropertyValue(nullptr); })});
  });
}
