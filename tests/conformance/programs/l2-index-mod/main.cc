// l2-index-mod: resources, functions and resource methods in modules whose names start with "index"
// (indexMine, indexMine/nested), which must not be taken for the index module.
#include "pulumi/index_mod/index_mine/concat_world.h"
#include "pulumi/index_mod/index_mine/nested/concat_world.h"
#include "pulumi/index_mod/index_mine/nested/resource.h"
#include "pulumi/index_mod/index_mine/resource.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace mine = pulumi::index_mod::index_mine;
    namespace nested = pulumi::index_mod::index_mine::nested;

    mine::Resource res1(ctx, "res1",
                        {.text = mine::ConcatWorld(ctx, {.value = "hello"}).Apply([](mine::ConcatWorldResult const& r) {
                          return r.result;
                        })});
    ctx.Export("out1", res1.call({.input = "x"}).Apply([](mine::ResourceCallResult const& r) { return r.output; }));

    nested::Resource res2(
        ctx, "res2",
        {.text = nested::ConcatWorld(ctx, {.value = "goodbye"}).Apply([](nested::ConcatWorldResult const& r) {
          return r.result;
        })});
    ctx.Export("out2", res2.call({.input = "xx"}).Apply([](nested::ResourceCallResult const& r) { return r.output; }));
  });
}
