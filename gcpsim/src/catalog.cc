#include "catalog.h"

#include "pulumi/codegen/schema_loader.h"

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

namespace pulumi::gcpsim {

std::string DefaultSchemaPath() {
  if (char const* env = std::getenv("GCPSIM_SCHEMA"); env && *env) return env;
  return GCPSIM_DEFAULT_SCHEMA;
}

absl::StatusOr<std::unique_ptr<Catalog const>> Catalog::Load(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        "the gcp schema " + path +
        " cannot be read: run codegen/schema/gcp-schema, or set GCPSIM_SCHEMA to a gcp " PULUMI_CPP_GCP_VERSION
        " schema");
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return FromText(ss.str(), path);
}

absl::StatusOr<std::unique_ptr<Catalog const>> Catalog::FromText(std::string text, std::string const& source) {
  auto result = codegen::Load(text, source);
  if (!result) {
    std::string message = "the gcp schema is not valid:";
    for (auto const& e : result.errors) message += "\n  " + e.ToString();
    return absl::InvalidArgumentError(message);
  }
  return std::unique_ptr<Catalog const>(new Catalog(std::move(*result.package), std::move(text)));
}

std::vector<std::string> DocumentedValues(codegen::Property const& p) {
  static std::regex const kList(R"(Possible values are: ((?:`[^`]*`(?:, )?)+)\.)");
  static std::regex const kItem("`([^`]*)`");
  std::smatch m;
  if (!std::regex_search(p.description, m, kList)) return {};
  std::vector<std::string> out;
  std::string list = m[1].str();
  for (std::sregex_iterator it(list.begin(), list.end(), kItem), end; it != end; ++it) out.push_back((*it)[1].str());
  return out;
}

std::optional<PropertyValue> DefaultValue(codegen::Property const& p) {
  using codegen::TypeKind;
  nlohmann::json value = p.default_value;
  if (value.is_null()) {
    static std::regex const kDefault("Default value is `([^`]*)`\\.");
    std::smatch m;
    if (!std::regex_search(p.description, m, kDefault)) return std::nullopt;
    value = m[1].str();
  }
  std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  switch (p.type.kind) {
    case TypeKind::kString:
    case TypeKind::kEnum: return PropertyValue(text);
    case TypeKind::kBoolean:
      if (text == "true" || text == "false") return PropertyValue(text == "true");
      return std::nullopt;
    case TypeKind::kInteger:
    case TypeKind::kNumber:
      try {
        std::size_t used = 0;
        double d = std::stod(text, &used);
        if (used != text.size()) return std::nullopt;
        return PropertyValue(d);
      } catch (std::exception const&) {
        return std::nullopt;
      }
    default: return std::nullopt;
  }
}

}  // namespace pulumi::gcpsim
