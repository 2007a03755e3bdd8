// The gcp schema the simulator serves and checks against: the schema of the pinned gcp version (versions.env)
// that the typed bindings are generated from (codegen/schema/gcp-schema), read with codegen's schema model.
#ifndef GCPSIM_SRC_CATALOG_H
#define GCPSIM_SRC_CATALOG_H

#include "pulumi/codegen/schema.h"
#include "pulumi/property_value.h"

#include <absl/status/statusor.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pulumi::gcpsim {

/// $GCPSIM_SCHEMA, else the schema the build was configured with.
std::string DefaultSchemaPath();

class Catalog {
 public:
  /// Reads and resolves the schema at `path`; the error names the file and, for a bad schema, the JSON path.
  static absl::StatusOr<std::unique_ptr<Catalog const>> Load(std::string const& path);
  /// The same from text (tests).
  static absl::StatusOr<std::unique_ptr<Catalog const>> FromText(std::string text, std::string const& source);

  codegen::Package const& package() const { return package_; }
  std::string const& text() const { return text_; }
  codegen::Resource const* FindResource(std::string const& token) const { return package_.FindResource(token); }
  codegen::Function const* FindFunction(std::string const& token) const { return package_.FindFunction(token); }
  codegen::ObjectType const* FindObjectType(std::string const& token) const { return package_.FindObjectType(token); }
  codegen::EnumType const* FindEnumType(std::string const& token) const { return package_.FindEnumType(token); }

 private:
  Catalog(codegen::Package package, std::string text) : package_(std::move(package)), text_(std::move(text)) {}
  codegen::Package package_;
  std::string text_;
};

/// The values a string property takes when its description lists them, the way the gcp provider documents
/// its enums: "Possible values are: `BASIC`, `STANDARD_HA`." Empty when the description lists none.
std::vector<std::string> DocumentedValues(codegen::Property const& p);

/// The value Check fills in when the input is absent: the schema's `default`, else the one the description
/// states ("Default value is `BASIC`."), converted to the property's type.
std::optional<PropertyValue> DefaultValue(codegen::Property const& p);

}  // namespace pulumi::gcpsim

#endif  // GCPSIM_SRC_CATALOG_H
