#include "pulumi/property_value.h"

#include "internal/property_walk.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace pulumi {
namespace {

template <typename T>
T const& Expect(auto const& v, char const* what) {
  if (auto const* p = std::get_if<T>(&v)) return *p;
  throw std::logic_error(std::string("PropertyValue is not ") + what);
}

void AppendQuoted(std::ostringstream& os, std::string const& s) {
  os << '"';
  for (char c : s) {
    switch (c) {
      case '"': os << "\\\""; break;
      case '\\': os << "\\\\"; break;
      case '\n': os << "\\n"; break;
      case '\t': os << "\\t"; break;
      default: os << c;
    }
  }
  os << '"';
}

void Render(std::ostringstream& os, PropertyValue const& v) {
  using K = PropertyValue::Kind;
  switch (v.kind()) {
    case K::kNull: os << "null"; break;
    case K::kBool: os << (v.AsBool() ? "true" : "false"); break;
    case K::kNumber: {
      double n = v.AsNumber();
      if (std::isfinite(n) && n == std::trunc(n) && std::fabs(n) < 1e15) {
        os << static_cast<long long>(n);
      } else {
        os << n;
      }
      break;
    }
    case K::kString: AppendQuoted(os, v.AsString()); break;
    case K::kArray: {
      os << '[';
      bool first = true;
      for (auto const& e : v.AsArray()) {
        if (!first) os << ',';
        first = false;
        Render(os, e);
      }
      os << ']';
      break;
    }
    case K::kObject: {
      os << '{';
      bool first = true;
      for (auto const& [k, e] : v.AsObject()) {
        if (!first) os << ',';
        first = false;
        AppendQuoted(os, k);
        os << ':';
        Render(os, e);
      }
      os << '}';
      break;
    }
    case K::kSecret: os << "[secret]"; break;
    case K::kComputed: os << "[unknown]"; break;
    case K::kResourceReference: os << "[resource " << v.AsResourceReference().urn << "]"; break;
    case K::kOutput: {
      auto const& o = v.AsOutput();
      if (o.secret) {
        os << "[secret]";
      } else if (!o.value) {
        os << "[unknown]";
      } else {
        Render(os, *o.value);
      }
      break;
    }
    case K::kAsset: os << "[asset]"; break;
    case K::kArchive: os << "[archive]"; break;
  }
}

}  // namespace

bool Archive::operator==(Archive const& other) const {
  if (source != other.source || value != other.value || hash != other.hash) return false;
  // No assets map and an empty one are the same archive (the wire form of both is an empty map).
  if (!assets || !other.assets) return (!assets || assets->empty()) && (!other.assets || other.assets->empty());
  return *assets == *other.assets;
}

bool OutputValue::operator==(OutputValue const& other) const {
  if (secret != other.secret || dependencies != other.dependencies) return false;
  if (!value || !other.value) return value == other.value;
  return *value == *other.value;
}

PropertyValue::PropertyValue(PropertyArray a) : v_(std::make_shared<PropertyArray const>(std::move(a))) {}
PropertyValue::PropertyValue(PropertyMap m) : v_(std::make_shared<PropertyMap const>(std::move(m))) {}

PropertyValue PropertyValue::MakeSecret(PropertyValue inner) {
  if (inner.is_secret()) return inner;
  PropertyValue v;
  v.v_ = SecretBox{std::make_shared<PropertyValue const>(std::move(inner))};
  return v;
}

bool PropertyValue::AsBool() const { return Expect<bool>(v_, "a bool"); }
double PropertyValue::AsNumber() const { return Expect<double>(v_, "a number"); }
std::string const& PropertyValue::AsString() const { return Expect<std::string>(v_, "a string"); }
PropertyArray const& PropertyValue::AsArray() const {
  return *Expect<std::shared_ptr<PropertyArray const>>(v_, "an array");
}
PropertyMap const& PropertyValue::AsObject() const {
  return *Expect<std::shared_ptr<PropertyMap const>>(v_, "an object");
}
PropertyValue const& PropertyValue::SecretElement() const { return *Expect<SecretBox>(v_, "a secret").inner; }
ResourceReference const& PropertyValue::AsResourceReference() const {
  return Expect<ResourceReference>(v_, "a resource reference");
}
OutputValue const& PropertyValue::AsOutput() const { return Expect<OutputValue>(v_, "an output value"); }
Asset const& PropertyValue::AsAsset() const { return Expect<Asset>(v_, "an asset"); }
Archive const& PropertyValue::AsArchive() const { return Expect<Archive>(v_, "an archive"); }

bool PropertyValue::ContainsSecrets() const {
  return internal::AnyValue(
      *this, [](PropertyValue const& v) { return v.is_secret() || (v.is_output() && v.AsOutput().secret); });
}

bool PropertyValue::ContainsUnknowns() const {
  return internal::AnyValue(
      *this, [](PropertyValue const& v) { return v.is_computed() || (v.is_output() && !v.AsOutput().value); });
}

PropertyValue PropertyValue::WithoutSecrets() const {
  return internal::Transform(*this, [](PropertyValue v) -> PropertyValue {
    if (v.is_secret()) return v.SecretElement();
    if (!v.is_output()) return v;
    OutputValue o = v.AsOutput();
    o.secret = false;
    return o;
  });
}

std::string PropertyValue::ToString() const {
  std::ostringstream os;
  Render(os, *this);
  return os.str();
}

bool PropertyValue::operator==(PropertyValue const& other) const {
  if (kind() != other.kind()) return false;
  switch (kind()) {
    case Kind::kArray: return AsArray() == other.AsArray();
    case Kind::kObject: return AsObject() == other.AsObject();
    case Kind::kSecret: return SecretElement() == other.SecretElement();
    case Kind::kNull: return true;
    case Kind::kBool: return AsBool() == other.AsBool();
    case Kind::kNumber: return AsNumber() == other.AsNumber();
    case Kind::kString: return AsString() == other.AsString();
    case Kind::kComputed: return true;
    case Kind::kResourceReference: return AsResourceReference() == other.AsResourceReference();
    case Kind::kOutput: return AsOutput() == other.AsOutput();
    case Kind::kAsset: return AsAsset() == other.AsAsset();
    case Kind::kArchive: return AsArchive() == other.AsArchive();
  }
  return false;
}

Asset FileAsset(std::string path) { return Asset{Asset::Source::kPath, std::move(path), ""}; }
Asset StringAsset(std::string text) { return Asset{Asset::Source::kText, std::move(text), ""}; }
Asset RemoteAsset(std::string uri) { return Asset{Asset::Source::kUri, std::move(uri), ""}; }
Archive FileArchive(std::string path) { return Archive{Archive::Source::kPath, std::move(path), nullptr, ""}; }
Archive RemoteArchive(std::string uri) { return Archive{Archive::Source::kUri, std::move(uri), nullptr, ""}; }
Archive AssetArchive(PropertyMap assets) {
  return Archive{Archive::Source::kAssets, "", std::make_shared<PropertyMap const>(std::move(assets)), ""};
}

void PrintTo(PropertyValue const& value, std::ostream* os) { *os << value.ToString(); }

}  // namespace pulumi
