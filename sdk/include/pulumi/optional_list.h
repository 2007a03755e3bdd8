// OptionalList<T>: an optional list in an output (a resource's property, a member of an output struct, a
// function's result). It is a std::vector<T> that also knows whether the list was there at all, and it reads
// like a std::optional<std::vector<T>> too.
//
//   auto certs = instance.server_ca_certs();  // Output<pulumi::OptionalList<InstanceServerCaCert>>
//   certs.Apply([](auto const& list) { return list.empty() ? std::string() : list.front().cert.value_or(""); });
//   if (!list) ...  // absent; also list.has_value(), *list, list->size(), list.value(), list.value_or({})
//
// Passed on to another resource's input, an absent list stays absent (null) and an empty one stays [].
#ifndef PULUMI_OPTIONAL_LIST_H
#define PULUMI_OPTIONAL_LIST_H

#include <initializer_list>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace pulumi {

// Not std::optional<std::vector<T>>: that compiles to some sixty functions per element type at -O0, a fifth
// of a generated unit (bench/README.md); this adds a flag to the vector the bindings instantiate anyway.
template <typename T>
class OptionalList : public std::vector<T> {
 public:
  /// Absent.
  OptionalList() = default;
  OptionalList(std::nullopt_t) {}  // NOLINT(google-explicit-constructor)
  /// Present, even when empty.
  OptionalList(std::vector<T> list) : std::vector<T>(std::move(list)), present_(true) {}  // NOLINT
  OptionalList(std::initializer_list<T> list) : std::vector<T>(list), present_(true) {}

  /// Whether the list is there: made present, or holding elements.
  bool has_value() const { return present_ || !this->empty(); }
  explicit operator bool() const { return has_value(); }

  std::vector<T>& operator*() { return *this; }
  std::vector<T> const& operator*() const { return *this; }
  std::vector<T>* operator->() { return this; }
  std::vector<T> const* operator->() const { return this; }
  std::vector<T>& value() { return has_value() ? **this : throw std::bad_optional_access(); }
  std::vector<T> const& value() const { return has_value() ? **this : throw std::bad_optional_access(); }
  std::vector<T> value_or(std::vector<T> fallback) const { return has_value() ? std::vector<T>(*this) : fallback; }

 private:
  bool present_ = false;
};

template <typename T>
struct IsOptionalList : std::false_type {};
template <typename T>
struct IsOptionalList<OptionalList<T>> : std::true_type {};

}  // namespace pulumi

#endif  // PULUMI_OPTIONAL_LIST_H
