#include "internal/property_codec.h"

#include <absl/status/status.h>
#include <absl/strings/escaping.h>

#include <array>
#include <cstdint>
#include <string>

namespace pulumi::internal {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;

constexpr std::array<std::string_view, 7> kUnknownSentinels = {
    kUnknownStringValue,                     // string / any
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",  // bool
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",  // number
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",  // array
    "030794c1-ac77-496b-92df-f27374a8bd58",  // asset
    "e48ece36-62e2-4504-bad9-02848725956a",  // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",  // object
};

Value StringValue(std::string_view s) {
  Value v;
  v.set_string_value(std::string(s));
  return v;
}

Value SigObject(std::string_view sig, Struct fields);

}  // namespace

bool IsValidUtf8(std::string_view s) {
  static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 4;
    if (n == 4 || s.size() - i <= n) return false;  // a stray continuation byte, or a sequence cut short
    std::uint32_t cp = n == 0 ? c : c & (0x3Fu >> n);
    for (std::size_t k = 1; k <= n; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) return false;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

namespace {

Value SigObject(std::string_view sig, Struct fields) {
  (*fields.mutable_fields())[std::string(kSigKey)] = StringValue(sig);
  Value v;
  *v.mutable_struct_value() = std::move(fields);
  return v;
}

void EncodeAssetFields(Asset const& a, Struct& s) {
  auto& f = *s.mutable_fields();
  if (!a.hash.empty()) f["hash"] = StringValue(a.hash);
  switch (a.source) {
    case Asset::Source::kText: f["text"] = StringValue(a.value); break;
    case Asset::Source::kPath: f["path"] = StringValue(a.value); break;
    case Asset::Source::kUri: f["uri"] = StringValue(a.value); break;
  }
}

absl::Status PathError(std::string const& path, std::string const& what) {
  return absl::InvalidArgumentError("property " + (path.empty() ? std::string("<root>") : path) + ": " + what);
}

absl::StatusOr<PropertyValue> Decode(Value const& v, std::string const& path, int depth);

absl::StatusOr<std::string> RequireString(Struct const& s, char const* key, std::string const& path) {
  auto it = s.fields().find(key);
  if (it == s.fields().end() || it->second.kind_case() != Value::kStringValue) {
    return PathError(path, std::string("missing string field '") + key + "'");
  }
  return it->second.string_value();
}

std::string OptionalString(Struct const& s, char const* key) {
  auto it = s.fields().find(key);
  if (it == s.fields().end() || it->second.kind_case() != Value::kStringValue) return "";
  return it->second.string_value();
}

absl::StatusOr<Asset> DecodeAsset(Struct const& s, std::string const& path) {
  Asset a;
  a.hash = OptionalString(s, "hash");
  auto const& f = s.fields();
  if (f.contains("text")) {
    a.source = Asset::Source::kText;
  } else if (f.contains("path")) {
    a.source = Asset::Source::kPath;
  } else if (f.contains("uri")) {
    a.source = Asset::Source::kUri;
  } else {
    return PathError(path, "asset has none of text, path or uri");
  }
  char const* key = a.source == Asset::Source::kText ? "text" : a.source == Asset::Source::kPath ? "path" : "uri";
  auto value = RequireString(s, key, path);
  if (!value.ok()) return value.status();
  a.value = *value;
  return a;
}

absl::StatusOr<PropertyValue> DecodeSigObject(Struct const& s, std::string_view sig, std::string const& path,
                                              int depth) {
  auto const& f = s.fields();
  if (sig == kSecretSig) {
    auto it = f.find("value");
    if (it == f.end()) return PathError(path, "secret has no value");
    auto inner = Decode(it->second, path, depth + 1);
    if (!inner.ok()) return inner.status();
    return PropertyValue::MakeSecret(*std::move(inner));
  }
  if (sig == kResourceReferenceSig) {
    ResourceReference r;
    auto urn = RequireString(s, "urn", path);
    if (!urn.ok()) return urn.status();
    r.urn = *urn;
    if (auto it = f.find("id"); it != f.end()) {
      if (it->second.kind_case() != Value::kStringValue)
        return PathError(path, "resource reference id is not a string");
      r.id = IsUnknownSentinel(it->second.string_value()) ? std::string() : it->second.string_value();
    }
    r.package_version = OptionalString(s, "packageVersion");
    return PropertyValue(std::move(r));
  }
  if (sig == kOutputValueSig) {
    OutputValue o;
    if (auto it = f.find("value"); it != f.end()) {
      auto inner = Decode(it->second, path, depth + 1);
      if (!inner.ok()) return inner.status();
      o.value = std::make_shared<PropertyValue const>(*std::move(inner));
    }
    if (auto it = f.find("secret"); it != f.end()) {
      if (it->second.kind_case() != Value::kBoolValue) return PathError(path, "output value 'secret' is not a bool");
      o.secret = it->second.bool_value();
    }
    if (auto it = f.find("dependencies"); it != f.end()) {
      if (it->second.kind_case() != Value::kListValue)
        return PathError(path, "output value dependencies is not a list");
      for (auto const& d : it->second.list_value().values()) {
        if (d.kind_case() != Value::kStringValue) return PathError(path, "output value dependency is not a string");
        o.dependencies.push_back(d.string_value());
      }
    }
    return PropertyValue(std::move(o));
  }
  if (sig == kAssetSig) {
    auto a = DecodeAsset(s, path);
    if (!a.ok()) return a.status();
    return PropertyValue(*std::move(a));
  }
  if (sig == kArchiveSig) {
    Archive a;
    a.hash = OptionalString(s, "hash");
    if (auto it = f.find("assets"); it != f.end()) {
      if (it->second.kind_case() != Value::kStructValue) return PathError(path, "archive assets is not an object");
      PropertyMap assets;
      for (auto const& [k, e] : it->second.struct_value().fields()) {
        std::string member_path = (path.empty() ? "assets." : path + ".assets.") + k;
        auto inner = Decode(e, member_path, depth + 1);
        if (!inner.ok()) return inner.status();
        if (!inner->is_asset() && !inner->is_archive()) {
          return PathError(member_path, "archive member is neither an asset nor an archive");
        }
        assets.emplace(k, *std::move(inner));
      }
      a.source = Archive::Source::kAssets;
      a.assets = std::make_shared<PropertyMap const>(std::move(assets));
    } else if (f.contains("path") || f.contains("uri")) {
      bool is_path = f.contains("path");
      a.source = is_path ? Archive::Source::kPath : Archive::Source::kUri;
      auto value = RequireString(s, is_path ? "path" : "uri", path);
      if (!value.ok()) return value.status();
      a.value = *value;
    } else {
      return PathError(path, "archive has none of assets, path or uri");
    }
    return PropertyValue(std::move(a));
  }
  if (sig == kByteStringSig) {
    auto value = RequireString(s, "value", path);
    if (!value.ok()) return value.status();
    std::string bytes;
    if (!absl::Base64Unescape(*value, &bytes)) return PathError(path, "byte string is not valid base64");
    // As for plain strings: re-encoded, these bytes would read back as unknown.
    if (IsUnknownSentinel(bytes)) return PropertyValue::MakeComputed();
    return PropertyValue(std::move(bytes));
  }
  return PathError(path, "unknown signature '" + std::string(sig) + "'");
}

// Deep enough for what Pulumi's engine and other SDKs accept in practice (the conformance suite's
// l2-large-map nests a map 300 levels), shallow enough that decoding cannot overflow a thread's stack.
constexpr int kMaxDepth = 1000;

absl::StatusOr<PropertyValue> Decode(Value const& v, std::string const& path, int depth) {
  if (depth > kMaxDepth) return PathError(path, "value is nested too deeply");
  switch (v.kind_case()) {
    case Value::KIND_NOT_SET:
    case Value::kNullValue: return PropertyValue();
    case Value::kBoolValue: return PropertyValue(v.bool_value());
    case Value::kNumberValue: return PropertyValue(v.number_value());
    case Value::kStringValue:
      if (IsUnknownSentinel(v.string_value())) return PropertyValue::MakeComputed();
      return PropertyValue(v.string_value());
    case Value::kListValue: {
      PropertyArray out;
      out.reserve(v.list_value().values_size());
      int i = 0;
      for (auto const& e : v.list_value().values()) {
        auto d = Decode(e, path + "[" + std::to_string(i++) + "]", depth + 1);
        if (!d.ok()) return d.status();
        out.push_back(*std::move(d));
      }
      return PropertyValue(std::move(out));
    }
    case Value::kStructValue: {
      auto const& s = v.struct_value();
      if (auto it = s.fields().find(std::string(kSigKey)); it != s.fields().end()) {
        if (it->second.kind_case() != Value::kStringValue) return PathError(path, "signature is not a string");
        return DecodeSigObject(s, it->second.string_value(), path, depth);
      }
      PropertyMap out;
      for (auto const& [k, e] : s.fields()) {
        auto d = Decode(e, path.empty() ? k : path + "." + k, depth + 1);
        if (!d.ok()) return d.status();
        out.emplace(k, *std::move(d));
      }
      return PropertyValue(std::move(out));
    }
  }
  return PathError(path, "unknown value kind");
}

}  // namespace

bool IsUnknownSentinel(std::string_view s) {
  for (auto u : kUnknownSentinels) {
    if (s == u) return true;
  }
  return false;
}

Value EncodeValue(PropertyValue const& v, EncodeOptions const& opts) {
  using K = PropertyValue::Kind;
  Value out;
  switch (v.kind()) {
    case K::kNull: out.set_null_value(google::protobuf::NULL_VALUE); break;
    case K::kBool: out.set_bool_value(v.AsBool()); break;
    case K::kNumber: out.set_number_value(v.AsNumber()); break;
    case K::kString:
      if (opts.keep_byte_strings && !IsValidUtf8(v.AsString())) {
        Struct s;
        (*s.mutable_fields())["value"] = StringValue(absl::Base64Escape(v.AsString()));
        out = SigObject(kByteStringSig, std::move(s));
      } else {
        out.set_string_value(v.AsString());
      }
      break;
    case K::kArray: {
      auto* list = out.mutable_list_value();
      for (auto const& e : v.AsArray()) *list->add_values() = EncodeValue(e, opts);
      break;
    }
    case K::kObject: *out.mutable_struct_value() = EncodeMap(v.AsObject(), opts); break;
    case K::kSecret: {
      Value inner = EncodeValue(v.SecretElement(), opts);
      if (!opts.keep_secrets) return inner;
      Struct s;
      (*s.mutable_fields())["value"] = std::move(inner);
      return SigObject(kSecretSig, std::move(s));
    }
    case K::kComputed: return StringValue(kUnknownStringValue);
    case K::kResourceReference: {
      auto const& r = v.AsResourceReference();
      if (!opts.keep_resources) {
        if (!r.id) return StringValue(r.urn);
        return StringValue(r.id->empty() ? kUnknownStringValue : std::string_view(*r.id));
      }
      Struct s;
      auto& f = *s.mutable_fields();
      f["urn"] = StringValue(r.urn);
      if (r.id) f["id"] = StringValue(r.id->empty() ? kUnknownStringValue : std::string_view(*r.id));
      if (!r.package_version.empty()) f["packageVersion"] = StringValue(r.package_version);
      return SigObject(kResourceReferenceSig, std::move(s));
    }
    case K::kOutput: {
      auto const& o = v.AsOutput();
      if (!opts.keep_output_values) {
        PropertyValue plain = o.value ? *o.value : PropertyValue::MakeComputed();
        return EncodeValue(o.secret ? PropertyValue::MakeSecret(plain) : plain, opts);
      }
      Struct s;
      auto& f = *s.mutable_fields();
      if (o.value) f["value"] = EncodeValue(*o.value, opts);
      if (o.secret) f["secret"].set_bool_value(true);
      if (!o.dependencies.empty()) {
        auto* list = f["dependencies"].mutable_list_value();
        for (auto const& d : o.dependencies) *list->add_values() = StringValue(d);
      }
      return SigObject(kOutputValueSig, std::move(s));
    }
    case K::kAsset: {
      Struct s;
      EncodeAssetFields(v.AsAsset(), s);
      return SigObject(kAssetSig, std::move(s));
    }
    case K::kArchive: {
      auto const& a = v.AsArchive();
      Struct s;
      auto& f = *s.mutable_fields();
      if (!a.hash.empty()) f["hash"] = StringValue(a.hash);
      switch (a.source) {
        case Archive::Source::kAssets: {
          auto* assets = f["assets"].mutable_struct_value();
          if (a.assets) {
            for (auto const& [k, e] : *a.assets) (*assets->mutable_fields())[k] = EncodeValue(e, opts);
          }
          break;
        }
        case Archive::Source::kPath: f["path"] = StringValue(a.value); break;
        case Archive::Source::kUri: f["uri"] = StringValue(a.value); break;
      }
      return SigObject(kArchiveSig, std::move(s));
    }
  }
  return out;
}

Struct EncodeMap(PropertyMap const& m, EncodeOptions const& opts) {
  Struct s;
  for (auto const& [k, v] : m) (*s.mutable_fields())[k] = EncodeValue(v, opts);
  return s;
}

absl::StatusOr<PropertyValue> DecodeValue(Value const& v) { return Decode(v, "", 0); }

absl::StatusOr<PropertyMap> DecodeMap(Struct const& s) {
  PropertyMap out;
  for (auto const& [k, e] : s.fields()) {
    auto d = Decode(e, k, 1);
    if (!d.ok()) return d.status();
    out.emplace(k, *std::move(d));
  }
  return out;
}

}  // namespace pulumi::internal
