#include "wire.h"

#include <array>
#include <cmath>
#include <stdexcept>
#include <string_view>

namespace apex::peer {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;
using pulumi::PropertyMap;
using pulumi::PropertyValue;
using nlohmann::json;

// The signature key and values, and the unknown sentinels, of Pulumi's property protocol.
constexpr std::string_view kSigKey = "4dabf18193072939515e22adb298388d";
constexpr std::string_view kSecretSig = "1b47061264138c4ac30d75fd1eb44270";
constexpr std::string_view kResourceSig = "5cf8f73096256a8f31e491e813e4eb8e";
constexpr std::string_view kOutputSig = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
constexpr std::string_view kAssetSig = "c44067f5952c0a294b673a41bacd8c17";
constexpr std::string_view kArchiveSig = "0def7320c3a5731c473e5ecbe6d01bc7";
constexpr std::string_view kUnknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
constexpr std::array<std::string_view, 7> kUnknownSentinels = {
    kUnknown, "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a", "dd056dcd-154b-4c76-9bd3-c8f88648b5ff"};

Value Str(std::string_view s) {
  Value v;
  v.set_string_value(std::string(s));
  return v;
}

std::string Field(Struct const& s, char const* key) {
  auto it = s.fields().find(key);
  return it != s.fields().end() && it->second.kind_case() == Value::kStringValue ? it->second.string_value() : "";
}

PropertyValue Decode(Value const& v, std::string const& path);

pulumi::Asset DecodeAsset(Struct const& s, std::string const& path) {
  pulumi::Asset a{.hash = Field(s, "hash")};
  if (s.fields().contains("text")) {
    a = {pulumi::Asset::Source::kText, Field(s, "text"), a.hash};
  } else if (s.fields().contains("path")) {
    a = {pulumi::Asset::Source::kPath, Field(s, "path"), a.hash};
  } else if (s.fields().contains("uri")) {
    a = {pulumi::Asset::Source::kUri, Field(s, "uri"), a.hash};
  } else {
    throw std::runtime_error(path + ": asset without text, path or uri");
  }
  return a;
}

PropertyValue DecodeSignature(Struct const& s, std::string_view sig, std::string const& path) {
  auto const& f = s.fields();
  if (sig == kSecretSig) {
    auto it = f.find("value");
    return PropertyValue::MakeSecret(it == f.end() ? PropertyValue() : Decode(it->second, path));
  }
  if (sig == kResourceSig) {
    pulumi::ResourceReference r{.urn = Field(s, "urn"), .package_version = Field(s, "packageVersion")};
    if (f.contains("id")) r.id = Field(s, "id");
    return r;
  }
  if (sig == kOutputSig) {
    pulumi::OutputValue o;
    if (auto it = f.find("value"); it != f.end()) {
      o.value = std::make_shared<PropertyValue const>(Decode(it->second, path));
    }
    if (auto it = f.find("secret"); it != f.end()) o.secret = it->second.bool_value();
    if (auto it = f.find("dependencies"); it != f.end()) {
      for (auto const& d : it->second.list_value().values()) o.dependencies.push_back(d.string_value());
    }
    return o;
  }
  if (sig == kAssetSig) return DecodeAsset(s, path);
  if (sig == kArchiveSig) {
    pulumi::Archive a{.hash = Field(s, "hash")};
    if (auto it = f.find("assets"); it != f.end()) {
      a.source = pulumi::Archive::Source::kAssets;
      a.assets = std::make_shared<PropertyMap const>(FromWire(it->second.struct_value()));
    } else if (f.contains("path")) {
      a.source = pulumi::Archive::Source::kPath;
      a.value = Field(s, "path");
    } else {
      a.source = pulumi::Archive::Source::kUri;
      a.value = Field(s, "uri");
    }
    return a;
  }
  throw std::runtime_error(path + ": unknown signature " + std::string(sig));
}

PropertyValue Decode(Value const& v, std::string const& path) {
  switch (v.kind_case()) {
    case Value::kNullValue:
    case Value::KIND_NOT_SET: return nullptr;
    case Value::kBoolValue: return v.bool_value();
    case Value::kNumberValue: return v.number_value();
    case Value::kStringValue:
      for (auto s : kUnknownSentinels) {
        if (v.string_value() == s) return PropertyValue::MakeComputed();
      }
      return v.string_value();
    case Value::kListValue: {
      pulumi::PropertyArray a;
      int i = 0;
      for (auto const& e : v.list_value().values()) a.push_back(Decode(e, path + "[" + std::to_string(i++) + "]"));
      return a;
    }
    case Value::kStructValue: {
      auto const& s = v.struct_value();
      if (auto it = s.fields().find(std::string(kSigKey)); it != s.fields().end()) {
        return DecodeSignature(s, it->second.string_value(), path);
      }
      PropertyMap m;
      for (auto const& [k, e] : s.fields()) m[k] = Decode(e, path + "." + k);
      return m;
    }
  }
  return nullptr;
}

Value SigObject(std::string_view sig, Struct fields) {
  (*fields.mutable_fields())[std::string(kSigKey)] = Str(sig);
  Value v;
  *v.mutable_struct_value() = std::move(fields);
  return v;
}

void AssetFields(pulumi::Asset const& a, Struct& s) {
  auto& f = *s.mutable_fields();
  if (!a.hash.empty()) f["hash"] = Str(a.hash);
  char const* key = a.source == pulumi::Asset::Source::kText ? "text"
                    : a.source == pulumi::Asset::Source::kPath ? "path"
                                                               : "uri";
  f[key] = Str(a.value);
}

json AssetJson(pulumi::Asset const& a) {
  json j;
  j[a.source == pulumi::Asset::Source::kText ? "text" : a.source == pulumi::Asset::Source::kPath ? "path" : "uri"] =
      a.value;
  if (!a.hash.empty()) j["hash"] = a.hash;
  return j;
}

json Number(double d) {
  if (std::trunc(d) == d && std::fabs(d) < 9.0e15) return static_cast<std::int64_t>(d);
  return d;
}

}  // namespace

