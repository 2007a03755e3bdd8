// l2-failed-read-continue-on-error: a read that the provider fails; its outputs stay unknown.
#include "pulumi/pulumi.h"
#include "pulumi/read/resource.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    auto failing = pulumi::read::Resource::Get(ctx, "failing", "existing-id", {.lookup = "fail"});
    ctx.Export("failingValue", failing.value());
    ctx.Export("failingLookup", failing.lookup());
  });
}
