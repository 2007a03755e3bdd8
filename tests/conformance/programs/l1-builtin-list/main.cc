// l1-builtin-list: element, join, length, split and singleOrNone.
#include "pulumi/pulumi.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace {

std::vector<std::string> Split(std::string const& separator, std::string const& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    auto pos = s.find(separator, start);
    if (pos == std::string::npos) break;
    out.push_back(s.substr(start, pos - start));
    start = pos + separator.size();
  }
  out.push_back(s.substr(start));
  return out;
}

std::string Join(std::string const& separator, std::vector<std::string> const& list) {
  std::string out;
  for (std::size_t i = 0; i < list.size(); ++i) out += (i ? separator : "") + list[i];
  return out;
}

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
    ctx.Export("joinOutput", Join("|", a_list));
    ctx.Export("lengthOutput", static_cast<int>(a_list.size()));
    ctx.Export("splitOutput", pulumi::ToPropertyValue(Split("-", a_string)));
    ctx.Export("singleOrNoneOutput", pulumi::PropertyArray{SingleOrNone(single_or_none_list)});
  });
}
