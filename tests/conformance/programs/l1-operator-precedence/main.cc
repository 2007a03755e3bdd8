// l1-operator-precedence: parentheses that change the order of evaluation.
#include "pulumi/pulumi.h"

#include <string>
#include <vector>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    ctx.Export("sumTimes", (1 + 2) * 3);
    ctx.Export("minusMinus", 10 - (4 - 3));
    ctx.Export("notAnd", !(true && false));
    ctx.Export("negateSum", -(1 + 2));
    ctx.Export("conditionalIndex", (true ? std::vector<int>{1} : std::vector<int>{2})[0]);
    ctx.Export("conditionalCondition", std::string((true ? false : true) ? "yes" : "no"));
  });
}
