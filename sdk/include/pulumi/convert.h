// Conversions between C++ values and PropertyValue.
//
// ToPropertyValue is an overload set found by argument-dependent lookup, so generated types and user types
// add their own overload in their namespace. FromPropertyValue<T> uses PropertyDecoder<T>, which generated
// types specialize.
//
//   pulumi::PropertyValue v = pulumi::ToPropertyValue(std::vector<std::string>{"a", "b"});
//   auto names = pulumi::FromPropertyValue<std::vector<std::string>>(v);
#ifndef PULUMI_CONVERT_H
#define PULUMI_CONVERT_H

#include "pulumi/optional_list.h"
#include "pulumi/property_value.h"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace pulumi {

inline PropertyValue ToPropertyValue(PropertyValue v) { return v; }
// Without this overload a literal nullptr would pick the char const* one and throw constructing a string.
inline PropertyValue ToPropertyValue(std::nullptr_t) { return nullptr; }
inline PropertyValue ToPropertyValue(bool b) { return b; }
inline PropertyValue ToPropertyValue(int n) { return n; }
inline PropertyValue ToPropertyValue(std::int64_t n) { return n; }
inline PropertyValue ToPropertyValue(double n) { return n; }
inline PropertyValue ToPropertyValue(std::string s) { return s; }
inline PropertyValue ToPropertyValue(char const* s) { return s; }

// The templates are declared before any is defined, so that each finds the others: argument-dependent lookup
// alone would not find the map overload for a vector of std::map (std is its only associated namespace).
template <typename T>
PropertyValue ToPropertyValue(std::optional<T> const& v);
template <typename T>
PropertyValue ToPropertyValue(std::vector<T> const& v);
template <typename T>
PropertyValue ToPropertyValue(std::map<std::string, T> const& m);
template <typename T>
PropertyValue ToPropertyValue(OptionalList<T> const& v);

template <typename T>
PropertyValue ToPropertyValue(std::optional<T> const& v) {
  if (!v) return nullptr;
  return ToPropertyValue(*v);
}

template <typename T>
PropertyValue ToPropertyValue(std::vector<T> const& v) {
  PropertyArray out;
  out.reserve(v.size());
  for (auto const& e : v) out.push_back(ToPropertyValue(e));
  return out;
}

template <typename T>
PropertyValue ToPropertyValue(std::map<std::string, T> const& m) {
  PropertyMap out;
  for (auto const& [k, e] : m) out.emplace(k, ToPropertyValue(e));
  return out;
}

/// null when the list is absent.
template <typename T>
PropertyValue ToPropertyValue(OptionalList<T> const& v) {
  if (!v.has_value()) return nullptr;
  return ToPropertyValue(*v);
}

/// Thrown when a property value does not have the expected shape.
class PropertyTypeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Decodes a plain PropertyValue (no secrets or unknowns) into T. Specialize for your own types.
template <typename T>
struct PropertyDecoder;

template <typename T>
T FromPropertyValue(PropertyValue const& v) {
  return PropertyDecoder<T>::Decode(v);
}

namespace internal {
[[noreturn]] void ThrowPropertyTypeError(char const* expected, PropertyValue const& got);
}  // namespace internal

template <>
struct PropertyDecoder<PropertyValue> {
  static PropertyValue Decode(PropertyValue const& v) { return v; }
};
template <>
struct PropertyDecoder<bool> {
  static bool Decode(PropertyValue const& v) {
    if (!v.is_bool()) internal::ThrowPropertyTypeError("a bool", v);
    return v.AsBool();
  }
};
template <>
struct PropertyDecoder<double> {
  static double Decode(PropertyValue const& v) {
    if (!v.is_number()) internal::ThrowPropertyTypeError("a number", v);
    return v.AsNumber();
  }
};
template <>
struct PropertyDecoder<int> {
  static int Decode(PropertyValue const& v);
};
template <>
struct PropertyDecoder<std::int64_t> {
  static std::int64_t Decode(PropertyValue const& v);
};
template <>
struct PropertyDecoder<std::string> {
  static std::string Decode(PropertyValue const& v) {
    if (!v.is_string()) internal::ThrowPropertyTypeError("a string", v);
    return v.AsString();
  }
};
template <>
struct PropertyDecoder<ResourceReference> {
  static ResourceReference Decode(PropertyValue const& v) {
    if (!v.is_resource_reference()) internal::ThrowPropertyTypeError("a resource reference", v);
    return v.AsResourceReference();
  }
};

template <typename T>
struct PropertyDecoder<std::optional<T>> {
  static std::optional<T> Decode(PropertyValue const& v) {
    if (v.is_null()) return std::nullopt;
    return PropertyDecoder<T>::Decode(v);
  }
};
namespace internal {
/// Walks an array and decodes each element as it is read, so that a vector is built in one sized construction:
/// no reserve and push_back, whose growth paths cost about twenty instantiations per element type.
template <typename T>
struct DecodingIterator {
  using iterator_category = std::forward_iterator_tag;
  using value_type = T;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = T;
  PropertyArray::const_iterator at;
  T operator*() const { return PropertyDecoder<T>::Decode(*at); }
  DecodingIterator& operator++() {
    ++at;
    return *this;
  }
  DecodingIterator operator++(int) { return {at++}; }
  bool operator==(DecodingIterator const&) const = default;
};
}  // namespace internal

template <typename T>
struct PropertyDecoder<std::vector<T>> {
  static std::vector<T> Decode(PropertyValue const& v) {
    if (!v.is_array()) internal::ThrowPropertyTypeError("an array", v);
    auto const& array = v.AsArray();
    return std::vector<T>(internal::DecodingIterator<T>{array.begin()}, internal::DecodingIterator<T>{array.end()});
  }
};
template <typename T>
struct PropertyDecoder<OptionalList<T>> {
  static OptionalList<T> Decode(PropertyValue const& v) {
    if (v.is_null()) return {};
    return OptionalList<T>(PropertyDecoder<std::vector<T>>::Decode(v));
  }
};
template <typename T>
struct PropertyDecoder<std::map<std::string, T>> {
  static std::map<std::string, T> Decode(PropertyValue const& v) {
    if (!v.is_object()) internal::ThrowPropertyTypeError("an object", v);
    std::map<std::string, T> out;
    for (auto const& [k, e] : v.AsObject()) out.emplace(k, PropertyDecoder<T>::Decode(e));
    return out;
  }
};

}  // namespace pulumi

#endif  // PULUMI_CONVERT_H
