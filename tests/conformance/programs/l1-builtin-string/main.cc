// l1-builtin-string: length (in grapheme clusters), split, join and interpolation of a config string.
#include "pcl_builtins.h"
#include "pulumi/pulumi.h"

#include <string>
#include <vector>

namespace {

std::vector<char32_t> DecodeUtf8(std::string const& s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k <= extra && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<std::size_t>(extra) + 1;
  }
  return out;
}

/// Code points that extend the preceding grapheme cluster (the Extend class of UAX #29, for the blocks that
/// matter here: combining marks, variation selectors, emoji modifiers, tags, ZWJ).
bool IsExtend(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) ||
         (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
         cp == 0x200D;
}

bool IsRegionalIndicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

/// The number of grapheme clusters, as PCL's length() counts a string.
int GraphemeCount(std::string const& s) {
  auto cps = DecodeUtf8(s);
  int count = 0;
  bool open_flag = false;  // an unpaired regional indicator
  for (std::size_t i = 0; i < cps.size(); ++i) {
    char32_t cp = cps[i];
    bool joins = i > 0 && (IsExtend(cp) || cps[i - 1] == 0x200D || (cps[i - 1] == '\r' && cp == '\n') ||
                           (open_flag && IsRegionalIndicator(cp)));
    if (IsRegionalIndicator(cp)) {
      open_flag = !(open_flag && joins);
    } else if (!IsExtend(cp)) {
      open_flag = false;
    }
    if (!joins) ++count;
  }
  return count;
}

}  // namespace

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config config(ctx);
    auto a_string = config.Require("aString");
    ctx.Export("lengthResult", GraphemeCount(a_string));
    ctx.Export("splitResult", pulumi::ToPropertyValue(pcl::Split("-", a_string)));
    ctx.Export("joinResult", pcl::Join("|", pcl::Split("-", a_string)));
    ctx.Export("interpolateResult", "prefix-" + a_string);
  });
}
