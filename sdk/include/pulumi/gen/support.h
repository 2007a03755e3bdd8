// What the code pulumi-gen-cpp writes calls, and nothing else should: one call per member of a generated
// args struct, output struct or function result, each a function shared by every member of the same type
// (which keeps generated code small and quick to compile). Programs use the typed bindings, or pulumi/args.h
// for hand-written args structs.
//
//   ::pulumi::gen::ArgsBuilder b;
//   b.Add("tier", args.tier);
//   b.Add("rootPassword", args.root_password, /*secret=*/true);
//   return std::move(b).Object();
#ifndef PULUMI_GEN_SUPPORT_H
#define PULUMI_GEN_SUPPORT_H

#include "pulumi/args.h"
#include "pulumi/convert.h"
#include "pulumi/output.h"
#include "pulumi/property_value.h"
#include "pulumi/resource.h"

#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace pulumi::gen {

/// Whether T holds a ResourceInput (itself, or in lists, maps and optionals of them).
template <typename T>
struct HoldsResourceInput : std::false_type {};
template <typename R>
struct HoldsResourceInput<ResourceInput<R>> : std::true_type {};
template <typename E>
struct HoldsResourceInput<std::vector<E>> : HoldsResourceInput<E> {};
template <typename E>
struct HoldsResourceInput<std::map<std::string, E>> : HoldsResourceInput<E> {};
template <typename E>
struct HoldsResourceInput<std::optional<E>> : HoldsResourceInput<E> {};

/// Members the schema marks `plain`: values, never outputs. A plain member that refers to resources is sent
/// once their URNs (and ids) are known, so it is an output like any other member.
template <typename T>
Output<PropertyValue> PlainOutputValue(T const& value) {
  if constexpr (HoldsResourceInput<T>::value) {
    return ToOutputValue(value);
  } else {
    return Output<PropertyValue>(PropertyValue(ToPropertyValue(value)));
  }
}

template <typename T>
Output<PropertyValue> PlainOutputValue(RequiredValue<T> const& value) {
  return PlainOutputValue(value.value());
}

template <typename T>
MaybeOutputValue PlainOutputValue(std::optional<T> const& value) {
  if (!value) return std::nullopt;
  return PlainOutputValue(*value);
}

/// Turns an args struct into an object or a resource's inputs, member by member; absent members are left
/// out.
class ArgsBuilder {
 public:
  template <typename T>
  void Add(char const* name, T const& member, bool secret = false) {
    Put(name, ToOutputValue(member), secret);
  }
  /// A member the schema marks `plain`.
  template <typename T>
  void AddPlain(char const* name, T const& member, bool secret = false) {
    Put(name, PlainOutputValue(member), secret);
  }
  Output<PropertyValue> Object() &&;
  PropertyInputs Inputs() &&;

 private:
  void Put(char const* name, MaybeOutputValue value, bool secret);
  std::vector<std::pair<std::string, MaybeOutputValue>> members_;
};

/// Decodes a member of an output struct; an absent or null property leaves the member as it is.
template <typename T>
void DecodeMember(PropertyMap const& object, char const* name, T& member) {
  auto it = object.find(name);
  if (it != object.end() && !it->second.is_null()) member = FromPropertyValue<T>(it->second);
}
// Most members are optional: decoded into place, which instantiates less of std::optional per type.
template <typename T>
void DecodeMember(PropertyMap const& object, char const* name, std::optional<T>& member) {
  auto it = object.find(name);
  if (it != object.end() && !it->second.is_null()) member.emplace(PropertyDecoder<T>::Decode(it->second));
}

/// The object inside `value`; throws PropertyTypeError naming `type` when it is not one.
PropertyMap const& ObjectOf(PropertyValue const& value, char const* type);

/// Encodes a member of an output struct; an absent optional member is left out.
template <typename T>
void EncodeMember(PropertyMap& object, char const* name, T const& member) {
  object.emplace(name, ToPropertyValue(member));
}
template <typename T>
void EncodeMember(PropertyMap& object, char const* name, std::optional<T> const& member) {
  if (member) object.emplace(name, ToPropertyValue(*member));
}
template <typename T>
void EncodeMember(PropertyMap& object, char const* name, OptionalList<T> const& member) {
  if (member.has_value()) object.emplace(name, ToPropertyValue(*member));
}
template <typename T>
void EncodeMember(PropertyMap& object, char const* name, RequiredValue<T> const& member) {
  object.emplace(name, ToPropertyValue(member.value()));
}

}  // namespace pulumi::gen

#include "pulumi/internal/common_instantiations.h"  // IWYU pragma: export

#endif  // PULUMI_GEN_SUPPORT_H
