// l1-builtin-info: stack(), project() and organization().
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    ctx.Export("stackOutput", ctx.stack());
    ctx.Export("projectOutput", ctx.project());
    ctx.Export("organizationOutput", ctx.organization());
  });
}