PropertyValue FromWire(Value const& v) { return Decode(v, "<root>"); }

PropertyMap FromWire(Struct const& s) {
  PropertyMap m;
  for (auto const& [k, v] : s.fields()) m[k] = Decode(v, k);
  return m;
}

Value ToWire(PropertyValue const& v) {
  Value out;
  switch (v.kind()) {
    case PropertyValue::Kind::kNull: out.set_null_value(google::protobuf::NULL_VALUE); break;
    case PropertyValue::Kind::kBool: out.set_bool_value(v.AsBool()); break;
    case PropertyValue::Kind::kNumber: out.set_number_value(v.AsNumber()); break;
    case PropertyValue::Kind::kString: out.set_string_value(v.AsString()); break;
    case PropertyValue::Kind::kArray: {
      auto* list = out.mutable_list_value();
      for (auto const& e : v.AsArray()) *list->add_values() = ToWire(e);
      break;
    }
    case PropertyValue::Kind::kObject: *out.mutable_struct_value() = ToWire(v.AsObject()); break;
    case PropertyValue::Kind::kSecret: {
      Struct s;
      (*s.mutable_fields())["value"] = ToWire(v.SecretElement());
      return SigObject(kSecretSig, std::move(s));
    }
    case PropertyValue::Kind::kComputed: out.set_string_value(std::string(kUnknown)); break;
    case PropertyValue::Kind::kResourceReference: {
      auto const& r = v.AsResourceReference();
      Struct s;
      (*s.mutable_fields())["urn"] = Str(r.urn);
      if (r.id) (*s.mutable_fields())["id"] = r.id->empty() ? Str(kUnknown) : Str(*r.id);
      if (!r.package_version.empty()) (*s.mutable_fields())["packageVersion"] = Str(r.package_version);
      return SigObject(kResourceSig, std::move(s));
    }
    case PropertyValue::Kind::kOutput: {
      auto const& o = v.AsOutput();
      Struct s;
      auto& f = *s.mutable_fields();
      if (o.value) f["value"] = ToWire(*o.value);
      if (o.secret) f["secret"].set_bool_value(true);
      if (!o.dependencies.empty()) {
        auto* list = f["dependencies"].mutable_list_value();
        for (auto const& d : o.dependencies) *list->add_values() = Str(d);
      }
      return SigObject(kOutputSig, std::move(s));
    }
    case PropertyValue::Kind::kAsset: {
      Struct s;
      AssetFields(v.AsAsset(), s);
      return SigObject(kAssetSig, std::move(s));
    }
    case PropertyValue::Kind::kArchive: {
      auto const& a = v.AsArchive();
      Struct s;
      auto& f = *s.mutable_fields();
      if (!a.hash.empty()) f["hash"] = Str(a.hash);
      if (a.source == pulumi::Archive::Source::kAssets) {
        *f["assets"].mutable_struct_value() = ToWire(a.assets ? *a.assets : PropertyMap{});
      } else {
        f[a.source == pulumi::Archive::Source::kPath ? "path" : "uri"] = Str(a.value);
      }
      return SigObject(kArchiveSig, std::move(s));
    }
  }
  return out;
}

