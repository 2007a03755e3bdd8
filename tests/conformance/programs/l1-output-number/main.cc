// l1-output-number: numbers at the edges of float64.
#include "pulumi/pulumi.h"

#include <limits>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    ctx.Export("zero", 0);
    ctx.Export("one", 1);
    ctx.Export("e", 2.718);
    ctx.Export("minInt32", -2147483648.0);
    ctx.Export("max", std::numeric_limits<double>::max());
    ctx.Export("min", std::numeric_limits<double>::denorm_min());
  });
}
