// l2-resource-any: an input of schema type `any`, given every kind of value (string, bool, number, list,
// object, asset).
#include "pulumi/any_handled/resource.h"
#include "pulumi/pulumi.h"

using pulumi::PropertyArray;
using pulumi::PropertyMap;
using pulumi::any_handled::Resource;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    Resource a_string(ctx, "aString", {.value = "a string"});
    Resource a_boolean(ctx, "aBoolean", {.value = true});
    Resource a_number(ctx, "aNumber", {.value = 42});
    Resource a_list(ctx, "aList", {.value = PropertyArray{1, true, "three"}});
    Resource an_object(ctx, "anObject",
                       {.value = PropertyMap{{"key", "value"}, {"nested", PropertyMap{{"count", 1}}}}});
    Resource an_asset(ctx, "anAsset", {.value = pulumi::StringAsset("the asset contents")});
  });
}
