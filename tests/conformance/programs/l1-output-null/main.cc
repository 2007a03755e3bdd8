// l1-output-null: a list holding null (top-level and map-member nulls are left out upstream, pulumi#19015).
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) { ctx.Export("array", pulumi::PropertyArray{nullptr}); });
}
