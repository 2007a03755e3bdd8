// l1-expand-final: max over an expanded list, with and without a leading argument.
#include "pulumi/pulumi.h"

#include <algorithm>
#include <vector>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    std::vector<double> list{1, 2, 3};
    ctx.Export("expandedMax", *std::max_element(list.begin(), list.end()));
    std::vector<double> with_prefix{0};
    with_prefix.insert(with_prefix.end(), list.begin(), list.end());
    ctx.Export("expandedMaxWithPrefix", *std::max_element(with_prefix.begin(), with_prefix.end()));
  });
}
