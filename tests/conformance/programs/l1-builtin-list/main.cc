// l1-builtin-list: element, join, length, split and singleOrNone.
#include "pcl_builtins.h"
#include "pulumi/pulumi.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace {

/// element() wraps around the end of the list, as in HCL.
std::string const& Element(std::vector<std::string> const& list, std::size_t index) {
  if (list.empty()) throw std::invalid_argument("element: cannot use element function with an empty list");
  return list[index % list.size()];
}

pulumi::PropertyValue SingleOrNone(std::vector<std::string> const& list) {
  if (list.size() > 1) {
    throw std::invalid_argument("singleOrNone: expected a list of at most one element, got " +
                                std::to_string(list.size()));
  }
  return list.empty() ? pulumi::PropertyValue() : pulumi::PropertyValue(list[0]);
}

}  // namespace

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    auto a_list = config.RequireObject<std::vector<std::string>>("aList");
    auto single_or_none_list = config.RequireObject<std::vector<std::string>>("singleOrNoneList");
    auto a_string = config.Require("aString");
    ctx.Export("elementOutput1", Element(a_list, 1));
    ctx.Export("elementOutput2", Element(a_list, 2));
    ctx.Export("joinOutput", pcl::Join("|", a_list));
    ctx.Export("lengthOutput", static_cast<int>(a_list.size()));
    ctx.Export("splitOutput", pulumi::ToPropertyValue(pcl::Split("-", a_string)));
    ctx.Export("singleOrNoneOutput", pulumi::PropertyArray{SingleOrNone(single_or_none_list)});
  });
}
