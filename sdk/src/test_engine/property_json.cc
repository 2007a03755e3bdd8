#include "test_engine/property_json.h"

#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace pulumi::test_engine {
namespace {

using nlohmann::json;

json Number(double d) {
  if (std::trunc(d) == d && std::fabs(d) < 9.0e15) return static_cast<std::int64_t>(d);
  return d;
}

char const* SourceKey(Asset::Source s) {
  return s == Asset::Source::kText ? "text" : s == Asset::Source::kPath ? "path" : "uri";
}

json AssetJson(Asset const& a) {
  json j{{SourceKey(a.source), a.value}};
  if (!a.hash.empty()) j["hash"] = a.hash;
  return j;
}

json ArchiveJson(Archive const& a) {
  json j;
  if (a.source == Archive::Source::kAssets) {
    j["assets"] = ToJson(a.assets ? *a.assets : PropertyMap{});
  } else {
    j[a.source == Archive::Source::kPath ? "path" : "uri"] = a.value;
  }
  if (!a.hash.empty()) j["hash"] = a.hash;
  return j;
}

}  // namespace

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
    case PropertyValue::Kind::kArchive: return {{"$archive", ArchiveJson(v.AsArchive())}};
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
      PropertyArray a;
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
          ResourceReference r{.urn = inner.value("urn", ""), .package_version = inner.value("packageVersion", "")};
          if (inner.contains("id")) r.id = inner["id"].get<std::string>();
          return r;
        }
        throw std::runtime_error("unsupported special value " + key);
      }
      PropertyMap m;
      for (auto it = j.begin(); it != j.end(); ++it) m[it.key()] = FromJson(it.value());
      return m;
    }
    default: throw std::runtime_error("unsupported JSON value");
  }
}

}  // namespace pulumi::test_engine
