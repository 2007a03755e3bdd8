// How schema names become C++ names. Every generated identifier goes through these functions, so one rule
// holds everywhere (conventions.md §4: one mapping function, a fixed escape for keywords).
//
//   MemberName("databaseVersion")          == "database_version"
//   MemberName("namespace")                == "namespace_"
//   ModuleNamespace("gcp", "sql")          == "pulumi::gcp::sql"
//   ModuleNamespace("random", "index")     == "pulumi::random"
//   HeaderPath("gcp", "sql", "DatabaseInstance") == "pulumi/gcp/sql/database_instance.h"
//
// The rules:
// - snake_case: an underscore goes before an upper-case letter that follows a lower-case letter or a digit,
//   and before the last capital of an acronym that starts a word ("URLMap" -> "url_map"), except before a
//   plural 's' or a version 'v<digit>' ("getUptimeCheckIPs" -> "get_uptime_check_ips", "IPv4" -> "ipv4"); everything is
//   then lower case. Characters other than letters and digits become one '_'; a leading digit gets a '_' before it.
// - Escape: a trailing '_' for C++20 keywords and alternative tokens, the contextual `final`, `override`,
//   `import`, `module`, and the lower-case names that C and POSIX headers define as macros (`assert`, `errno`,
//   `major`, `minor`, `makedev`, `stdin`, `stdout`, `stderr`, `unix`, `linux`, `setjmp`, `offsetof`, `va_*`).
//   `domain` is NOT escaped: it is neither a keyword nor a macro in glibc or libstdc++ (math.h's SVID
//   `DOMAIN` is upper case and gone since glibc 2.27).
// - Namespaces: a module is a namespace under `pulumi::<package>`; "index" is the package namespace
//   itself; '/' in a module nests namespaces. Segments are snake_case and escaped as above, and also when
//   they would shadow something the generated code names: `std`, `pulumi`, and the reserved `internal`,
//   `mocks`, `testing_util`.
// - Types: PascalCase is kept; the first letter is capitalised; non-identifier characters are dropped with
//   the following letter capitalised; a leading digit gets an 'X' before it.
// - Collisions in a module (AssignNames): the generated names `<Resource>`, `<Resource>Args`,
//   `<Resource>State`, `<Function>`, `<Function>Args`, `<Function>Result`, `<Function>Plain`,
//   `<Function>PlainArgs` win; a schema object or enum type whose name is taken gets a trailing '_' (then
//   `_2`, `_3`, ... if that is taken too), and each object type also gets `<Type>Args` (its input form).
//   Among resources and functions, the later token gets the '_'.
// - Files: snake_case of the member name plus ".h"; object types and enums live in "types/<type>.h";
//   "types" and "module" are reserved, so a resource or function whose file would be "types.h" gets
//   "types_.h"; a later token whose file is taken gets a '_'.
#ifndef PULUMI_CODEGEN_NAMING_H
#define PULUMI_CODEGEN_NAMING_H

#include "pulumi/codegen/schema.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pulumi::codegen {

/// camelCase / PascalCase / kebab-case -> snake_case. Does not escape keywords (see MemberName).
std::string ToSnakeCase(std::string_view name);

/// True for the names that EscapeIdentifier escapes.
bool IsReservedIdentifier(std::string_view name);

/// `name` with a trailing '_' if it is reserved.
std::string EscapeIdentifier(std::string name);

/// The C++ field or accessor name of a property: EscapeIdentifier(ToSnakeCase(wire_name)), and also a
/// trailing '_' for `std` and `pulumi`, which would hide those namespaces inside a generated struct.
std::string MemberName(std::string_view wire_name);

/// MemberName of each property, made unique within the list: a name already taken by an earlier property
/// gets '_' appended until it is free. Same order as `properties`.
std::vector<std::string> MemberNames(std::vector<Property> const& properties);

/// The namespace segment of a package: "gcp" -> "gcp", "azure-native" -> "azure_native".
std::string PackageNamespace(std::string_view package);

/// The fully qualified namespace of a module: "pulumi::gcp::sql"; "index" gives "pulumi::gcp".
std::string ModuleNamespace(std::string_view package, std::string_view module);

/// The include directory of a module: "pulumi/gcp/sql"; "index" gives "pulumi/gcp".
std::string ModuleDirectory(std::string_view package, std::string_view module);

/// A schema member name as a C++ type (or function) name: "databaseInstance" -> "DatabaseInstance".
std::string TypeName(std::string_view member);

/// The header file of a resource or function: "DatabaseInstance" -> "database_instance.h".
std::string FileName(std::string_view member);

/// ModuleDirectory(package, module) + "/" + FileName(member).
std::string HeaderPath(std::string_view package, std::string_view module, std::string_view member);

/// The key of an object type or enum in ModuleNames and the generator's tables: "#/types/<token>", as the
/// schema refers to it. A type may share its token with a resource (e.g. both `pkg:index:ElementType`), and
/// the two still get distinct C++ names.
std::string TypeKey(std::string_view token);

/// The C++ names of everything a module defines, collisions resolved (see the rules above).
struct ModuleNames {
  /// Token of a resource or function, or TypeKey of an object type or enum -> its C++ name (a class, an output struct
  /// for an object type, or the output-form function for a function).
  std::map<std::string, std::string> types;
  /// Token of a resource, function or object type -> its args struct ("<Name>Args").
  std::map<std::string, std::string> args;
  /// Token of a resource -> its state struct ("<Name>State"), for Get.
  std::map<std::string, std::string> states;
  /// Token of a function -> its result struct, plain-form function and plain-form args struct.
  std::map<std::string, std::string> results;
  std::map<std::string, std::string> plain_functions;
  std::map<std::string, std::string> plain_args;
  /// Token -> header path relative to the module directory: "database_instance.h" for a resource or
  /// function, "types/database_instance_settings.h" for an object type or enum.
  std::map<std::string, std::string> files;
};
/// `with_provider` reserves the provider's names (`Provider`, `ProviderArgs`, `provider.h`): pass true for
/// the package's root module.
ModuleNames AssignNames(Module const& module, bool with_provider = false);

/// The first line of every generated file (conventions.md §9), without a newline:
/// `// Code generated by pulumi-gen-cpp from gcp@9.0.0. DO NOT EDIT.`
std::string Banner(std::string_view schema, std::string_view version);

}  // namespace pulumi::codegen

#endif  // PULUMI_CODEGEN_NAMING_H
