#include "property_text.h"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace apex::plan {
namespace {

using pulumi::PropertyValue;

std::string Quoted(std::string const& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

std::string NumberText(double n) {
  char buf[32];
  if (std::floor(n) == n && std::fabs(n) < 1e15) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(n));
  } else {
    std::snprintf(buf, sizeof buf, "%g", n);
  }
  return buf;
}

std::string FullText(PropertyValue const& v) {
  using Kind = PropertyValue::Kind;
  switch (v.kind()) {
    case Kind::kNull: return "null";
    case Kind::kBool: return v.AsBool() ? "true" : "false";
    case Kind::kNumber: return NumberText(v.AsNumber());
    case Kind::kString: return Quoted(v.AsString());
    case Kind::kSecret: return kSecretText;
    case Kind::kComputed: return kComputedText;
    case Kind::kOutput: {
      auto const& out = v.AsOutput();
      if (out.secret) return kSecretText;
      return out.value ? FullText(*out.value) : kComputedText;
    }
    case Kind::kResourceReference: return v.AsResourceReference().urn;
    case Kind::kAsset: return "(asset) " + v.AsAsset().value;
    case Kind::kArchive: return "(archive) " + v.AsArchive().value;
    case Kind::kArray: {
      std::string out = "[";
      for (auto const& item : v.AsArray()) out += (out.size() > 1 ? ", " : "") + FullText(item);
      return out + "]";
    }
    case Kind::kObject: {
      std::string out = "{";
      for (auto const& [key, item] : v.AsObject()) out += (out.size() > 1 ? ", " : "") + key + ": " + FullText(item);
      return out + "}";
    }
  }
  return "";
}

bool Opaque(PropertyValue const& v) { return v.is_secret() || v.is_computed() || v.is_output(); }

}  // namespace

std::string DisplayType(std::string const& token) {
  auto first = token.find(':');
  auto last = token.rfind(':');
  if (first == std::string::npos || first == last) return token;
  std::string module = token.substr(first + 1, last - first - 1);
  std::string name = token.substr(last + 1);
  auto slash = module.rfind('/');
  if (slash == std::string::npos || name.empty()) return token;
  std::string member = module.substr(slash + 1);
  std::string camel = name;
  camel[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(camel[0])));
  if (member != camel) return token;
  return token.substr(0, first + 1) + module.substr(0, slash) + ":" + name;
}

std::string ShortType(std::string const& token) {
  auto last = token.rfind(':');
  return last == std::string::npos ? token : token.substr(last + 1);
}

std::string ValueText(PropertyValue const& value, std::size_t max_chars) {
  std::string text = FullText(value);
  if (text.size() > max_chars) {
    // Cut on a UTF-8 character boundary.
    std::size_t cut = max_chars;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "...";
  }
  return text;
}

std::optional<PropertyValue> Lookup(pulumi::PropertyMap const& map, std::string const& path) {
  PropertyValue current = map;
  std::size_t i = 0;
  while (i < path.size()) {
    if (Opaque(current)) return current;
    if (path[i] == '[') {
      auto close = path.find(']', i);
      if (close == std::string::npos || !current.is_array()) return std::nullopt;
      std::size_t index = std::stoul(path.substr(i + 1, close - i - 1));
      if (index >= current.AsArray().size()) return std::nullopt;
      current = current.AsArray()[index];
      i = close + 1;
      if (i < path.size() && path[i] == '.') ++i;
      continue;
    }
    auto end = path.find_first_of(".[", i);
    std::string key = path.substr(i, end == std::string::npos ? std::string::npos : end - i);
    if (!current.is_object()) return std::nullopt;
    auto it = current.AsObject().find(key);
    if (it == current.AsObject().end()) return std::nullopt;
    current = it->second;
    i = end == std::string::npos ? path.size() : (path[end] == '.' ? end + 1 : end);
  }
  return current;
}

std::size_t DisplayWidth(std::string const& text) {
  std::size_t width = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++width;
  }
  return width;
}

}  // namespace apex::plan
