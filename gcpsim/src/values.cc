#include "values.h"

#include "internal/property_codec.h"

#include <google/protobuf/util/json_util.h>
#include <nlohmann/json.hpp>

namespace pulumi::gcpsim {
namespace {

nlohmann::json ToPlainJson(PropertyValue const& v, bool reveal) {
  switch (v.kind()) {
    case PropertyValue::Kind::kNull: return nullptr;
    case PropertyValue::Kind::kBool: return v.AsBool();
    case PropertyValue::Kind::kNumber: return v.AsNumber();
    case PropertyValue::Kind::kString: return v.AsString();
    case PropertyValue::Kind::kArray: {
      auto out = nlohmann::json::array();
      for (auto const& e : v.AsArray()) out.push_back(ToPlainJson(e, reveal));
      return out;
    }
    case PropertyValue::Kind::kObject: {
      auto out = nlohmann::json::object();
      for (auto const& [k, e] : v.AsObject()) out[k] = ToPlainJson(e, reveal);
      return out;
    }
    case PropertyValue::Kind::kSecret: return reveal ? ToPlainJson(v.SecretElement(), reveal) : "[secret]";
    case PropertyValue::Kind::kComputed: return "[unknown]";
    default: return v.ToString();
  }
}

}  // namespace

absl::StatusOr<PropertyMap> FromWire(google::protobuf::Struct const& s) { return internal::DecodeMap(s); }

google::protobuf::Struct ToWire(PropertyMap const& m) { return internal::EncodeMap(m); }

absl::StatusOr<std::string> ToJson(PropertyMap const& m) {
  std::string out;
  auto s = google::protobuf::util::MessageToJsonString(internal::EncodeMap(m), &out);
  if (!s.ok()) return absl::InvalidArgumentError("a value cannot be stored: " + s.ToString());
  return out;
}

absl::StatusOr<PropertyMap> FromJson(std::string const& json) {
  google::protobuf::Struct s;
  auto status = google::protobuf::util::JsonStringToMessage(json, &s);
  if (!status.ok()) return absl::DataLossError("not a JSON object: " + status.ToString());
  return internal::DecodeMap(s);
}

PropertyValue ValueFromText(std::string const& text) {
  google::protobuf::Value v;
  if (google::protobuf::util::JsonStringToMessage(text, &v).ok()) {
    auto decoded = internal::DecodeValue(v);
    if (decoded.ok()) return *std::move(decoded);
  }
  return PropertyValue(text);
}

std::string Show(PropertyValue const& v, bool reveal) { return ToPlainJson(v, reveal).dump(); }

PropertyValue const* Lookup(PropertyMap const& m, std::string const& path) {
  PropertyMap const* at = &m;
  std::size_t start = 0;
  for (;;) {
    auto dot = path.find('.', start);
    auto key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    auto it = at->find(key);
    if (it == at->end()) return nullptr;
    PropertyValue const* v = &it->second;
    while (v->is_secret()) v = &v->SecretElement();
    if (dot == std::string::npos) return v->is_null() ? nullptr : v;
    if (!v->is_object()) return nullptr;
    at = &v->AsObject();
    start = dot + 1;
  }
}

std::string StringAt(PropertyMap const& m, std::string const& path) {
  auto const* v = Lookup(m, path);
  return v && v->is_string() ? v->AsString() : "";
}

}  // namespace pulumi::gcpsim
