// l2-discriminated-union: inputs that are one of several object types, told apart by `discriminantKind`.
#include "pulumi/discriminated_union/example.h"
#include "pulumi/discriminated_union/types/variant_one.h"
#include "pulumi/discriminated_union/types/variant_two.h"
#include "pulumi/pulumi.h"

using pulumi::PropertyValue;
using pulumi::discriminated_union::Example;
using pulumi::discriminated_union::VariantOne;
using pulumi::discriminated_union::VariantTwo;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Example example1(ctx, "example1",
                     {.array_of_union_of = std::vector<PropertyValue>{ToPropertyValue(
                          VariantOne{.discriminant_kind = "variant1", .field1 = "v1 array(union)"})},
                      .union_of = ToPropertyValue(VariantOne{.discriminant_kind = "variant1", .field1 = "v1 union"})});
    Example example2(
        ctx, "example2",
        {.array_of_union_of =
             std::vector<PropertyValue>{
                 ToPropertyValue(VariantTwo{.discriminant_kind = "variant2", .field2 = "v2 array(union)"}),
                 ToPropertyValue(VariantOne{.discriminant_kind = "variant1", .field1 = "v1 array(union)"})},
         .union_of = ToPropertyValue(VariantTwo{.discriminant_kind = "variant2", .field2 = "v2 union"})});
  });
}