Struct ToWire(PropertyMap const& m) {
  Struct s;
  for (auto const& [k, v] : m) (*s.mutable_fields())[k] = ToWire(v);
  return s;
}

json ToJson(PropertyValue const& v) {
  switch (v.kind()) {
    case PropertyValue::Kind::kNull: return nullptr;
    case PropertyValue::Kind::kBool: return v.AsBool();
    case PropertyValue::Kind::kNumber: return Number(v.AsNumber());
    case PropertyValue::Kind::kString: return v.AsString();
    case PropertyValue::Kind::kArray: {
      json a = json::array();
      for (auto const& e : v.AsArray()) a.push_back(ToJson(e));
      return a;
    }
    case PropertyValue::Kind::kObject: return ToJson(v.AsObject());
    case PropertyValue::Kind::kSecret: return {{"$secret", ToJson(v.SecretElement())}};
    case PropertyValue::Kind::kComputed: return {{"$unknown", true}};
    case PropertyValue::Kind::kResourceReference: {
      auto const& r = v.AsResourceReference();
      json j{{"urn", r.urn}};
      if (r.id) j["id"] = *r.id;
      if (!r.package_version.empty()) j["packageVersion"] = r.package_version;
      return {{"$resource", j}};
    }
    case PropertyValue::Kind::kOutput: {
      auto const& o = v.AsOutput();
      json j{{"secret", o.secret}, {"dependencies", o.dependencies}};
      if (o.value) j["value"] = ToJson(*o.value);
      return {{"$output", j}};
    }
    case PropertyValue::Kind::kAsset: return {{"$asset", AssetJson(v.AsAsset())}};
    case PropertyValue::Kind::kArchive: {
      auto const& a = v.AsArchive();
      json j;
      if (a.source == pulumi::Archive::Source::kAssets) {
        j["assets"] = ToJson(a.assets ? *a.assets : PropertyMap{});
      } else {
        j[a.source == pulumi::Archive::Source::kPath ? "path" : "uri"] = a.value;
      }
      if (!a.hash.empty()) j["hash"] = a.hash;
      return {{"$archive", j}};
    }
  }
  return nullptr;
}

json ToJson(PropertyMap const& m) {
  json j = json::object();
  for (auto const& [k, v] : m) j[k] = ToJson(v);
  return j;
}

PropertyValue FromJson(json const& j) {
  switch (j.type()) {
    case json::value_t::null: return nullptr;
    case json::value_t::boolean: return j.get<bool>();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return j.get<double>();
    case json::value_t::string: return j.get<std::string>();
    case json::value_t::array: {
      pulumi::PropertyArray a;
      for (auto const& e : j) a.push_back(FromJson(e));
      return a;
    }
    case json::value_t::object: {
      if (j.size() == 1 && j.begin().key().starts_with("$")) {
        auto const& key = j.begin().key();
        auto const& inner = j.begin().value();
        if (key == "$secret") return PropertyValue::MakeSecret(FromJson(inner));
        if (key == "$unknown") return PropertyValue::MakeComputed();
        if (key == "$resource") {
          pulumi::ResourceReference r{.urn = inner.value("urn", ""),
                                      .package_version = inner.value("packageVersion", "")};
          if (inner.contains("id")) r.id = inner["id"].get<std::string>();
          return r;
        }
        throw std::runtime_error("unsupported special value " + key + " in a stack references file");
      }
      PropertyMap m;
      for (auto it = j.begin(); it != j.end(); ++it) m[it.key()] = FromJson(it.value());
      return m;
    }
    default: throw std::runtime_error("unsupported JSON value in a stack references file");
  }
}

}  // namespace apex::peer
