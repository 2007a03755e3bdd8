// l1-builtin-stash, run 0: a pulumi:index:Stash stores its input as its output.
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::CustomResource my_stash(
        ctx, "pulumi:index:Stash", "myStash",
        {{"input", pulumi::PropertyMap{{"key", pulumi::PropertyArray{"value", "s"}}, {"", false}}}});
    ctx.Export("stashInput", my_stash.GetOutput("input"));
    ctx.Export("stashOutput", my_stash.GetOutput("output"));
  });
}
