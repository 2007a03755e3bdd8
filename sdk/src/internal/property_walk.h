// Visiting and rebuilding PropertyValue trees: the one recursion over arrays, objects, secrets and output
// values that the SDK's walkers (ContainsSecrets, WithoutSecrets, NormalizeOutputValues, ...) share.
//
//   bool has_unknowns = AnyValue(v, [](PropertyValue const& x) { return x.is_computed(); });
//   Walk(v, [&](PropertyValue const& x) { if (x.is_output()) ...; return true; });  // false: skip inside x
//   PropertyValue plain = Transform(v, [](PropertyValue x) { return x.is_secret() ? x.SecretElement() : x; });
//
// "Inside" a value are an array's elements, an object's values, a secret's element and a known output
// value's value; resource references, assets and archives are leaves.
#ifndef PULUMI_SRC_INTERNAL_PROPERTY_WALK_H
#define PULUMI_SRC_INTERNAL_PROPERTY_WALK_H

#include "pulumi/property_value.h"

#include <cstddef>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace pulumi::internal {

/// One step from a value to a value inside it: an object key, or an array index when `key` is null.
/// Secrets and output values add no step.
struct PathStep {
  std::string const* key = nullptr;
  std::size_t index = 0;
};
using ValuePath = std::vector<PathStep>;

/// Calls f(inner) for each value directly inside `v`, in order (keys in map order).
template <typename F>
void ForEachInside(PropertyValue const& v, F&& f) {
  switch (v.kind()) {
    case PropertyValue::Kind::kArray:
      for (auto const& e : v.AsArray()) f(e);
      break;
    case PropertyValue::Kind::kObject:
      for (auto const& [k, e] : v.AsObject()) f(e);
      break;
    case PropertyValue::Kind::kSecret: f(v.SecretElement()); break;
    case PropertyValue::Kind::kOutput:
      if (v.AsOutput().value) f(*v.AsOutput().value);
      break;
    default: break;
  }
}

/// Visits `v` and the values inside it, parents first; `visit(value)` returns false to skip what is inside.
template <typename Visit>
void Walk(PropertyValue const& v, Visit&& visit) {
  if (!visit(v)) return;
  ForEachInside(v, [&visit](PropertyValue const& inner) { Walk(inner, visit); });
}

/// True when `pred` holds for `v` or any value inside it; stops at the first match.
template <typename Pred>
bool AnyValue(PropertyValue const& v, Pred&& pred) {
  bool found = false;
  Walk(v, [&](PropertyValue const& x) {
    if (!found && pred(x)) found = true;
    return !found;
  });
  return found;
}

namespace walk_detail {

// NOLINTBEGIN(performance-unnecessary-value-param,bugprone-branch-clone): a sink for rewrites that take the value
// by value; clang-tidy 14 judges one instantiation and calls the two `if constexpr` branches clones.
template <typename Rewrite>
PropertyValue Rewritten(Rewrite& rewrite, PropertyValue v, ValuePath const& path) {
  if constexpr (std::is_invocable_v<Rewrite&, PropertyValue, ValuePath const&>) {
    return rewrite(std::move(v), path);
  } else {
    return rewrite(std::move(v));
  }
}
// NOLINTEND(performance-unnecessary-value-param,bugprone-branch-clone)

template <typename Rewrite>
PropertyValue Transform(PropertyValue const& v, Rewrite& rewrite, ValuePath& path) {
  switch (v.kind()) {
    case PropertyValue::Kind::kArray: {
      PropertyArray out;
      out.reserve(v.AsArray().size());
      for (std::size_t i = 0; i < v.AsArray().size(); ++i) {
        path.push_back({.key = nullptr, .index = i});
        out.push_back(Transform(v.AsArray()[i], rewrite, path));
        path.pop_back();
      }
      return Rewritten(rewrite, PropertyValue(std::move(out)), path);
    }
    case PropertyValue::Kind::kObject: {
      PropertyMap out;
      for (auto const& [k, e] : v.AsObject()) {
        path.push_back({.key = &k, .index = 0});
        out.emplace_hint(out.end(), k, Transform(e, rewrite, path));
        path.pop_back();
      }
      return Rewritten(rewrite, PropertyValue(std::move(out)), path);
    }
    case PropertyValue::Kind::kSecret:
      return Rewritten(rewrite, PropertyValue::MakeSecret(Transform(v.SecretElement(), rewrite, path)), path);
    case PropertyValue::Kind::kOutput: {
      OutputValue o = v.AsOutput();  // NOLINT(performance-unnecessary-copy-initialization): a copy to rewrite
      if (o.value) o.value = std::make_shared<PropertyValue const>(Transform(*o.value, rewrite, path));
      return Rewritten(rewrite, PropertyValue(std::move(o)), path);
    }
    default: return Rewritten(rewrite, v, path);
  }
}

}  // namespace walk_detail

/// `v` rebuilt bottom-up: `rewrite(value)` (or `rewrite(value, path)`, the steps from `v` to it) is called
/// on each value once the values inside it have been rewritten, and returns what takes its place.
template <typename Rewrite>
PropertyValue Transform(PropertyValue const& v, Rewrite&& rewrite) {
  ValuePath path;
  return walk_detail::Transform(v, rewrite, path);
}

}  // namespace pulumi::internal

#endif  // PULUMI_SRC_INTERNAL_PROPERTY_WALK_H
