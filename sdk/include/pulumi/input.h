// Input<T>: a parameter that accepts either a plain T or an Output<T>.
//
//   struct BucketArgs { pulumi::Input<std::string> location; };
//   BucketArgs a{.location = "EU"};                    // a plain value
//   BucketArgs b{.location = network.GetOutput<std::string>("region")};  // an output
#ifndef PULUMI_INPUT_H
#define PULUMI_INPUT_H

// clang-format 14 mangles requires-clauses (RequiresClausePosition arrives in 15); this file keeps its layout.
// clang-format off

#include "pulumi/convert.h"
#include "pulumi/output.h"
#include "pulumi/property_value.h"

#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace pulumi {

template <typename T>
class Input;

namespace internal {
template <typename T>
struct IsInput : std::false_type {};
template <typename T>
struct IsInput<Input<T>> : std::true_type {};

/// How a U becomes a T inside Input<T>: PropertyValue takes anything ToPropertyValue accepts.
template <typename T, typename U>
T ConvertInput(U const& u) {
  if constexpr (std::is_same_v<T, PropertyValue>) {
    return ToPropertyValue(u);
  } else {
    return T(u);
  }
}

template <typename T, typename U>
concept InputConvertible =
    !std::is_same_v<std::decay_t<U>, T> && !IsOutput<std::decay_t<U>>::value && !IsInput<std::decay_t<U>>::value &&
    // An OptionalList becomes a list through its own constructors, which keep "absent".
    (std::is_same_v<T, PropertyValue> || !IsOptionalList<std::decay_t<U>>::value) &&
    (std::is_convertible_v<U, T> ||
     (std::is_same_v<T, PropertyValue> && requires(U const& u) { ToPropertyValue(u); }));

/// One object value from named outputs, each entry keeping its own secrecy, unknownness and dependencies
/// (ObjectOutput of pulumi/args.h).
Output<PropertyValue> EntriesOutput(std::vector<std::pair<std::string, Output<PropertyValue>>> entries);
/// One array value from outputs, each element keeping its own secrecy, unknownness and dependencies
/// (ArrayOutput of pulumi/args.h).
Output<PropertyValue> ElementsOutput(std::vector<Output<PropertyValue>> const& elements);
}  // namespace internal

// Declared here for the friendship below; defined in pulumi/args.h.
template <typename T>
Output<PropertyValue> ToOutputValue(Input<T> const& in);

template <typename T>
class Input {
 public:
  Input()
    requires std::is_default_constructible_v<T>
      : output_(T{}) {}
  // The one sanctioned implicit conversion family of the SDK: a T, an Output<T>, or what converts to them.
  Input(T value) : output_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Input(Output<T> output) : output_(std::move(output)) {}  // NOLINT(google-explicit-constructor)
  template <typename U>
    requires internal::InputConvertible<T, U>
  // NOLINTNEXTLINE(bugprone-forwarding-reference-overload): InputConvertible excludes Input and Output.
  Input(U&& value) : output_(internal::ConvertInput<T>(value)) {}  // NOLINT(google-explicit-constructor)
  template <typename U>
    requires(!std::is_same_v<U, T> && internal::InputConvertible<T, U>)
  Input(Output<U> const& output)  // NOLINT(google-explicit-constructor)
      : output_(output.Apply([](U const& u) { return internal::ConvertInput<T>(u); })) {}

  template <typename U>
    requires(!std::is_same_v<U, T> && internal::InputConvertible<T, U>)
  Input(Input<U> const& input)  // NOLINT(google-explicit-constructor)
      : Input(input.ToOutput()) {}

  /// A value from an output that may hold none, e.g. another resource's optional property: the engine
  /// gets null where it holds none (a provider treats that as not set), and ToOutput() holds T{} there.
  template <typename U>
    requires(!std::is_same_v<T, PropertyValue> && (std::is_same_v<U, T> || internal::InputConvertible<T, U>))
  Input(Output<std::optional<U>> const& output)  // NOLINT(google-explicit-constructor)
      : output_(output.Apply([](std::optional<U> const& v) { return v ? internal::ConvertInput<T>(*v) : T{}; })),
        entries_(output.Apply([](std::optional<U> const& v) {
          return v ? PropertyValue(ToPropertyValue(internal::ConvertInput<T>(*v))) : PropertyValue(nullptr);
        })) {}

