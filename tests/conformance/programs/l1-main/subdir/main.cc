// l1-main: the program lives in `subdir` (Pulumi.yaml `main: subdir`).
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) { ctx.Export("output_true", true); });
}
