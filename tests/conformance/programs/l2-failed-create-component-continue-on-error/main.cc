// l2-failed-create-component-continue-on-error: a remote component whose child fails to create, run with
// --continue-on-error: its output stays unknown, so the resource that depends on it is skipped, the
// independent one is created and the exported output is unknown.
#include "pulumi/failingcomponent/component.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <string>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::failingcomponent::Component comp(ctx, "comp");
    pulumi::simple::Resource dependent(
        ctx, "dependent", {.value = comp.value().Apply([](std::string const& v) { return v == "hello"; })});
    pulumi::simple::Resource independent(ctx, "independent", {.value = true});
    ctx.Export("componentValue", comp.value());
  });
}
