// policy-unknowns: simple resources whose value is unknown during the preview (from an output resource),
// secret and unknown, known, and secret and known, for the "unknowns" pack to report or skip.
#include "pulumi/output/resource.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <string>

using pulumi::simple::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::output::Resource src(ctx, "src", {.value = 1});
    auto is_hello = [](std::string const& s) { return s == "hello"; };
    Resource unknown_res(ctx, "unknownRes", {.value = src.output().Apply(is_hello)});
    Resource secret_unknown_res(ctx, "secretUnknownRes", {.value = src.secret_output().Apply(is_hello)});
    Resource known_res(ctx, "knownRes", {.value = false});
    Resource secret_known_res(ctx, "secretKnownRes", {.value = pulumi::MakeSecret(pulumi::MakeOutput(false))});
  });
}
