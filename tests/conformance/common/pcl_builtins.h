// PCL builtins that several conformance programs compute in C++ (base64, split, join).
// Programs include it through ${PULUMI_CPP_SOURCE_DIR}/tests/conformance/common.
#ifndef PULUMI_TESTS_CONFORMANCE_PCL_BUILTINS_H
#define PULUMI_TESTS_CONFORMANCE_PCL_BUILTINS_H

#include <stdexcept>
#include <string>
#include <vector>

namespace pcl {

inline constexpr char kBase64Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

inline std::string ToBase64(std::string const& in) {
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned n = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                 static_cast<unsigned char>(in[i + 2]);
    for (int s : {18, 12, 6, 0}) out += kBase64Alphabet[(n >> s) & 63];
  }
  if (std::size_t rest = in.size() - i; rest > 0) {
    unsigned n = static_cast<unsigned char>(in[i]) << 16;
    if (rest == 2) n |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kBase64Alphabet[(n >> 18) & 63];
    out += kBase64Alphabet[(n >> 12) & 63];
    out += rest == 2 ? kBase64Alphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

inline std::string FromBase64(std::string const& in) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') break;
    auto const* p = std::char_traits<char>::find(kBase64Alphabet, 64, c);
    if (p == nullptr) throw std::invalid_argument("fromBase64: invalid base64 input");
    buffer = (buffer << 6) | static_cast<unsigned>(p - kBase64Alphabet);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

inline std::vector<std::string> Split(std::string const& separator, std::string const& s) {
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

inline std::string Join(std::string const& separator, std::vector<std::string> const& list) {
  std::string out;
  for (std::size_t i = 0; i < list.size(); ++i) out += (i ? separator : "") + list[i];
  return out;
}

}  // namespace pcl

#endif  // PULUMI_TESTS_CONFORMANCE_PCL_BUILTINS_H
