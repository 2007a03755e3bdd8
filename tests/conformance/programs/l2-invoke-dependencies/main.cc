// l2-invoke-dependencies: resources that use an invoke's result depend on the resources its arguments come
// from; an invoke whose argument comes from a resource not yet created is not sent (its result is unknown).
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"
#include "pulumi/simple_invoke/get_text.h"
#include "pulumi/simple_invoke/secret_invoke.h"
#include "pulumi/simple_invoke/string_resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace si = pulumi::simple_invoke;
    pulumi::simple::Resource first(ctx, "first", {.value = false});
    auto secret = si::SecretInvoke(ctx, {.secret_response = first.value(), .value = "hello"});
    pulumi::simple::Resource second(ctx, "second",
                                    {.value = secret.Apply([](si::SecretInvokeResult const& r) { return r.secret; })});
    si::StringResource third(ctx, "third", {.text = "third"});
    auto data = si::GetText(ctx, {.text = third.text()});
    si::StringResource fourth(ctx, "fourth", {.text = data.Apply([](si::GetTextResult const& r) { return r.result; })});
  });
}
