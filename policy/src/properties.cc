#include "pulumi/policy/policy.h"

#include "internal/property_walk.h"

#include <functional>
#include <stdexcept>

namespace pulumi::policy {
namespace {

using Kind = PropertyValue::Kind;

struct Step {
  std::string key;        // an object key, or
  std::size_t index = 0;  // a list index when is_index
  bool is_index = false;
};

std::vector<Step> ParsePath(std::string_view path) {
  std::vector<Step> steps;
  std::size_t i = 0;
  auto bad = [&](std::string const& why) {
    return std::invalid_argument("property path \"" + std::string(path) + "\": " + why);
  };
  while (i < path.size()) {
    if (path[i] == '[') {
      auto close = path.find(']', i);
      if (close == std::string_view::npos || close == i + 1) throw bad("unclosed or empty [");
      std::size_t index = 0;
      for (auto c : path.substr(i + 1, close - i - 1)) {
        if (c < '0' || c > '9') throw bad("a list index must be a number");
        index = index * 10 + static_cast<std::size_t>(c - '0');
      }
      steps.push_back({.key = "", .index = index, .is_index = true});
      i = close + 1;
      if (i < path.size() && path[i] == '.') ++i;
      continue;
    }
    auto end = path.find_first_of(".[", i);
    if (end == std::string_view::npos) end = path.size();
    if (end == i) throw bad("empty key");
    steps.push_back({.key = std::string(path.substr(i, end - i))});
    i = end;
    if (i < path.size() && path[i] == '.') ++i;
  }
  return steps;
}

std::string Describe(std::vector<Step> const& steps, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count && i < steps.size(); ++i) {
    out += steps[i].is_index ? "[" + std::to_string(steps[i].index) + "]" : "." + steps[i].key;
  }
  return out.empty() ? "." : out;
}

/// The value inside secrets and known output values; nullptr when unknown.
PropertyValue const* Unwrap(PropertyValue const* v) {
  while (v) {
    if (v->is_secret()) {
      v = &v->SecretElement();
    } else if (v->is_output()) {
      v = v->AsOutput().value.get();
    } else if (v->is_computed()) {
      return nullptr;
    } else {
      return v;
    }
  }
  return nullptr;
}

/// `root` followed by the steps of `at`, as Describe spells paths.
std::string PathText(std::string const& root, internal::ValuePath const& at) {
  std::string out = root;
  for (auto const& step : at) {
    out = step.key ? (out == "." ? "" : out) + "." + *step.key : out + "[" + std::to_string(step.index) + "]";
  }
  return out;
}

/// `v` without secrets or output values; throws UnknownValueError naming the first unknown inside.
PropertyValue Plain(PropertyValue const& v, std::string const& path) {
  return internal::Transform(v, [&path](PropertyValue x, internal::ValuePath const& at) -> PropertyValue {
    if (x.is_secret()) return x.SecretElement();
    if (x.is_output() && x.AsOutput().value) return *x.AsOutput().value;
    if (x.is_output() || x.is_computed()) throw UnknownValueError(PathText(path, at));
    return x;
  });
}

struct Walked {
  PropertyValue const* value = nullptr;  // the raw value at the end of the path; null when absent or cut short
  std::size_t unknown_at = 0;            // when cut short by an unknown value: the steps up to it (else 0)
};

/// Follows the path through the raw map; `visit` sees each value on the way, the last one included.
Walked Walk(PropertyMap const& map, std::vector<Step> const& steps,
            std::function<void(PropertyValue const&)> const& visit) {
  PropertyValue const* current = nullptr;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    auto const& step = steps[i];
    if (i == 0) {
      if (step.is_index) return {};
      auto it = map.find(step.key);
      if (it == map.end()) return {};
      current = &it->second;
    } else {
      auto const* u = Unwrap(current);
      if (!u) return {.value = nullptr, .unknown_at = i};
      if (step.is_index) {
        if (!u->is_array() || step.index >= u->AsArray().size()) return {};
        current = &u->AsArray()[step.index];
      } else {
        if (!u->is_object()) return {};
        auto it = u->AsObject().find(step.key);
        if (it == u->AsObject().end()) return {};
        current = &it->second;
      }
    }
    if (visit) visit(*current);
  }
  return {.value = current};
}

/// The raw value at path (nullptr when absent); throws UnknownValueError when a step on the way is unknown.
PropertyValue const* Find(PropertyMap const& map, std::vector<Step> const& steps) {
  auto walked = Walk(map, steps, nullptr);
  if (walked.unknown_at > 0) throw UnknownValueError(Describe(steps, walked.unknown_at));
  return walked.value;
}

/// True when v itself is wrapped as a secret (not looking inside objects or lists).
bool WrappedSecret(PropertyValue const& v) {
  if (v.is_secret()) return true;
  if (v.is_output()) return v.AsOutput().secret || (v.AsOutput().value && WrappedSecret(*v.AsOutput().value));
  return false;
}

char const* KindName(Kind k) {
  switch (k) {
    case Kind::kNull: return "null";
    case Kind::kBool: return "a bool";
    case Kind::kNumber: return "a number";
    case Kind::kString: return "a string";
    case Kind::kArray: return "a list";
    case Kind::kObject: return "an object";
    case Kind::kResourceReference: return "a resource reference";
    case Kind::kAsset: return "an asset";
    case Kind::kArchive: return "an archive";
    default: return "a value";
  }
}

[[noreturn]] void WrongType(std::string_view path, char const* expected, PropertyValue const& found) {
  throw std::invalid_argument("property " + std::string(path) + " is " + KindName(found.kind()) + ", not " + expected);
}

}  // namespace

UnknownValueError::UnknownValueError(std::string path)
    : std::runtime_error("the value at " + path + " can't be known during preview"), path_(std::move(path)) {}

std::optional<PropertyValue> Properties::Get(std::string_view path) const {
  auto steps = ParsePath(path);
  auto const* found = Find(map_, steps);
  if (!found) return std::nullopt;
  auto plain = Plain(*found, Describe(steps, steps.size()));
  if (plain.is_null()) return std::nullopt;
  return plain;
}

std::optional<bool> Properties::GetBool(std::string_view path) const {
  auto v = Get(path);
  if (!v) return std::nullopt;
  if (!v->is_bool()) WrongType(path, "a bool", *v);
  return v->AsBool();
}

std::optional<double> Properties::GetNumber(std::string_view path) const {
  auto v = Get(path);
  if (!v) return std::nullopt;
  if (!v->is_number()) WrongType(path, "a number", *v);
  return v->AsNumber();
}

std::optional<std::string> Properties::GetString(std::string_view path) const {
  auto v = Get(path);
  if (!v) return std::nullopt;
  if (!v->is_string()) WrongType(path, "a string", *v);
  return v->AsString();
}

PropertyArray Properties::GetList(std::string_view path) const {
  auto v = Get(path);
  if (!v) return {};
  if (!v->is_array()) WrongType(path, "a list", *v);
  return v->AsArray();
}

PropertyMap Properties::GetObject(std::string_view path) const {
  auto v = Get(path);
  if (!v) return {};
  if (!v->is_object()) WrongType(path, "an object", *v);
  return v->AsObject();
}

bool Properties::Has(std::string_view path) const { return Get(path).has_value(); }

bool Properties::IsSecret(std::string_view path) const {
  // Secrecy is known even where the value is not, so look without refusing unknowns.
  bool any = false;
  auto walked = Walk(map_, ParsePath(path), [&any](PropertyValue const& v) { any = any || WrappedSecret(v); });
  return any || (walked.value && walked.value->ContainsSecrets());
}

}  // namespace pulumi::policy
