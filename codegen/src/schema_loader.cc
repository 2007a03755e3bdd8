// Loading works in two passes over the JSON document: the first records the kind (object, enum) of every
// type token and every resource token, so that the second, which builds the model, can resolve each `$ref`
// in one step whatever the order of definitions. Errors are collected, not thrown, so one run reports
// every problem of a schema (up to LoadResult::kMaxErrors).
#include "pulumi/codegen/schema_loader.h"

#include "yaml_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <deque>
#include <map>
#include <regex>
#include <set>
#include <utility>

namespace pulumi::codegen {
namespace {

using json = nlohmann::json;

bool IsIdentifierKey(std::string const& key) {
  if (key.empty()) return false;
  if (std::isdigit(static_cast<unsigned char>(key[0]))) return false;
  return std::all_of(key.begin(), key.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; });
}

/// "%2F" -> "/": `$ref`s may percent-encode the '/' of a token.
std::string PercentDecode(std::string const& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string Quote(std::string const& s) { return json(s).dump(); }

template <typename T>
void SortByToken(std::vector<T>& v) {
  std::sort(v.begin(), v.end(), [](T const& a, T const& b) { return a.token < b.token; });
}

template <typename T>
T const* FindByToken(std::vector<T> const& v, std::string const& token) {
  auto it = std::lower_bound(v.begin(), v.end(), token, [](T const& a, std::string const& t) { return a.token < t; });
  return it != v.end() && it->token == token ? &*it : nullptr;
}

class Loader {
 public:
  explicit Loader(std::string source) : source_(std::move(source)) {}

  LoadResult Run(std::string const& text);

 private:
  void Error(std::string path, std::string message) {
    if (errors_.size() < LoadResult::kMaxErrors) errors_.push_back({source_, std::move(path), std::move(message)});
  }

  // Typed field access: absent is fine (returns false, leaves `out`); present with the wrong type is an error.
  bool GetString(json const& obj, char const* key, std::string const& path, std::string& out);
  bool GetBool(json const& obj, char const* key, std::string const& path, bool& out);
  bool CheckObject(json const& j, std::string const& path);

  /// Checks a definition's token; on success returns its module.
  std::optional<std::string> CheckToken(std::string const& token, std::string const& path);

  void CollectDefinitions(json const& root);
  std::optional<TypeRef> ParseTypeSpec(json const& j, std::string const& path);
  bool ResolveRef(std::string const& ref, std::string const& path, TypeRef& t);
  std::optional<Property> ParseProperty(json const& j, std::string const& name, std::string const& path);
  /// `obj[props_key]` as properties, with `obj[required_key]` (if any) marking the required ones; the names
  /// in the required list are returned in `required_names`.
  std::vector<Property> ParseProperties(json const& obj, char const* props_key, char const* required_key,
                                        std::string const& path, std::vector<std::string>* required_names = nullptr);
  void ParseType(std::string const& token, json const& spec, std::string const& path, Package& pkg);
  std::optional<Resource> ParseResource(std::string const& token, json const& spec, std::string const& path,
                                        std::string const& module);
  void ParseFunction(std::string const& token, json const& spec, std::string const& path, Package& pkg);

  std::string source_;
  std::vector<LoadError> errors_;
  std::string package_name_;
  std::string module_format_ = Package{}.module_format;
  std::map<std::string, TypeKind> type_kinds_;  // token -> kObject or kEnum
  std::set<std::string> resource_tokens_;
  std::string provider_token_;
};

bool Loader::GetString(json const& obj, char const* key, std::string const& path, std::string& out) {
  auto it = obj.find(key);
  if (it == obj.end()) return false;
  if (!it->is_string()) {
    Error(JsonPathAppend(path, key), "must be a string");
    return false;
  }
  out = it->get<std::string>();
  return true;
}

bool Loader::GetBool(json const& obj, char const* key, std::string const& path, bool& out) {
  auto it = obj.find(key);
  if (it == obj.end()) return false;
  if (!it->is_boolean()) {
    Error(JsonPathAppend(path, key), "must be a boolean");
    return false;
  }
  out = it->get<bool>();
  return true;
}

bool Loader::CheckObject(json const& j, std::string const& path) {
  if (j.is_object()) return true;
  Error(path, "must be an object");
  return false;
}

std::optional<std::string> Loader::CheckToken(std::string const& token, std::string const& path) {
  auto tok = ParseToken(token);
  if (!tok) {
    Error(path, "invalid token " + Quote(token) + " (expected <package>:<module>:<name>)");
    return std::nullopt;
  }
  if (tok->package != package_name_) {
    Error(path, "the package part of token " + Quote(token) + " differs from the package name " + Quote(package_name_));
    return std::nullopt;
  }
  return ModuleOf(tok->module_part, module_format_);
}

void Loader::CollectDefinitions(json const& root) {
  if (auto it = root.find("types"); it != root.end() && it->is_object()) {
    for (auto const& [token, spec] : it->items()) {
      if (!spec.is_object()) continue;  // reported in the second pass
      auto type = spec.find("type");
      if (type == spec.end() || !type->is_string()) continue;
      if (*type == "object") {
        type_kinds_[token] = TypeKind::kObject;
      } else if (spec.contains("enum")) {
        type_kinds_[token] = TypeKind::kEnum;
      }
    }
  }
  if (auto it = root.find("resources"); it != root.end() && it->is_object()) {
    for (auto const& [token, spec] : it->items()) resource_tokens_.insert(token);
  }
  if (root.contains("provider")) resource_tokens_.insert(provider_token_);
}

bool Loader::ResolveRef(std::string const& ref, std::string const& path, TypeRef& t) {
  static std::string const kPulumi = "pulumi.json#/";
  static std::string const kTypes = "#/types/";
  static std::string const kResources = "#/resources/";
  if (ref.rfind(kPulumi, 0) == 0) {
    std::string name = ref.substr(kPulumi.size());
    static std::map<std::string, TypeKind> const kBuiltins = {{"Any", TypeKind::kAny},
                                                              {"Json", TypeKind::kJson},
                                                              {"Asset", TypeKind::kAsset},
                                                              {"Archive", TypeKind::kArchive}};
    auto it = kBuiltins.find(name);
    if (it == kBuiltins.end()) {
      Error(path, "unknown pulumi.json type " + Quote(name) + " (expected Any, Json, Asset or Archive)");
      return false;
    }
    t.kind = it->second;
    return true;
  }
  if (ref.rfind(kTypes, 0) == 0) {
    std::string token = PercentDecode(ref.substr(kTypes.size()));
    auto it = type_kinds_.find(token);
    if (it == type_kinds_.end()) {
      Error(path, "dangling $ref: type " + Quote(token) + " is not defined in the schema");
      return false;
    }
    t.kind = it->second;
    t.token = token;
    return true;
  }
  if (ref.rfind(kResources, 0) == 0 || ref == "#/provider") {
    std::string token = ref == "#/provider" ? provider_token_ : PercentDecode(ref.substr(kResources.size()));
    if (!resource_tokens_.count(token)) {
      Error(path, "dangling $ref: resource " + Quote(token) + " is not defined in the schema");
      return false;
    }
    t.kind = TypeKind::kResource;
    t.token = token;
    return true;
  }
  if (ref.rfind('#', 0) == 0) {
    Error(path, "unsupported $ref " + Quote(ref) +
                    " (expected #/types/<token>, #/resources/<token>, #/provider or pulumi.json#/<name>)");
    return false;
  }
  // A resource of another package ("/<pkg>/v<version>/schema.json#/resources/<token>"): this package's code
  // takes any resource there, so it needs nothing from the other package's SDK.
  if (auto pos = ref.find("/schema.json#/resources/"); ref.rfind('/', 0) == 0 && pos != std::string::npos) {
    t.kind = TypeKind::kResource;
    t.token = PercentDecode(ref.substr(pos + std::string("/schema.json#/resources/").size()));
    t.foreign = true;
    return true;
  }
  Error(path, "$ref to another package is not supported: " + Quote(ref) + " (only references within package " +
                  Quote(package_name_) + ", to resources of other packages and to pulumi.json are)");
  return false;
}

std::optional<TypeRef> Loader::ParseTypeSpec(json const& j, std::string const& path) {
  if (!CheckObject(j, path)) return std::nullopt;
  TypeRef t;
  GetBool(j, "plain", path, t.plain);
  if (j.contains("$ref")) {
    std::string ref;
    if (!GetString(j, "$ref", path, ref)) return std::nullopt;
    if (!ResolveRef(ref, JsonPathAppend(path, "$ref"), t)) return std::nullopt;
    return t;
  }
  if (auto it = j.find("oneOf"); it != j.end()) {
    std::string one_of_path = JsonPathAppend(path, "oneOf");
    if (!it->is_array() || it->empty()) {
      Error(one_of_path, "must be a non-empty array of type specs");
      return std::nullopt;
    }
    t.kind = TypeKind::kUnion;
    bool ok = true;
    for (std::size_t i = 0; i < it->size(); ++i) {
      auto alt = ParseTypeSpec((*it)[i], JsonPathAppend(one_of_path, i));
      if (alt)
        t.one_of.push_back(std::move(*alt));
      else
        ok = false;
    }
    if (!ok) return std::nullopt;
    return t;
  }
  std::string type_path = JsonPathAppend(path, "type");
  if (!j.contains("type")) {
    Error(type_path, "missing required field (a type spec needs \"type\" or \"$ref\")");
    return std::nullopt;
  }
  std::string type;
  if (!GetString(j, "type", path, type)) return std::nullopt;
  static std::map<std::string, TypeKind> const kPrimitives = {{"string", TypeKind::kString},
                                                              {"integer", TypeKind::kInteger},
                                                              {"number", TypeKind::kNumber},
                                                              {"boolean", TypeKind::kBoolean}};
  if (auto it = kPrimitives.find(type); it != kPrimitives.end()) {
    t.kind = it->second;
    return t;
  }
  if (type == "array") {
    t.kind = TypeKind::kArray;
    auto items = j.find("items");
    if (items == j.end()) {
      Error(JsonPathAppend(path, "items"), "missing required field (an array needs \"items\")");
      return std::nullopt;
    }
    auto element = ParseTypeSpec(*items, JsonPathAppend(path, "items"));
    if (!element) return std::nullopt;
    t.element = std::make_shared<TypeRef const>(std::move(*element));
    return t;
  }
  if (type == "object") {
    t.kind = TypeKind::kMap;
    TypeRef element;  // a bare "object" is a map of Any
    if (auto ap = j.find("additionalProperties"); ap != j.end()) {
      auto e = ParseTypeSpec(*ap, JsonPathAppend(path, "additionalProperties"));
      if (!e) return std::nullopt;
      element = std::move(*e);
    }
    t.element = std::make_shared<TypeRef const>(std::move(element));
    return t;
  }
  Error(type_path, "unknown type " + Quote(type) + " (expected string, integer, number, boolean, array or object)");
  return std::nullopt;
}

std::optional<Property> Loader::ParseProperty(json const& j, std::string const& name, std::string const& path) {
  auto type = ParseTypeSpec(j, path);
  if (!type) return std::nullopt;
  Property p;
  p.name = name;
  p.type = std::move(*type);
  p.plain = p.type.plain;
  GetBool(j, "secret", path, p.secret);
  GetBool(j, "replaceOnChanges", path, p.replace_on_changes);
  GetString(j, "description", path, p.description);
  GetString(j, "deprecationMessage", path, p.deprecation);
  if (auto it = j.find("language"); it != j.end()) {
    if (CheckObject(*it, JsonPathAppend(path, "language"))) p.language = *it;
  }
  if (auto it = j.find("default"); it != j.end()) {
    if (it->is_primitive() && !it->is_null()) {
      p.default_value = *it;
    } else {
      Error(JsonPathAppend(path, "default"), "a default must be a string, number or boolean");
    }
  }
  return p;
}

std::vector<Property> Loader::ParseProperties(json const& obj, char const* props_key, char const* required_key,
                                              std::string const& path, std::vector<std::string>* required_names) {
  std::vector<Property> out;
  std::string props_path = JsonPathAppend(path, props_key);
  std::set<std::string> names;
  if (auto it = obj.find(props_key); it != obj.end() && CheckObject(*it, props_path)) {
    for (auto const& [name, spec] : it->items()) {
      names.insert(name);
      if (auto p = ParseProperty(spec, name, JsonPathAppend(props_path, name))) out.push_back(std::move(*p));
    }
  }
  if (auto it = obj.find(required_key); it != obj.end()) {
    std::string req_path = JsonPathAppend(path, required_key);
    if (!it->is_array()) {
      Error(req_path, "must be an array of property names");
    } else {
      for (std::size_t i = 0; i < it->size(); ++i) {
        auto const& entry = (*it)[i];
        if (!entry.is_string()) {
          Error(JsonPathAppend(req_path, i), "must be a string");
          continue;
        }
        auto name = entry.get<std::string>();
        if (!names.count(name)) {
          Error(JsonPathAppend(req_path, i), Quote(name) + " is not a property in " + std::string(props_key));
          continue;
        }
        if (required_names) required_names->push_back(name);
        for (auto& p : out)
          if (p.name == name) p.required = true;
      }
    }
  }
  if (required_names) {
    std::sort(required_names->begin(), required_names->end());
    required_names->erase(std::unique(required_names->begin(), required_names->end()), required_names->end());
  }
  return out;  // nlohmann's object iterates in key order: already sorted by wire name
}

void Loader::ParseType(std::string const& token, json const& spec, std::string const& path, Package& pkg) {
  auto module = CheckToken(token, path);
  if (!CheckObject(spec, path) || !module) return;
  std::string type;
  if (!spec.contains("type")) {
    Error(JsonPathAppend(path, "type"), "missing required field (\"object\", or the underlying type of an enum)");
    return;
  }
  if (!GetString(spec, "type", path, type)) return;
  std::string name = ParseToken(token)->member;
  if (type == "object") {
    ObjectType o{token, *module, name, {}, {}};
    GetString(spec, "description", path, o.description);
    o.properties = ParseProperties(spec, "properties", "required", path);
    pkg.modules[*module].object_types.push_back(std::move(o));
    return;
  }
  static std::map<std::string, TypeKind> const kUnderlying = {{"string", TypeKind::kString},
                                                              {"integer", TypeKind::kInteger},
                                                              {"number", TypeKind::kNumber},
                                                              {"boolean", TypeKind::kBoolean}};
  auto underlying = kUnderlying.find(type);
  auto values = spec.find("enum");
  if (underlying == kUnderlying.end() || values == spec.end()) {
    Error(JsonPathAppend(path, "type"),
          "a type definition must be an \"object\", or a string, integer, number or "
          "boolean with \"enum\" values; got " +
              Quote(type) + (values == spec.end() ? " without \"enum\"" : ""));
    return;
  }
  EnumType e{token, *module, name, {}, underlying->second, {}};
  GetString(spec, "description", path, e.description);
  std::string values_path = JsonPathAppend(path, "enum");
  if (!values->is_array() || values->empty()) {
    Error(values_path, "must be a non-empty array of enum values");
    return;
  }
  for (std::size_t i = 0; i < values->size(); ++i) {
    auto const& v = (*values)[i];
    std::string vpath = JsonPathAppend(values_path, i);
    if (!CheckObject(v, vpath)) continue;
    auto value = v.find("value");
    if (value == v.end()) {
      Error(JsonPathAppend(vpath, "value"), "missing required field");
      continue;
    }
    bool matches = (e.underlying == TypeKind::kString && value->is_string()) ||
                   (e.underlying == TypeKind::kInteger && value->is_number_integer()) ||
                   (e.underlying == TypeKind::kNumber && value->is_number()) ||
                   (e.underlying == TypeKind::kBoolean && value->is_boolean());
    if (!matches) {
      Error(JsonPathAppend(vpath, "value"), "must be a " + type + " (the enum's type), got " + value->dump());
      continue;
    }
    EnumValue ev;
    ev.value = *value;
    GetString(v, "name", vpath, ev.name);
    GetString(v, "description", vpath, ev.description);
    GetString(v, "deprecationMessage", vpath, ev.deprecation);
    e.values.push_back(std::move(ev));
  }
  pkg.modules[*module].enum_types.push_back(std::move(e));
}

std::optional<Resource> Loader::ParseResource(std::string const& token, json const& spec, std::string const& path,
                                              std::string const& module) {
  if (!CheckObject(spec, path)) return std::nullopt;
  Resource r;
  r.token = token;
  r.module = module;
  r.name = ParseToken(token)->member;
  GetString(spec, "description", path, r.description);
  GetString(spec, "deprecationMessage", path, r.deprecation);
  GetBool(spec, "isComponent", path, r.is_component);
  r.input_properties = ParseProperties(spec, "inputProperties", "requiredInputs", path, &r.required_inputs);
  r.properties = ParseProperties(spec, "properties", "required", path, &r.required_outputs);
  if (auto it = spec.find("stateInputs"); it != spec.end()) {
    std::string state_path = JsonPathAppend(path, "stateInputs");
    if (CheckObject(*it, state_path)) r.state_inputs = ParseProperties(*it, "properties", "required", state_path);
  }
  if (auto it = spec.find("methods"); it != spec.end()) {
    std::string methods_path = JsonPathAppend(path, "methods");
    if (CheckObject(*it, methods_path)) {
      for (auto const& [name, function_token] : it->items()) {
        if (!function_token.is_string()) {
          Error(JsonPathAppend(methods_path, name), "must be a function token");
          continue;
        }
        Method m;
        m.name = name;
        m.function.token = function_token.get<std::string>();
        r.methods.push_back(std::move(m));
      }
    }
  }
  if (auto it = spec.find("aliases"); it != spec.end()) {
    std::string aliases_path = JsonPathAppend(path, "aliases");
    if (!it->is_array()) {
      Error(aliases_path, "must be an array of aliases");
    } else {
      for (std::size_t i = 0; i < it->size(); ++i) {
        std::string apath = JsonPathAppend(aliases_path, i);
        if (!CheckObject((*it)[i], apath)) continue;
        std::string type;
        if (GetString((*it)[i], "type", apath, type)) r.aliases.push_back(type);
      }
    }
  }
  return r;
}

void Loader::ParseFunction(std::string const& token, json const& spec, std::string const& path, Package& pkg) {
  auto module = CheckToken(token, path);
  if (!CheckObject(spec, path) || !module) return;
  Function f;
  f.token = token;
  f.module = *module;
  f.name = ParseToken(token)->member;
  GetString(spec, "description", path, f.description);
  GetString(spec, "deprecationMessage", path, f.deprecation);
  if (auto it = spec.find("inputs"); it != spec.end()) {
    std::string ipath = JsonPathAppend(path, "inputs");
    if (CheckObject(*it, ipath)) f.inputs = ParseProperties(*it, "properties", "required", ipath);
  }
  if (auto it = spec.find("outputs"); it != spec.end()) {
    std::string opath = JsonPathAppend(path, "outputs");
    if (CheckObject(*it, opath)) {
      if (it->contains("properties")) {
        f.outputs = ParseProperties(*it, "properties", "required", opath);
      } else {
        f.return_type = ParseTypeSpec(*it, opath);
      }
    }
  }
  if (auto it = spec.find("multiArgumentInputs"); it != spec.end()) {
    std::string mpath = JsonPathAppend(path, "multiArgumentInputs");
    if (!it->is_array()) {
      Error(mpath, "must be an array of input names");
    } else {
      for (std::size_t i = 0; i < it->size(); ++i) {
        auto const& name = (*it)[i];
        bool known = name.is_string() && f.inputs &&
                     std::any_of(f.inputs->begin(), f.inputs->end(),
                                 [&](Property const& p) { return p.name == name.get<std::string>(); });
        if (!known) {
          Error(JsonPathAppend(mpath, i), "must name a property of the function's inputs");
          continue;
        }
        f.multi_argument_inputs.push_back(name.get<std::string>());
      }
      if (f.inputs && f.multi_argument_inputs.size() != f.inputs->size()) {
        Error(mpath, "must list every property of the function's inputs");
      }
    }
  }
  GetBool(spec, "plain", path, f.plain_form);
  pkg.modules[*module].functions.push_back(std::move(f));
}

/// The replaceOnChanges paths inside values of type `t`, relative to the value ("" for the value itself is
/// never produced: only paths below an object's properties). Memoized per object type, because types form a
/// DAG (often with shared subtrees) and walking it path by path is exponential. A recursive type stops at
/// the cycle, as in Pulumi's SDKs.
class ReplaceOnChangesWalker {
 public:
  explicit ReplaceOnChangesWalker(Package const& pkg) : pkg_(pkg) {}

  std::vector<std::string> const& PathsOf(TypeRef const& t) {
    static std::vector<std::string> const kNone;
    switch (t.kind) {
      case TypeKind::kArray:
      case TypeKind::kMap: return t.element ? PathsOf(*t.element) : kNone;
      case TypeKind::kUnion: {
        auto& out = unions_.emplace_back();
        for (auto const& alt : t.one_of)
          for (auto const& p : PathsOf(alt)) out.push_back(p);
        return out;
      }
      case TypeKind::kObject: return PathsOfObject(t.token);
      default: return kNone;
    }
  }

 private:
  std::vector<std::string> const& PathsOfObject(std::string const& token) {
    static std::vector<std::string> const kNone;
    if (auto it = memo_.find(token); it != memo_.end()) return it->second;
    auto const* o = pkg_.FindObjectType(token);
    if (!o || !in_progress_.insert(token).second) return kNone;  // a cycle: stop here
    std::vector<std::string> out;
    for (auto const& p : o->properties) {
      if (p.replace_on_changes) out.push_back(p.name);
      for (auto const& sub : PathsOf(p.type)) out.push_back(p.name + "." + sub);
    }
    in_progress_.erase(token);
    return memo_[token] = std::move(out);
  }

  Package const& pkg_;
  std::map<std::string, std::vector<std::string>> memo_;
  std::set<std::string> in_progress_;
  std::deque<std::vector<std::string>> unions_;  // stable addresses for the results of union types
};

void ComputeReplaceOnChanges(ReplaceOnChangesWalker& walker, Resource& r) {
  std::vector<std::string> out;
  for (auto const& p : r.properties) {
    if (p.replace_on_changes) out.push_back(p.name);
    for (auto const& sub : walker.PathsOf(p.type)) out.push_back(p.name + "." + sub);
  }
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (auto& s : out)
    if (seen.insert(s).second) unique.push_back(std::move(s));
  r.replace_on_changes = std::move(unique);
}

LoadResult Loader::Run(std::string const& text) {
  LoadResult result;
  json root;
  if (LooksLikeYaml(text)) {
    std::string error;
    auto converted = YamlToJson(text, &error);
    if (!converted) {
      Error("$", "malformed YAML: " + error);
      result.errors = std::move(errors_);
      return result;
    }
    root = std::move(*converted);
  } else
    try {
      root = json::parse(text);
    } catch (json::parse_error const& e) {
      std::string what = e.what();
      if (auto pos = what.find("] "); what.rfind("[json.exception", 0) == 0 && pos != std::string::npos) {
        what = what.substr(pos + 2);
      }
      Error("$", "malformed JSON: " + what);
      result.errors = std::move(errors_);
      return result;
    }
  if (!root.is_object()) {
    Error("$", "a schema must be a JSON object");
    result.errors = std::move(errors_);
    return result;
  }

  Package pkg;
  if (!root.contains("name")) {
    Error("$.name", "missing required field");
  } else if (GetString(root, "name", "$", pkg.name) && pkg.name.empty()) {
    Error("$.name", "must not be empty");
  }
  if (!errors_.empty()) {
    result.errors = std::move(errors_);
    return result;
  }
  package_name_ = pkg.name;
  provider_token_ = "pulumi:providers:" + pkg.name;
  GetString(root, "version", "$", pkg.version);
  GetString(root, "description", "$", pkg.description);
  GetString(root, "pluginDownloadURL", "$", pkg.plugin_download_url);
  if (auto it = root.find("parameterization"); it != root.end() && CheckObject(*it, "$.parameterization")) {
    Package::Parameterization p;
    auto base = it->find("baseProvider");
    if (base == it->end()) {
      Error("$.parameterization.baseProvider", "is required");
    } else if (CheckObject(*base, "$.parameterization.baseProvider")) {
      GetString(*base, "name", "$.parameterization.baseProvider", p.base_name);
      GetString(*base, "version", "$.parameterization.baseProvider", p.base_version);
    }
    GetString(*it, "parameter", "$.parameterization", p.parameter_base64);
    pkg.parameterization = std::move(p);
  }
  if (auto it = root.find("language"); it != root.end() && CheckObject(*it, "$.language")) pkg.language = *it;
  if (auto meta = root.find("meta"); meta != root.end() && CheckObject(*meta, "$.meta")) {
    if (GetString(*meta, "moduleFormat", "$.meta", pkg.module_format)) {
      try {
        ModuleOf("x/y", pkg.module_format);
      } catch (std::regex_error const& e) {
        Error("$.meta.moduleFormat", std::string("invalid regular expression: ") + e.what());
        result.errors = std::move(errors_);
        return result;
      }
    }
  }
  module_format_ = pkg.module_format;

  CollectDefinitions(root);

  if (auto it = root.find("types"); it != root.end() && CheckObject(*it, "$.types")) {
    for (auto const& [token, spec] : it->items()) ParseType(token, spec, JsonPathAppend("$.types", token), pkg);
  }
  if (auto it = root.find("resources"); it != root.end() && CheckObject(*it, "$.resources")) {
    for (auto const& [token, spec] : it->items()) {
      std::string path = JsonPathAppend("$.resources", token);
      auto module = CheckToken(token, path);
      if (!module) continue;
      if (auto r = ParseResource(token, spec, path, *module)) pkg.modules[*module].resources.push_back(std::move(*r));
    }
  }
  if (auto it = root.find("functions"); it != root.end() && CheckObject(*it, "$.functions")) {
    for (auto const& [token, spec] : it->items()) {
      // Methods of the provider resource ("pulumi:providers:gcp/terraformConfig") are functions of the
      // provider, not of a module; C++ bindings do not offer methods yet, so they are skipped.
      if (token.starts_with("pulumi:providers:" + pkg.name + "/")) {
        pkg.skipped_functions.push_back(token);
        continue;
      }
      ParseFunction(token, spec, JsonPathAppend("$.functions", token), pkg);
    }
  }
  // Methods take their functions out of the modules: they are called on a resource, not invoked.
  for (auto& [module_name, m] : pkg.modules) {
    for (auto& r : m.resources) {
      for (auto& method : r.methods) {
        bool found = false;
        for (auto& [_, fm] : pkg.modules) {
          auto fit = std::find_if(fm.functions.begin(), fm.functions.end(),
                                  [&](Function const& f) { return f.token == method.function.token; });
          if (fit == fm.functions.end()) continue;
          method.function = std::move(*fit);
          fm.functions.erase(fit);
          found = true;
          break;
        }
        if (!found) {
          Error(JsonPathAppend(JsonPathAppend(JsonPathAppend("$.resources", r.token), "methods"), method.name),
                "names the function " + method.function.token + ", which is not in $.functions");
          continue;
        }
        if (method.function.inputs) {
          auto& in = *method.function.inputs;
          in.erase(std::remove_if(in.begin(), in.end(), [](Property const& p) { return p.name == "__self__"; }),
                   in.end());
        }
      }
      std::sort(r.methods.begin(), r.methods.end(), [](Method const& a, Method const& b) { return a.name < b.name; });
    }
  }
  if (auto it = root.find("provider"); it != root.end()) {
    pkg.provider = ParseResource(provider_token_, *it, "$.provider", "index");
    if (pkg.provider) pkg.provider->name = "Provider";
  }
  if (auto it = root.find("config"); it != root.end() && CheckObject(*it, "$.config")) {
    pkg.config = ParseProperties(*it, "variables", "defaults", "$.config");
  }

  if (!errors_.empty()) {
    result.errors = std::move(errors_);
    return result;
  }
  for (auto& [name, m] : pkg.modules) {
    m.name = name;
    SortByToken(m.resources);
    SortByToken(m.functions);
    SortByToken(m.object_types);
    SortByToken(m.enum_types);
  }
  ReplaceOnChangesWalker walker(pkg);
  for (auto& [name, m] : pkg.modules)
    for (auto& r : m.resources) ComputeReplaceOnChanges(walker, r);
  if (pkg.provider) ComputeReplaceOnChanges(walker, *pkg.provider);
  result.package = std::move(pkg);
  return result;
}

}  // namespace

std::string ToString(TypeKind kind) {
  switch (kind) {
    case TypeKind::kString: return "string";
    case TypeKind::kInteger: return "integer";
    case TypeKind::kNumber: return "number";
    case TypeKind::kBoolean: return "boolean";
    case TypeKind::kArray: return "array";
    case TypeKind::kMap: return "map";
    case TypeKind::kObject: return "object";
    case TypeKind::kEnum: return "enum";
    case TypeKind::kAny: return "pulumi.json#/Any";
    case TypeKind::kJson: return "pulumi.json#/Json";
    case TypeKind::kAsset: return "pulumi.json#/Asset";
    case TypeKind::kArchive: return "pulumi.json#/Archive";
    case TypeKind::kResource: return "resource";
    case TypeKind::kUnion: return "oneOf";
  }
  return "unknown";
}

std::optional<Token> ParseToken(std::string const& token) {
  auto first = token.find(':');
  if (first == std::string::npos) return std::nullopt;
  auto second = token.find(':', first + 1);
  if (second == std::string::npos || token.find(':', second + 1) != std::string::npos) return std::nullopt;
  Token t{token.substr(0, first), token.substr(first + 1, second - first - 1), token.substr(second + 1)};
  if (t.package.empty() || t.member.empty()) return std::nullopt;
  return t;
}

std::string ModuleOf(std::string const& module_part, std::string const& module_format) {
  // Schemas use one format for thousands of tokens: compile it once per format.
  thread_local std::string cached_format;
  thread_local std::optional<std::regex> cached;
  if (!cached || cached_format != module_format) {
    cached.emplace(module_format);
    cached_format = module_format;
  }
  std::smatch m;
  std::string module = module_part;
  if (std::regex_search(module_part, m, *cached) && m.size() > 1 && m[1].matched) module = m[1].str();
  return module.empty() ? "index" : module;
}

ObjectType const* Package::FindObjectType(std::string const& token) const {
  for (auto const& [name, m] : modules)
    if (auto const* o = FindByToken(m.object_types, token)) return o;
  return nullptr;
}

EnumType const* Package::FindEnumType(std::string const& token) const {
  for (auto const& [name, m] : modules)
    if (auto const* e = FindByToken(m.enum_types, token)) return e;
  return nullptr;
}

Resource const* Package::FindResource(std::string const& token) const {
  if (provider && provider->token == token) return &*provider;
  for (auto const& [name, m] : modules)
    if (auto const* r = FindByToken(m.resources, token)) return r;
  return nullptr;
}

Function const* Package::FindFunction(std::string const& token) const {
  for (auto const& [name, m] : modules)
    if (auto const* f = FindByToken(m.functions, token)) return f;
  return nullptr;
}

std::string LoadError::ToString() const { return source + ": " + path + ": " + message; }

std::string JsonPathAppend(std::string const& path, std::string const& key) {
  if (IsIdentifierKey(key)) return path + "." + key;
  return path + "[" + json(key).dump() + "]";
}

std::string JsonPathAppend(std::string const& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

LoadResult Load(std::string const& text, std::string const& source_name) { return Loader(source_name).Run(text); }

}  // namespace pulumi::codegen
