#include "internal/urn.h"

namespace pulumi::internal {
namespace {
constexpr char kStackType[] = "pulumi:pulumi:Stack";
constexpr char kPrefix[] = "urn:pulumi:";
}  // namespace

std::string UrnParts::type() const {
  auto dollar = qualified_type.rfind('$');
  return dollar == std::string::npos ? qualified_type : qualified_type.substr(dollar + 1);
}

std::optional<UrnParts> ParseUrn(std::string const& urn) {
  if (urn.rfind(kPrefix, 0) != 0) return std::nullopt;
  std::size_t pos = sizeof(kPrefix) - 1;
  UrnParts parts;
  std::string* fields[] = {&parts.stack, &parts.project, &parts.qualified_type};
  for (auto* field : fields) {
    auto sep = urn.find("::", pos);
    if (sep == std::string::npos) return std::nullopt;
    *field = urn.substr(pos, sep - pos);
    pos = sep + 2;
  }
  parts.name = urn.substr(pos);  // names may contain "::"
  return parts;
}

std::string MakeUrn(std::string const& stack, std::string const& project, std::string const& parent_urn,
                    std::string const& type, std::string const& name) {
  std::string qualified = type;
  if (auto parent = ParseUrn(parent_urn); parent && parent->qualified_type != kStackType) {
    qualified = parent->qualified_type + "$" + type;
  }
  return kPrefix + stack + "::" + project + "::" + qualified + "::" + name;
}

}  // namespace pulumi::internal