  /// An optional list from an output (OptionalList), or a plain one: the engine gets null where the list
  /// is absent, and ToOutput() holds it empty there.
  template <typename E>
    requires(std::is_same_v<T, std::vector<E>>)
  Input(Output<OptionalList<E>> const& output)  // NOLINT(google-explicit-constructor)
      : output_(output.Apply([](OptionalList<E> const& v) { return T(*v); })),
        entries_(output.Apply([](OptionalList<E> const& v) { return ToPropertyValue(v); })) {}
  template <typename E>
    requires(std::is_same_v<T, std::vector<E>>)
  Input(OptionalList<E> const& list)  // NOLINT(google-explicit-constructor)
      : output_(T(*list)), entries_(Output<PropertyValue>(ToPropertyValue(list))) {}

  /// An array from one output per element. ToOutput() joins them with All; the engine gets each element
  /// with its own secrecy and unknownness (an array with an unknown element, not an unknown array).
  template <typename E>
    requires std::is_same_v<T, std::vector<E>>
  Input(std::vector<Output<E>> const& elements)  // NOLINT(google-explicit-constructor)
      : output_(All(elements)), entries_(ElementsValue(elements)) {}

  /// A map from one output per value. ToOutput() joins them with All (secret if any value is); the engine
  /// gets each value with its own secrecy, so one secret value does not make the whole map secret.
  template <typename E>
    requires std::is_same_v<T, std::map<std::string, E>>
  Input(std::map<std::string, Output<E>> const& entries)  // NOLINT(google-explicit-constructor)
      : output_(JoinEntries(entries)), entries_(EntriesValue(entries)) {}

  Output<T> const& ToOutput() const { return output_; }

 private:
  friend std::optional<Output<PropertyValue>> const& internal::EntriesOf<T>(Input const& input);
  // ToOutputValue (pulumi/args.h) reads the entries through this private member until it moves to
  // internal::EntriesOf; then the member and this friendship go.
  friend Output<PropertyValue> ToOutputValue<T>(Input const& in);
  std::optional<Output<PropertyValue>> const& internal_entries() const { return entries_; }

  template <typename E>
  static Output<T> JoinEntries(std::map<std::string, Output<E>> const& entries) {
    std::vector<std::string> keys;
    std::vector<Output<E>> values;
    for (auto const& [k, v] : entries) {
      keys.push_back(k);
      values.push_back(v);
    }
    return All(values).Apply([keys](std::vector<E> const& vs) {
      T m;
      for (std::size_t i = 0; i < keys.size(); ++i) m.emplace(keys[i], vs[i]);
      return m;
    });
  }
  template <typename E>
  static Output<PropertyValue> ElementsValue(std::vector<Output<E>> const& elements) {
    std::vector<Output<PropertyValue>> values;
    values.reserve(elements.size());
    for (auto const& e : elements) {
      if constexpr (std::is_same_v<E, PropertyValue>) {
        values.push_back(e);
      } else {
        values.push_back(e.Apply([](E const& v) { return PropertyValue(ToPropertyValue(v)); }));
      }
    }
    return internal::ElementsOutput(values);
  }
  template <typename E>
  static Output<PropertyValue> EntriesValue(std::map<std::string, Output<E>> const& entries) {
    std::vector<std::pair<std::string, Output<PropertyValue>>> values;
    for (auto const& [k, v] : entries) {
      if constexpr (std::is_same_v<E, PropertyValue>) {
        values.emplace_back(k, v);
      } else {
        values.emplace_back(k, v.Apply([](E const& e) { return PropertyValue(ToPropertyValue(e)); }));
      }
    }
    return internal::EntriesOutput(std::move(values));
  }

  Output<T> output_;
  std::optional<Output<PropertyValue>> entries_{};
};

}  // namespace pulumi

// clang-format on

#endif  // PULUMI_INPUT_H
