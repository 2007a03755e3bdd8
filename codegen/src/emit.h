// Internal to the generator: the package-wide name table, C++ spellings of schema types, and the emitters
// of each kind of file. One emitter per file kind (emit_types.cc, emit_resources.cc, emit_functions.cc,
// emit_package.cc); generator.cc puts them together.
#ifndef PULUMI_CODEGEN_SRC_EMIT_H
#define PULUMI_CODEGEN_SRC_EMIT_H

#include "pulumi/codegen/generator.h"
#include "pulumi/codegen/naming.h"
#include "pulumi/codegen/schema.h"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pulumi::codegen::emit {

/// Where a token's C++ entity lives.
struct Entity {
  std::string module;  ///< schema module name
  std::string ns;      ///< "pulumi::gcp::sql"
  std::string name;    ///< class / struct / function name
  std::string args;    ///< args struct (resources, functions, object types)
  std::string header;  ///< include path, "pulumi/gcp/sql/database_instance.h"
};

/// Names of everything in the package, and the helpers every emitter shares.
class Context {
 public:
  Context(Package const& package, GeneratorOptions const& options);

  Package const& package() const { return package_; }
  std::string const& banner() const { return banner_; }
  std::string const& package_ns() const { return package_ns_; }
  std::string const& package_dir() const { return package_dir_; }
  ModuleNames const& names(std::string const& module) const { return names_.at(module); }
  Entity const& entity(std::string const& token) const { return entities_.at(token); }
  std::string Namespace(std::string const& module) const { return ModuleNamespace(package_.name, module); }
  std::string Directory(std::string const& module) const { return ModuleDirectory(package_.name, module); }

  /// `name` of the entity, qualified unless it lives in `from_ns`.
  std::string Qualified(std::string const& token, std::string const& from_ns, bool args = false) const;

  /// True if the object type `token` is on a cycle of object types (its members of cyclic types are
  /// spelled as PropertyValue, since C++ values cannot contain themselves).
  bool InCycleWith(std::string const& from_token, std::string const& to_token) const;

  /// False for an object type that only function results have (directly or nested): no resource, function
  /// argument or config takes it, so it gets no Args struct or encoder.
  bool HasInputForm(std::string const& type_token) const;

 private:
  Package const& package_;
  std::string banner_;
  std::string package_ns_;
  std::string package_dir_;
  std::map<std::string, ModuleNames> names_;
  std::map<std::string, Entity> entities_;
  std::map<std::string, int> cycle_of_;      // object type token -> its strongly connected component, if cyclic
  std::set<std::string> result_only_types_;  // object type tokens only in function results
};

/// The shape of a value in one position.
enum class Form {
  kInput,   ///< a member of an args struct: Input<T>, nested Args structs, ResourceInput<R>
  kPlain,   ///< a plain value (plain-form invoke args): output structs, no Inputs
  kOutput,  ///< a decoded output: output structs, PropertyValue for unknown shapes
};

/// Collects what a piece of generated code refers to: headers to include and modules it depends on.
struct Uses {
  std::set<std::string> headers;
  std::set<std::string> modules;
  std::set<std::string> forward_resources;  ///< resource tokens used through ResourceInput<R>
};

/// The C++ type of a value of `type` at the position `from` (an object type token, or empty) in `from_ns`.
std::string TypeOf(Context const& ctx, TypeRef const& type, Form form, std::string const& from_ns,
                   std::string const& from_token, Uses& uses);

/// The declaration of a member: `required` wraps in Required/RequiredValue (inputs) or nothing (outputs);
/// optional members are std::optional, except lists in outputs (pulumi::OptionalList).
std::string MemberTypeOf(Context const& ctx, Property const& property, bool required, Form form,
                         std::string const& from_ns, std::string const& from_token, Uses& uses);

/// The statement that adds member `expr` of an args struct to the ArgsBuilder `b`, secret where the schema
/// says so.
std::string AddMember(Property const& property, std::string const& expr, Form form);

/// Doc comment lines ("/// ...") from a schema description: its first paragraph, at most a few lines.
std::string DocComment(std::string_view description, std::string_view indent);
/// `[[deprecated("...")]] ` or "".
std::string DeprecatedAttribute(std::string_view message);
/// "/// Deprecated: ..." for struct members: GCC warns about a [[deprecated]] data member wherever the
/// struct is copied or destroyed, which would break every program built with -Werror.
std::string DeprecatedComment(std::string_view message, std::string_view indent);
/// " {}" for optional members (no -Wmissing-field-initializers in programs), "" for required ones.
std::string Initializer(bool required);
/// A C++ string literal.
std::string Quote(std::string_view text);
/// `expr` (an optional input), or the schema's default where it gives one of the input's scalar type, as
/// Pulumi's other SDKs fill an input the program leaves out (resource inputs and function arguments).
std::string WithSchemaDefault(Property const& p, std::string const& expr);

/// A generated header: banner, include guard, includes, body.
std::string Header(Context const& ctx, std::string const& path, Uses const& uses, std::string const& body,
                   std::string const& self_header = "");

/// One definition for a module's sources, and how heavy it is to compile.
struct Definition {
  std::string code;
  std::string header;  ///< the header that declares it
  std::size_t weight = 1;
  std::string ns;  ///< the namespace the code goes in
  Uses uses;
};

struct ModuleOutput {
  std::map<std::string, std::string> headers;  ///< path -> content
  std::vector<Definition> definitions;
  std::set<std::string> deps;  ///< modules referred to
};

void EmitObjectType(Context const& ctx, ObjectType const& type, ModuleOutput& out);
void EmitEnum(Context const& ctx, EnumType const& type, ModuleOutput& out);
void EmitResource(Context const& ctx, Resource const& resource, bool provider, ModuleOutput& out);
void EmitFunction(Context const& ctx, Function const& function, ModuleOutput& out);
/// internal/package.h and config/vars.h (+ its definitions, in the root module).
void EmitPackageFiles(Context const& ctx, ModuleOutput& root, std::map<std::string, std::string>& files);

}  // namespace pulumi::codegen::emit

#endif  // PULUMI_CODEGEN_SRC_EMIT_H
