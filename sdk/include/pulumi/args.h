// Building blocks of typed argument structs (what pulumi-gen-cpp generates, and what hand-written
// components may use): required members, and turning nested structs of inputs into one output value.
// (What only generated code calls is in pulumi/gen/support.h.)
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

// clang-format 14 mangles requires-clauses (RequiresClausePosition arrives in 15); this file keeps its layout.
// clang-format off

#include "pulumi/convert.h"
#include "pulumi/input.h"
#include "pulumi/output.h"
#include "pulumi/property_value.h"
#include "pulumi/resource.h"

#include <map>
#include <optional>
#include <stdexcept>
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
  // NOLINTNEXTLINE(bugprone-forwarding-reference-overload): the constraint fails for the class itself.
  Required(U&& value) : input_(std::forward<U>(value)) {}  // NOLINT(google-explicit-constructor)

  Input<T> const& input() const { return input_; }
  Output<T> const& ToOutput() const { return input_.ToOutput(); }

 private:
  Input<T> input_;
};

namespace internal {
/// True for the input form of an object, or a list or map of objects: args structs (e.g. DetailArgs,
/// std::vector<DetailArgs>), which no ToPropertyValue overload takes, unlike plain values.
template <typename T>
struct IsStructForm : std::bool_constant<!requires(T const& t) { ToPropertyValue(t); }> {};
template <typename E>
struct IsStructForm<std::vector<E>> : IsStructForm<E> {};
template <typename E>
struct IsStructForm<std::map<std::string, E>> : IsStructForm<E> {};
}  // namespace internal

/// A required member whose value is not an Input (a nested args struct, a vector of them, or a plain
/// value): like Required, leaving it out of a designated initializer does not compile.
template <typename T>
class RequiredValue {
 public:
  RequiredValue() = delete;
  template <typename U>
    requires std::is_constructible_v<T, U&&>
  // NOLINTNEXTLINE(bugprone-forwarding-reference-overload): the constraint fails for the class itself.
  RequiredValue(U&& value) : value_(std::forward<U>(value)) {}  // NOLINT(google-explicit-constructor)
  /// An object, or a list or map of objects, may also come whole from an output of its value form, e.g.
  /// another resource's Output<std::vector<Detail>> for a RequiredValue<std::vector<DetailArgs>>, or the
  /// result of an Apply that builds the list (its length known only then). Sent as the output's value.
  template <typename U>
    requires(internal::IsStructForm<T>::value && requires(U const& u) { ToPropertyValue(u); })
  RequiredValue(Output<U> const& output)  // NOLINT(google-explicit-constructor)
      : output_(output.Apply([](U const& u) { return PropertyValue(ToPropertyValue(u)); })) {}

  /// The value; throws std::logic_error when the member was given an output.
  T const& value() const {
    if (!value_) throw std::logic_error("RequiredValue::value(): the member holds an output");
    return *value_;
  }
  /// The output the member was given, if any (SDK-internal, for ToOutputValue).
  std::optional<Output<PropertyValue>> const& internal_output() const { return output_; }

 private:
  std::optional<T> value_{};
  std::optional<Output<PropertyValue>> output_{};
};

/// An input that refers to a resource of type R (or derived from it); sent as a resource reference.
/// R may be incomplete where the member is declared.
template <typename R>
class ResourceInput {
 public:
  template <typename U>
    requires std::is_base_of_v<R, U>
  ResourceInput(U const& resource) : value_(ReferenceTo(resource)) {}  // NOLINT(google-explicit-constructor)
  /// A reference to such a resource that another resource returned, e.g. a component's output of type R.
  ResourceInput(Output<ResourceReference> const& ref)  // NOLINT(google-explicit-constructor)
      : value_(ref.Apply([](ResourceReference const& r) { return PropertyValue(r); })) {}
  /// Such a resource, known once the output is (e.g. a reference hydrated with CustomResource::FromReference).
  template <typename U>
    requires std::is_base_of_v<R, U>
  ResourceInput(Output<U> const& resource)  // NOLINT(google-explicit-constructor)
      : value_(resource.Apply([](U const& r) { return ReferenceTo(r); })) {}

  /// The reference, as it is sent.
  Output<PropertyValue> const& value() const { return value_; }

 private:
  Output<PropertyValue> value_;
};

/// An absent optional member: left out of the object sent to the engine.
using MaybeOutputValue = std::optional<Output<PropertyValue>>;

/// Joins named members into an object value; absent members are left out. The result is known once every
/// member has settled: an unknown member becomes an unknown value inside it and a secret member a secret
/// value, so a preview keeps the known parts of a nested object (as Pulumi's other SDKs do). Dependencies
/// carry over; a failed member fails the result.
Output<PropertyValue> ObjectOutput(std::vector<std::pair<std::string, MaybeOutputValue>> members);

/// Joins elements into an array value, like ObjectOutput.
Output<PropertyValue> ArrayOutput(std::vector<Output<PropertyValue>> const& elements);

/// Adds a member to a resource's or invoke's inputs, unless it is absent.
inline void AddInput(PropertyInputs& inputs, std::string name, MaybeOutputValue value) {
  if (value) inputs.emplace(std::move(name), Input<PropertyValue>(std::move(*value)));
}

/// A member the schema marks secret: its value is sent as a secret.
MaybeOutputValue SecretValue(MaybeOutputValue value);

// ToOutputValue: the overload set that turns an args member into Output<PropertyValue>. Generated structs
// add their own overload in their namespace, next to `using pulumi::ToOutputValue;` so that both are found.
// All are declared first, so that each template finds the others (e.g. an optional vector of structs).
template <typename T>
Output<PropertyValue> ToOutputValue(Input<T> const& in);
template <typename T>
Output<PropertyValue> ToOutputValue(Required<T> const& in);
template <typename T>
Output<PropertyValue> ToOutputValue(RequiredValue<T> const& in);
template <typename R>
Output<PropertyValue> ToOutputValue(ResourceInput<R> const& in);
template <typename T>
MaybeOutputValue ToOutputValue(std::optional<T> const& in);
template <typename T>
Output<PropertyValue> ToOutputValue(std::vector<T> const& in);
template <typename T>
Output<PropertyValue> ToOutputValue(std::map<std::string, T> const& in);

template <typename T>
Output<PropertyValue> ToOutputValue(Input<T> const& in) {
  if (auto const& entries = in.internal_entries()) return *entries;
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
Output<PropertyValue> ToOutputValue(RequiredValue<T> const& in) {
  if (auto const& output = in.internal_output()) return *output;
  return ToOutputValue(in.value());
}

template <typename R>
Output<PropertyValue> ToOutputValue(ResourceInput<R> const& in) {
  return in.value();
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
  return ArrayOutput(elements);
}

template <typename T>
Output<PropertyValue> ToOutputValue(std::map<std::string, T> const& in) {
  std::vector<std::pair<std::string, MaybeOutputValue>> members;
  members.reserve(in.size());
  for (auto const& [k, v] : in) members.emplace_back(k, ToOutputValue(v));
  return ObjectOutput(std::move(members));
}

}  // namespace pulumi

// clang-format on

#endif  // PULUMI_ARGS_H
