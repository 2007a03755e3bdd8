// l2-invoke-per-value-deps: pick:pickSecond returns its `second` argument. When the engine passes output
// values through invokes, a resource using the result depends on (and is secret like) that argument only;
// otherwise on every argument.
#include "pulumi/pick/pick_second.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple_invoke/string_resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace si = pulumi::simple_invoke;
    auto result = [](pulumi::pick::PickSecondResult const& r) { return r.result; };
    si::StringResource a(ctx, "a", {.text = "a"});
    si::StringResource b(ctx, "b", {.text = "b"});
    auto data = pulumi::pick::PickSecond(ctx, {.first = a.text(), .second = b.text()});
    si::StringResource d(ctx, "d", {.text = data.Apply(result)});
    auto first_secret = pulumi::pick::PickSecond(ctx, {.first = pulumi::MakeSecret(a.text()), .second = b.text()});
    si::StringResource e(ctx, "e", {.text = first_secret.Apply(result)});
    auto second_secret = pulumi::pick::PickSecond(ctx, {.first = a.text(), .second = pulumi::MakeSecret(b.text())});
    si::StringResource f(ctx, "f", {.text = second_secret.Apply(result)});
  });
}
