// l2-resource-names: resources whose names are awkward in some languages (Map, Array, List, Resource) and
// resources of the same name in nested modules.
#include "pulumi/names/mod/nested/res.h"
#include "pulumi/names/mod/res.h"
#include "pulumi/names/res_array.h"
#include "pulumi/names/res_list.h"
#include "pulumi/names/res_map.h"
#include "pulumi/names/res_resource.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::names::ResMap res1(ctx, "res1", {.value = true});
    pulumi::names::ResArray res2(ctx, "res2", {.value = true});
    pulumi::names::ResList res3(ctx, "res3", {.value = true});
    pulumi::names::ResResource res4(ctx, "res4", {.value = true});
    pulumi::names::mod::Res res5(ctx, "res5", {.value = true});
    pulumi::names::mod::nested::Res res6(ctx, "res6", {.value = true});
  });
}
