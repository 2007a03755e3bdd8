// PropertyValue: the SDK's own model of a Pulumi property value.
//
// Everything that crosses the wire to or from the engine is a PropertyValue: plain JSON-like values plus
// the special kinds of the Pulumi protocol (secrets, unknowns, resource references, output values, assets
// and archives). Recursive kinds are held through immutable shared pointers, so copies are cheap.
//
//   pulumi::PropertyMap inputs{{"name", "db"}, {"size", 10}, {"labels", pulumi::PropertyMap{{"env", "dev"}}}};
//   pulumi::PropertyValue password = pulumi::PropertyValue::MakeSecret("hunter2");
#ifndef PULUMI_PROPERTY_VALUE_H
#define PULUMI_PROPERTY_VALUE_H

#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace pulumi {

class PropertyValue;
using PropertyMap = std::map<std::string, PropertyValue>;
using PropertyArray = std::vector<PropertyValue>;

/// A reference to a resource, as sent by engines that support `resourceReferences`.
struct ResourceReference {
  std::string urn{};
  /// Absent for component resources; "" when the id is not yet known.
  std::optional<std::string> id{};
  std::string package_version{};
  bool operator==(ResourceReference const&) const = default;
};

/// An asset: exactly one of text, path or uri is set.
struct Asset {
  enum class Source { kText, kPath, kUri };
  Source source = Source::kText;
  std::string value{};
  std::string hash{};
  bool operator==(Asset const&) const = default;
};

/// An archive: a map of assets/archives, or a path or uri.
struct Archive {
  enum class Source { kAssets, kPath, kUri };
  Source source = Source::kAssets;
  std::string value{};                          // path or uri
  std::shared_ptr<PropertyMap const> assets{};  // for kAssets
  std::string hash{};
  bool operator==(Archive const& other) const;
};

/// A first-class output value: known or not, secret or not, with the URNs it depends on.
struct OutputValue {
  std::shared_ptr<PropertyValue const> value{};  // null when unknown
  bool secret = false;
  std::vector<std::string> dependencies{};
  bool operator==(OutputValue const& other) const;
};

/// The computed ("unknown") value of a preview.
struct Computed {
  bool operator==(Computed const&) const = default;
};

class PropertyValue {
 public:
  enum class Kind {
    kNull,
    kBool,
    kNumber,
    kString,
    kArray,
    kObject,
    kSecret,
    kComputed,
    kResourceReference,
    kOutput,
    kAsset,
    kArchive
  };

  PropertyValue() = default;
  // Implicit conversions make literal maps readable; they are the point of this type.
  PropertyValue(std::nullptr_t) {}                               // NOLINT(google-explicit-constructor)
  PropertyValue(bool b) : v_(b) {}                               // NOLINT(google-explicit-constructor)
  PropertyValue(double n) : v_(n) {}                             // NOLINT(google-explicit-constructor)
  PropertyValue(int n) : v_(static_cast<double>(n)) {}           // NOLINT(google-explicit-constructor)
  PropertyValue(std::int64_t n) : v_(static_cast<double>(n)) {}  // NOLINT(google-explicit-constructor)
  PropertyValue(std::string s) : v_(std::move(s)) {}             // NOLINT(google-explicit-constructor)
  PropertyValue(char const* s) : v_(std::string(s)) {}           // NOLINT(google-explicit-constructor)
  PropertyValue(PropertyArray a);                                // NOLINT(google-explicit-constructor)
  PropertyValue(PropertyMap m);                                  // NOLINT(google-explicit-constructor)
  PropertyValue(ResourceReference r) : v_(std::move(r)) {}       // NOLINT(google-explicit-constructor)
  PropertyValue(Asset a) : v_(std::move(a)) {}                   // NOLINT(google-explicit-constructor)
  PropertyValue(Archive a) : v_(std::move(a)) {}                 // NOLINT(google-explicit-constructor)
  PropertyValue(OutputValue o) : v_(std::move(o)) {}             // NOLINT(google-explicit-constructor)
  PropertyValue(Computed c) : v_(c) {}                           // NOLINT(google-explicit-constructor)

  static PropertyValue MakeSecret(PropertyValue inner);
  static PropertyValue MakeComputed() { return PropertyValue(Computed{}); }

  Kind kind() const { return static_cast<Kind>(v_.index()); }
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_bool() const { return kind() == Kind::kBool; }
  bool is_number() const { return kind() == Kind::kNumber; }
  bool is_string() const { return kind() == Kind::kString; }
  bool is_array() const { return kind() == Kind::kArray; }
  bool is_object() const { return kind() == Kind::kObject; }
  bool is_secret() const { return kind() == Kind::kSecret; }
  bool is_computed() const { return kind() == Kind::kComputed; }
  bool is_resource_reference() const { return kind() == Kind::kResourceReference; }
  bool is_output() const { return kind() == Kind::kOutput; }
  bool is_asset() const { return kind() == Kind::kAsset; }
  bool is_archive() const { return kind() == Kind::kArchive; }

  // Accessors check the kind and throw std::logic_error on a mismatch.
  bool AsBool() const;
  double AsNumber() const;
  std::string const& AsString() const;
  PropertyArray const& AsArray() const;
  PropertyMap const& AsObject() const;
  /// The value inside a secret.
  PropertyValue const& SecretElement() const;
  ResourceReference const& AsResourceReference() const;
  OutputValue const& AsOutput() const;
  Asset const& AsAsset() const;
  Archive const& AsArchive() const;

  /// True when this value or any value inside it is a secret (or a secret output value).
  bool ContainsSecrets() const;
  /// True when this value or any value inside it is unknown.
  bool ContainsUnknowns() const;
  /// The value with every secret wrapper removed (recursively).
  PropertyValue WithoutSecrets() const;

  /// A JSON-like rendering for diagnostics. Secrets print as "[secret]", never their value.
  std::string ToString() const;

  bool operator==(PropertyValue const& other) const;

 private:
  struct SecretBox {
    std::shared_ptr<PropertyValue const> inner;
  };
  std::variant<std::monostate, bool, double, std::string, std::shared_ptr<PropertyArray const>,
               std::shared_ptr<PropertyMap const>, SecretBox, Computed, ResourceReference, OutputValue, Asset, Archive>
      v_;
};

/// Assets and archives, as in Pulumi's other SDKs. Typed, so they fill the Asset and Archive inputs of
/// generated resources; each converts to a PropertyValue where any value goes.
Asset FileAsset(std::string path);
Asset StringAsset(std::string text);
Asset RemoteAsset(std::string uri);
Archive FileArchive(std::string path);
Archive RemoteArchive(std::string uri);
Archive AssetArchive(PropertyMap assets);

/// GoogleTest's printer (found by argument-dependent lookup): ToString(), so secrets stay hidden.
void PrintTo(PropertyValue const& value, std::ostream* os);

}  // namespace pulumi

#endif  // PULUMI_PROPERTY_VALUE_H
