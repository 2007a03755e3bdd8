// The resolved model of a Pulumi package schema, as read by pulumi::codegen::Load (schema_loader.h).
//
// Every `$ref` has been resolved and checked: a TypeRef of kind kObject/kEnum/kResource carries the token of
// a type or resource that exists in the same Package (except a kResource marked `foreign`). Containers are
// sorted by token (or by wire name for properties), so walking the model is deterministic.
//
//   auto result = pulumi::codegen::Load(text, "gcp.json");
//   if (!result) { for (auto const& e : result.errors) std::cerr << e.ToString() << "\n"; return 1; }
//   pulumi::codegen::Package const& pkg = *result.package;
//   for (auto const& [name, module] : pkg.modules)
//     for (auto const& r : module.resources) std::cout << r.token << "\n";
#ifndef PULUMI_CODEGEN_SCHEMA_H
#define PULUMI_CODEGEN_SCHEMA_H

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pulumi::codegen {

/// What a property holds. kMap is `{"type": "object", "additionalProperties": ...}` (or a bare
/// `{"type": "object"}`, a map of Any, as in Pulumi's own binder); kObject/kEnum name a schema type and
/// kResource a resource (`#/resources/<token>`). kUnion is a `oneOf`: its alternatives are in `one_of`.
enum class TypeKind {
  kString,
  kInteger,
  kNumber,
  kBoolean,
  kArray,
  kMap,
  kObject,
  kEnum,
  kAny,      ///< pulumi.json#/Any
  kJson,     ///< pulumi.json#/Json
  kAsset,    ///< pulumi.json#/Asset
  kArchive,  ///< pulumi.json#/Archive
  kResource,
  kUnion,
};

/// The schema spelling of a kind ("string", "array", "object", "enum", "pulumi.json#/Any", ...).
std::string ToString(TypeKind kind);

struct TypeRef {
  TypeKind kind = TypeKind::kAny;
  /// The element type of kArray and kMap (map keys are always strings); null otherwise.
  std::shared_ptr<TypeRef const> element;
  /// The token of the type (kObject, kEnum) or resource (kResource); empty otherwise.
  std::string token;
  /// `plain: true`: the value is never an Input/Output (only meaningful for inputs).
  bool plain = false;
  /// kResource only: a resource of another package (`/<pkg>/v<version>/schema.json#/resources/<token>`),
  /// whose token is not in this Package.
  bool foreign = false;
  /// The alternatives of kUnion, in schema order.
  std::vector<TypeRef> one_of;
};

struct Property {
  std::string name;  ///< the wire name, e.g. "databaseVersion"
  TypeRef type;
  bool required = false;  ///< listed in the enclosing `required`/`requiredInputs`/`config.defaults`
  bool secret = false;
  bool replace_on_changes = false;
  bool plain = false;  ///< same as type.plain, kept for convenience
  std::string description;
  std::string deprecation;                             ///< `deprecationMessage`; empty when not deprecated
  nlohmann::json language = nlohmann::json::object();  ///< the raw `language` object, if any
  nlohmann::json default_value;  ///< `default` (a string, number or boolean); null when there is none
};

struct ObjectType {
  std::string token;
  std::string module;
  std::string name;  ///< the member part of the token, as written
  std::string description;
  std::vector<Property> properties;  ///< sorted by wire name
};

struct EnumValue {
  std::string name;      ///< may be empty: emitters derive a name from the value
  nlohmann::json value;  ///< a string, integer, number or boolean matching the enum's underlying type
  std::string description;
  std::string deprecation;
};

struct EnumType {
  std::string token;
  std::string module;
  std::string name;
  std::string description;
  TypeKind underlying = TypeKind::kString;  ///< kString, kInteger, kNumber or kBoolean
  std::vector<EnumValue> values;            ///< in schema order
};

struct Function {
  std::string token;
  std::string module;
  std::string name;
  std::string description;
  std::string deprecation;
  std::optional<std::vector<Property>> inputs;   ///< `inputs.properties`, when present
  std::optional<std::vector<Property>> outputs;  ///< `outputs` when it is an object type (has "properties")
  std::optional<TypeRef> return_type;            ///< `outputs` when it is any other type spec
  /// `multiArgumentInputs`: the inputs' names in the order the function takes them as positional arguments
  /// (empty: one args struct).
  std::vector<std::string> multi_argument_inputs;
  /// `plain: false`: the function has only the output form.
  bool plain_form = true;
};

/// A method of a resource: a function its provider implements on a resource (`Call`), whose first argument
/// `__self__` is the resource itself (left out of `function.inputs`).
struct Method {
  std::string name;   ///< as the resource's `methods` names it, e.g. "prefixed"
  Function function;  ///< the function the method names, e.g. "pkg:index:Component/prefixed"
};

struct Resource {
  std::string token;
  std::string module;
  std::string name;
  std::string description;
  std::string deprecation;
  std::vector<Property> input_properties;    ///< `inputProperties`; Property::required from `requiredInputs`
  std::vector<Property> properties;          ///< outputs; Property::required from `required`
  std::vector<std::string> required_inputs;  ///< as listed, sorted
  std::vector<std::string> required_outputs;
  std::optional<std::vector<Property>> state_inputs;  ///< `stateInputs.properties`, when present
  std::vector<std::string> aliases;                   ///< the `type` of each alias (aliases without a type are skipped)
  bool is_component = false;
  /// `methods`, sorted by name; their functions are not among the module's functions.
  std::vector<Method> methods;
  /// Property paths that force a replacement: the output properties marked `replaceOnChanges`, and nested
  /// ones through object types as "outer.inner" (arrays and maps are transparent), as Pulumi's SDKs do.
  std::vector<std::string> replace_on_changes;
};

struct Module {
  std::string name;                      ///< "index" for the package's root module
  std::vector<Resource> resources;       ///< sorted by token
  std::vector<Function> functions;       ///< sorted by token
  std::vector<ObjectType> object_types;  ///< sorted by token
  std::vector<EnumType> enum_types;      ///< sorted by token
};

struct Package {
  std::string name;
  std::string version;
  std::string plugin_download_url;
  /// `parameterization`: this package is the base plugin given a parameter (e.g. a bridged Terraform
  /// provider); its resources are registered with the package reference the engine returns for it.
  struct Parameterization {
    std::string base_name;
    std::string base_version;
    std::string parameter_base64;  ///< `parameter`, as the schema has it
  };
  std::optional<Parameterization> parameterization;
  std::string description;
  std::string module_format = "(.*)(?:/[^/]*)";  ///< `meta.moduleFormat`, or Pulumi's default
  std::vector<Property> config;                  ///< `config.variables`; Property::required from `config.defaults`
  /// The provider resource: token "pulumi:providers:<name>", module "index", name "Provider".
  std::optional<Resource> provider;
  std::map<std::string, Module> modules;  ///< by module name
  /// Functions that are read but not modelled: the provider's methods (`pulumi:providers:<pkg>/<method>`).
  std::vector<std::string> skipped_functions;
  nlohmann::json language = nlohmann::json::object();  ///< the raw top-level `language` object

  ObjectType const* FindObjectType(std::string const& token) const;
  EnumType const* FindEnumType(std::string const& token) const;
  /// Also finds the provider by its token.
  Resource const* FindResource(std::string const& token) const;
  Function const* FindFunction(std::string const& token) const;
};

/// The parts of a token "pkg:module:member".
struct Token {
  std::string package;
  std::string module_part;  ///< as written, e.g. "sql/databaseInstance"
  std::string member;
};

/// Splits "pkg:module:member"; std::nullopt unless there are exactly three parts and the package and member
/// are non-empty.
std::optional<Token> ParseToken(std::string const& token);

/// The module of `module_part` under `module_format` (a regular expression whose first group is the module,
/// matched as Pulumi does: a search, and the whole part when it does not match). An empty result is "index".
/// Throws std::regex_error when `module_format` is not a valid ECMAScript regular expression.
std::string ModuleOf(std::string const& module_part, std::string const& module_format = "(.*)(?:/[^/]*)");

}  // namespace pulumi::codegen

#endif  // PULUMI_CODEGEN_SCHEMA_H
