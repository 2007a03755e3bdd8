// Building blocks of typed argument structs (what pulumi-gen-cpp generates, and what hand-written
// components may use): required members, and turning nested structs of inputs into one output value.
//
//   struct SettingsArgs {
//     pulumi::Required<std::string> tier;                 // omitting it is a compile error
//     std::optional<pulumi::Input<bool>> deletion_protection;
//   };
//   pulumi::Output<pulumi::PropertyValue> ToOutputValue(SettingsArgs const& a) {
//     return pulumi::ObjectOutput({{"tier", pulumi::ToOutputValue(a.tier)},
//                                  {"deletionProtectionEnabled", pulumi::ToOutputValue(a.deletion_protection)}});
//   }
#ifndef PULUMI_ARGS_H
#define PULUMI_ARGS_H

#include "pulumi/convert.h"
#include "pulumi/input.h"
#include "pulumi/output.h"
#include "pulumi/property_value.h"

#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace pulumi {

/// A required member of an args struct: an Input<T> with no default, so that a designated initializer
/// that leaves it out does not compile.
template <typename T>
class Required {
 public:
  Required() = delete;
  template <typename U>
    requires std::is_constructible_v<Input<T>, U&&>
  Required(U&& value) : input_(std::forward<U>(value)) {}  // NOLINT(google-explicit-constructor)

  Input<T> const& input() const { return input_; }
  Output<T> const& ToOutput() const { return input_.ToOutput(); }

 private:
  Input<T> input_;
};

/// An absent optional member: left out of the object sent to the engine.
using MaybeOutputValue = std::optional<Output<PropertyValue>>;

/// Joins named members into an object value; absent members are left out. Secrecy and dependencies of the
/// members carry over to the result.
Output<PropertyValue> ObjectOutput(std::vector<std::pair<std::string, MaybeOutputValue>> members);

/// Joins elements into an array value.
Output<PropertyValue> ArrayOutput(std::vector<Output<PropertyValue>> elements);

// ToOutputValue: the overload set that turns an args member into Output<PropertyValue>. Generated structs
// add their own overload in their namespace, next to `using pulumi::ToOutputValue;` so that both are found.

template <typename T>
Output<PropertyValue> ToOutputValue(Input<T> const& in) {
  if constexpr (std::is_same_v<T, PropertyValue>) {
    return in.ToOutput();
  } else {
    return in.ToOutput().Apply([](T const& v) { return PropertyValue(ToPropertyValue(v)); });
  }
}

template <typename T>
Output<PropertyValue> ToOutputValue(Required<T> const& in) {
  return ToOutputValue(in.input());
}

template <typename T>
MaybeOutputValue ToOutputValue(std::optional<T> const& in) {
  if (!in) return std::nullopt;
  return ToOutputValue(*in);
}

template <typename T>
Output<PropertyValue> ToOutputValue(std::vector<T> const& in) {
  std::vector<Output<PropertyValue>> elements;
  elements.reserve(in.size());
  for (auto const& e : in) elements.push_back(ToOutputValue(e));
  return ArrayOutput(std::move(elements));
}

template <typename T>
Output<PropertyValue> ToOutputValue(std::map<std::string, T> const& in) {
  std::vector<std::pair<std::string, MaybeOutputValue>> members;
  members.reserve(in.size());
  for (auto const& [k, v] : in) members.emplace_back(k, ToOutputValue(v));
  return ObjectOutput(std::move(members));
}

}  // namespace pulumi

#endif  // PULUMI_ARGS_H
