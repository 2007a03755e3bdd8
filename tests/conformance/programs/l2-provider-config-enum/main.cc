// l2-provider-config-enum: an explicit provider with an enum in its configuration, whose outputs (the enum
// among them) feed a resource that the provider manages.
#include "pulumi/config_enum/provider.h"
#include "pulumi/config_enum/resource.h"
#include "pulumi/pulumi.h"

namespace ce = pulumi::config_enum;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    ce::Provider prov(ctx, "prov", {.a_enum = ce::MyEnum::kTwo, .a_string = "hello"});
    ce::Resource res(ctx, "res", {.the_enum = prov.a_enum(), .the_string = prov.a_string()}, {.provider = prov});
  });
}
