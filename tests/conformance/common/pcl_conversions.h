// PCL's implicit conversions between primitive types, which conformance programs write out in C++ where a
// value of one type fills a property of another (a string config into a bool, a number into a string, an
// id into a number). Each throws std::invalid_argument naming the value that does not convert, as PCL
// fails the program. Programs include it through ${PULUMI_CPP_SOURCE_DIR}/tests/conformance/common.
#ifndef PULUMI_TESTS_CONFORMANCE_PCL_CONVERSIONS_H
#define PULUMI_TESTS_CONFORMANCE_PCL_CONVERSIONS_H

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string>
#include <system_error>

namespace pcl {

/// "true" or "false" (as PCL's cty conversion accepts them).
inline bool ToBool(std::string const& s) {
  if (s == "true") return true;
  if (s == "false") return false;
  throw std::invalid_argument("cannot convert \"" + s + "\" to bool");
}

/// A decimal number, e.g. "42", "-1", "3.14".
inline double ToNumber(std::string const& s) {
  double d = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) {
    throw std::invalid_argument("cannot convert \"" + s + "\" to number");
  }
  return d;
}

/// A whole number, from a string ("42") or a number without a fraction.
inline int ToInt(double d) {
  if (std::trunc(d) != d) throw std::invalid_argument("cannot convert " + std::to_string(d) + " to int");
  return static_cast<int>(d);
}
inline int ToInt(std::string const& s) { return ToInt(ToNumber(s)); }

/// The shortest decimal form that reads back as the same number: 6.5 -> "6.5", 2.0 -> "2".
inline std::string ToString(double d) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, end);
}
inline std::string ToString(int n) { return std::to_string(n); }
inline std::string ToString(bool b) { return b ? "true" : "false"; }

}  // namespace pcl

#endif  // PULUMI_TESTS_CONFORMANCE_PCL_CONVERSIONS_H
