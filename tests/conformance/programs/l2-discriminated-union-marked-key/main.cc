// l2-discriminated-union-marked-key: a discriminated union input given literally, then from another
// resource's output of the same union.
#include "pulumi/discriminated_union_marked_key/example.h"
#include "pulumi/discriminated_union_marked_key/types/variant_two.h"
#include "pulumi/pulumi.h"

namespace dumk = pulumi::discriminated_union_marked_key;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    dumk::Example first(
        ctx, "first",
        {.union_in = ToPropertyValue(dumk::VariantTwo{.discriminant_kind = "variant2", .field2 = "known"})});
    dumk::Example second(ctx, "second", {.union_in = first.union_out()});
    ctx.Export("out", second.union_out());
  });
}
