// l1-builtin-range: range(to) and range(from, to).
#include "pulumi/pulumi.h"

namespace {

pulumi::PropertyArray Range(int from, int to) {
  pulumi::PropertyArray out;
  for (int i = from; i < to; ++i) out.emplace_back(i);
  return out;
}

}  // namespace

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    int from = config.RequireInt("from");
    int to = config.RequireInt("to");
    ctx.Export("rangeTo", Range(0, to));
    ctx.Export("rangeFromTo", Range(from, to));
    ctx.Export("literalTo", Range(0, 3));
    ctx.Export("literalFromTo", Range(2, 5));
    ctx.Export("literalEmpty", Range(3, 3));
  });
}
