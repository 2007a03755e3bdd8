// String formatting over outputs, like Pulumi's Output.format / pulumi.Sprintf and Output.concat.
//
//   auto url = pulumi::Format("postgres://{}:{}@{}/vectors", user, password, instance.GetOutput<std::string>("ip"));
//   auto name = pulumi::Concat("apex-", env, "-db");
//
// Each argument may be an Output<T>, an Input<T>, a string or a number. The result is secret if any
// argument is secret and unknown if any is unknown. "{{" and "}}" stand for literal braces.
#ifndef PULUMI_FORMAT_H
#define PULUMI_FORMAT_H

#include "pulumi/input.h"
#include "pulumi/output.h"
#include "pulumi/property_value.h"

#include <string>
#include <type_traits>
#include <vector>

namespace pulumi {
namespace internal {

std::string FormatNumber(double n);
std::string FormatPlaceholders(std::string const& format, std::vector<std::string> const& args);

template <typename T>
std::string ToDisplayString(T const& v) {
  if constexpr (std::is_same_v<T, std::string>) {
    return v;
  } else if constexpr (std::is_same_v<T, bool>) {
    return v ? "true" : "false";
  } else if constexpr (std::is_arithmetic_v<T>) {
    return FormatNumber(static_cast<double>(v));
  } else if constexpr (std::is_same_v<T, PropertyValue>) {
    return v.is_string() ? v.AsString() : v.ToString();
  } else {
    static_assert(std::is_same_v<T, std::string>, "Format accepts strings, numbers, bools and PropertyValues");
  }
}

template <typename A>
Output<std::string> ToStringOutput(A const& a) {
  if constexpr (IsOutput<A>::value) {
    return a.Apply([](typename A::value_type const& v) { return ToDisplayString(v); });
  } else if constexpr (IsInput<A>::value) {
    return ToStringOutput(a.ToOutput());
  } else if constexpr (std::is_convertible_v<A const&, std::string>) {
    return Output<std::string>(std::string(a));
  } else {
    return Output<std::string>(ToDisplayString(a));
  }
}

}  // namespace internal

template <typename... Args>
Output<std::string> Format(std::string const& format, Args const&... args) {
  std::vector<Output<std::string>> parts{internal::ToStringOutput(args)...};
  return All(parts).Apply(
      [format](std::vector<std::string> const& values) { return internal::FormatPlaceholders(format, values); });
}

template <typename... Args>
Output<std::string> Concat(Args const&... args) {
  std::string format;
  for (std::size_t i = 0; i < sizeof...(Args); ++i) format += "{}";
  return Format(format, args...);
}

}  // namespace pulumi

#endif  // PULUMI_FORMAT_H
