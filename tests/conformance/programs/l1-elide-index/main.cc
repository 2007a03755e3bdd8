// l1-elide-index: the PCL token "pulumi:Stash" is "pulumi:index:Stash".
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::CustomResource my_stash(ctx, "pulumi:index:Stash", "myStash", {{"input", "test"}});
    ctx.Export("stashInput", my_stash.GetOutput("input"));
    ctx.Export("stashOutput", my_stash.GetOutput("output"));
  });
}
