#include "assignment.h"

#include "values.h"

#include <algorithm>
#include <optional>

namespace pulumi::gcpsim {
namespace {

char const* KindName(PropertyValue const& v) {
  switch (v.kind()) {
    case PropertyValue::Kind::kBool: return "boolean";
    case PropertyValue::Kind::kNumber: return "number";
    case PropertyValue::Kind::kString: return "string";
    default: return "value that has no properties";
  }
}

/// `key` as an index into a list of `size` elements, when it is one.
std::optional<std::size_t> IndexOf(std::string const& key, std::size_t size) {
  if (key.empty() || key.size() > 9 ||
      !std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  auto i = static_cast<std::size_t>(std::stoul(key));
  return i < size ? std::optional<std::size_t>(i) : std::nullopt;
}

/// `v` with `value` at `path`: objects are made on the way (through null or absent values), list elements are
/// named by their index, and every secret on the way stays a secret.
absl::StatusOr<PropertyValue> With(PropertyValue const& v, std::span<std::string const> path,
                                   PropertyValue const& value, std::string const& where) {
  if (v.is_secret()) {
    auto inner = With(v.SecretElement(), path, value, where);
    if (!inner.ok() || inner->is_secret()) return inner;
    return PropertyValue::MakeSecret(*std::move(inner));
  }
  if (path.empty()) return value;
  auto const& key = path.front();
  auto here = where.empty() ? key : where + "." + key;
  if (v.is_null() || v.is_object()) {
    PropertyMap m = v.is_object() ? v.AsObject() : PropertyMap{};
    auto it = m.find(key);
    auto next = With(it == m.end() ? PropertyValue() : it->second, path.subspan(1), value, here);
    if (!next.ok()) return next;
    m[key] = *std::move(next);
    return PropertyValue(std::move(m));
  }
  if (v.is_array()) {
    PropertyArray a = v.AsArray();
    auto index = IndexOf(key, a.size());
    if (!index) {
      return absl::InvalidArgumentError("cannot set " + here + ": " + (where.empty() ? "the resource" : where) +
                                        " is a list of " + std::to_string(a.size()) +
                                        " (name an element by its index, from 0)");
    }
    auto next = With(a[*index], path.subspan(1), value, here);
    if (!next.ok()) return next;
    a[*index] = *std::move(next);
    return PropertyValue(std::move(a));
  }
  return absl::InvalidArgumentError("cannot set " + here + ": " + where + " is a " + KindName(v) +
                                    ", not an object (set " + where + " itself instead)");
}

}  // namespace

bool ValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;  // the range of the byte after the lead byte
    if (c < 0x80) {
      n = 0;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (s.size() - i <= n) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      auto b = static_cast<unsigned char>(s[i + k]);
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return false;
    }
    i += n + 1;
  }
  return true;
}

absl::StatusOr<Assignment> ParseAssignment(std::string const& arg) {
  auto eq = arg.find('=');
  if (eq == std::string::npos) return absl::InvalidArgumentError("'" + arg + "' is not KEY=VALUE");
  if (!ValidUtf8(arg)) return absl::InvalidArgumentError("'" + arg.substr(0, eq) + "=...' is not valid UTF-8");
  Assignment a{.key = arg.substr(0, eq), .path = {}, .value = ValueFromText(arg.substr(eq + 1))};
  std::size_t start = 0;
  for (;;) {
    auto dot = a.key.find('.', start);
    a.path.push_back(a.key.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (a.path.back().empty()) return absl::InvalidArgumentError("'" + a.key + "' is not a property path (KEY=VALUE)");
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return a;
}

PropertyValue const* Find(PropertyValue const& root, std::span<std::string const> path, bool* secret) {
  PropertyValue const* v = &root;
  for (std::size_t i = 0;; ++i) {
    while (v->is_secret()) {
      *secret = true;
      if (i == path.size()) return v;
      v = &v->SecretElement();
    }
    if (i == path.size()) return v;
    if (v->is_object()) {
      auto it = v->AsObject().find(path[i]);
      if (it == v->AsObject().end()) return nullptr;
      v = &it->second;
    } else if (auto index = v->is_array() ? IndexOf(path[i], v->AsArray().size()) : std::nullopt) {
      v = &v->AsArray()[*index];
    } else {
      return nullptr;
    }
  }
}

absl::Status Apply(PropertyMap& m, Assignment const& a, PropertyValue const& value) {
  auto next = With(PropertyValue(m), a.path, value, "");
  if (!next.ok()) return next.status();
  m = next->AsObject();
  return absl::OkStatus();
}

}  // namespace pulumi::gcpsim
