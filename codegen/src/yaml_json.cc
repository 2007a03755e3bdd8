#include "yaml_json.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <regex>

namespace pulumi::codegen {
namespace {

using nlohmann::json;

json Scalar(YAML::Node const& node) {
  std::string const& s = node.Scalar();
  if (node.Tag() == "!") return s;  // quoted: always a string
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
  static std::regex const kInteger("[-+]?[0-9]+");
  static std::regex const kNumber(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (std::regex_match(s, kInteger)) {
    long long v = 0;
    auto [p, ec] = std::from_chars(s.data() + (s[0] == '+' ? 1 : 0), s.data() + s.size(), v);
    if (ec == std::errc() && p == s.data() + s.size()) return v;
  }
  if (std::regex_match(s, kNumber)) return std::stod(s);
  return s;
}

json Convert(YAML::Node const& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      json object = json::object();
      for (auto const& kv : node) object[kv.first.as<std::string>()] = Convert(kv.second);
      return object;
    }
    case YAML::NodeType::Sequence: {
      json array = json::array();
      for (auto const& e : node) array.push_back(Convert(e));
      return array;
    }
    case YAML::NodeType::Scalar: return Scalar(node);
    default: return nullptr;
  }
}

}  // namespace

bool LooksLikeYaml(std::string const& text) {
  auto first = text.find_first_not_of(" \t\r\n");
  return first != std::string::npos && text[first] != '{';
}

std::optional<json> YamlToJson(std::string const& text, std::string* error) {
  try {
    return Convert(YAML::Load(text));
  } catch (YAML::Exception const& e) {
    *error = "line " + std::to_string(e.mark.line + 1) + ", column " + std::to_string(e.mark.column + 1) + ": " + e.msg;
    return std::nullopt;
  }
}

}  // namespace pulumi::codegen
