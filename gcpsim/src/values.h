// Property values in and out of the simulator, all through the SDK's property codec: the wire (protobuf
// Struct), the database (the Struct's JSON), and what the operator types (JSON).
#ifndef GCPSIM_SRC_VALUES_H
#define GCPSIM_SRC_VALUES_H

#include "pulumi/property_value.h"

#include <google/protobuf/struct.pb.h>

#include <absl/status/statusor.h>

#include <string>

namespace pulumi::gcpsim {

/// Decodes a request's properties; a malformed value is an error naming its path.
absl::StatusOr<PropertyMap> FromWire(google::protobuf::Struct const& s);
/// Encodes properties for a response: secrets stay secret objects, unknowns the unknown sentinel.
google::protobuf::Struct ToWire(PropertyMap const& m);

/// The JSON the database keeps (secrets as secret objects); an error when protobuf cannot print it (a string
/// that is not UTF-8).
absl::StatusOr<std::string> ToJson(PropertyMap const& m);
absl::StatusOr<PropertyMap> FromJson(std::string const& json);
/// One value from JSON text; text that is not JSON is taken as a string (`set tier=STANDARD_HA`).
PropertyValue ValueFromText(std::string const& text);
/// A value for people: JSON with secrets shown as "[secret]" unless `reveal`.
std::string Show(PropertyValue const& v, bool reveal = false);

/// The value at a dotted path ("settings.tier"); nullptr when absent.
PropertyValue const* Lookup(PropertyMap const& m, std::string const& path);
/// The string at a key ("" when absent or not a string); secrets are looked through.
std::string StringAt(PropertyMap const& m, std::string const& path);

}  // namespace pulumi::gcpsim

#endif  // GCPSIM_SRC_VALUES_H
