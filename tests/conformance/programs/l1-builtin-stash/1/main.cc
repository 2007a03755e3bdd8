// l1-builtin-stash, run 1: a new input does not change what the Stash stored.
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::CustomResource my_stash(ctx, "pulumi:index:Stash", "myStash", {{"input", "ignored"}});
    ctx.Export("stashInput", my_stash.GetOutput("input"));
    ctx.Export("stashOutput", my_stash.GetOutput("output"));
  });
}
