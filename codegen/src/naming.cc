#include "pulumi/codegen/naming.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace pulumi::codegen {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsUpper(c) || IsLower(c) || IsDigit(c); }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
char Upper(char c) { return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

std::set<std::string_view> const& Reserved() {
  static std::set<std::string_view> const kReserved = {
      // C++20 keywords.
      "alignas", "alignof", "asm", "auto", "bool", "break", "case", "catch", "char", "char8_t", "char16_t", "char32_t",
      "class", "concept", "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await",
      "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast", "else", "enum",
      "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if", "inline", "int", "long",
      "mutable", "namespace", "new", "noexcept", "nullptr", "operator", "private", "protected", "public", "register",
      "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast",
      "struct", "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename",
      "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while",
      // Alternative tokens.
      "and", "and_eq", "bitand", "bitor", "compl", "not", "not_eq", "or", "or_eq", "xor", "xor_eq",
      // Identifiers with special meaning.
      "final", "override", "import", "module",
      // Lower-case macros of C and POSIX headers.
      "assert", "errno", "major", "minor", "makedev", "stdin", "stdout", "stderr", "unix", "linux", "setjmp",
      "offsetof", "va_arg", "va_copy", "va_end", "va_start"};
  return kReserved;
}

bool IsReservedNamespace(std::string_view name) {
  return IsReservedIdentifier(name) || name == "std" || name == "pulumi" || name == "internal" || name == "mocks" ||
         name == "testing_util";
}

std::string NamespaceSegment(std::string_view s) {
  std::string seg = ToSnakeCase(s);
  return IsReservedNamespace(seg) ? seg + "_" : seg;
}

std::vector<std::string_view> SplitModule(std::string_view module) {
  std::vector<std::string_view> parts;
  if (module.empty() || module == "index") return parts;
  std::size_t start = 0;
  while (true) {
    auto slash = module.find('/', start);
    auto part = module.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (!part.empty()) parts.push_back(part);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

/// `name`, or name + "_", name + "_2", ... : the first that is not in `taken`, which it is added to.
std::string Claim(std::string name, std::set<std::string>& taken) {
  if (taken.insert(name).second) return name;
  std::string escaped = name + "_";
  for (int i = 2; !taken.insert(escaped).second; ++i) escaped = name + "_" + std::to_string(i);
  return escaped;
}

/// Like Claim for a file stem: the '_' goes before ".h".
std::string ClaimFile(std::string const& stem, std::set<std::string>& taken) { return Claim(stem, taken) + ".h"; }

}  // namespace

std::string ToSnakeCase(std::string_view name) {
  std::string out;
  std::size_t const n = name.size();
  for (std::size_t i = 0; i < n; ++i) {
    char const c = name[i];
    if (IsUpper(c)) {
      char const prev = i > 0 ? name[i - 1] : '\0';
      char const next = i + 1 < n ? name[i + 1] : '\0';
      char const after = i + 2 < n ? name[i + 2] : '\0';
      // An acronym keeps a plural 's' ("IPs" -> "ips") and a version suffix ("IPv4" -> "ipv4").
      bool const acronym_tail = (next == 's' && !IsLower(after)) || (next == 'v' && IsDigit(after));
      bool const boundary = IsLower(prev) || IsDigit(prev) || (IsUpper(prev) && IsLower(next) && !acronym_tail);
      if (boundary && !out.empty() && out.back() != '_') out += '_';
      out += Lower(c);
    } else if (IsAlnum(c)) {
      if (out.empty() && IsDigit(c)) out += '_';
      out += c;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (out.size() > 1 && out.back() == '_') out.pop_back();
  if (out.empty() || out == "_") return "unnamed";
  return out;
}

bool IsReservedIdentifier(std::string_view name) { return Reserved().count(name) != 0; }

std::string EscapeIdentifier(std::string name) {
  if (IsReservedIdentifier(name)) name += '_';
  return name;
}

std::string MemberName(std::string_view wire_name) {
  std::string name = EscapeIdentifier(ToSnakeCase(wire_name));
  // A member named `std` or `pulumi` would hide the namespaces the generated code names after it.
  if (name == "std" || name == "pulumi") name += "_";
  return name;
}

std::vector<std::string> MemberNames(std::vector<Property> const& properties) {
  std::vector<std::string> out;
  std::set<std::string> taken;
  for (auto const& p : properties) {
    std::string name = MemberName(p.name);
    while (!taken.insert(name).second) name += '_';
    out.push_back(std::move(name));
  }
  return out;
}

std::string PackageNamespace(std::string_view package) { return NamespaceSegment(package); }

std::string ModuleNamespace(std::string_view package, std::string_view module) {
  std::string ns = "pulumi::" + PackageNamespace(package);
  for (auto part : SplitModule(module)) ns += "::" + NamespaceSegment(part);
  return ns;
}

std::string ModuleDirectory(std::string_view package, std::string_view module) {
  std::string dir = "pulumi/" + PackageNamespace(package);
  for (auto part : SplitModule(module)) dir += "/" + NamespaceSegment(part);
  return dir;
}

std::string TypeName(std::string_view member) {
  std::string out;
  bool capitalize = true;
  for (char c : member) {
    if (!IsAlnum(c)) {
      capitalize = true;
      continue;
    }
    if (out.empty() && IsDigit(c)) out += 'X';
    out += capitalize ? Upper(c) : c;
    capitalize = false;
  }
  return out.empty() ? "Unnamed" : out;
}

std::string FileName(std::string_view member) {
  std::string stem = ToSnakeCase(member);
  if (stem == "types") stem += '_';
  return stem + ".h";
}

std::string HeaderPath(std::string_view package, std::string_view module, std::string_view member) {
  return ModuleDirectory(package, module) + "/" + FileName(member);
}

ModuleNames AssignNames(Module const& module, bool with_provider) {
  ModuleNames names;
  std::set<std::string> taken;
  std::set<std::string> files = {"types", "module"};
  if (with_provider) {
    for (auto const* n : {"Provider", "ProviderArgs"}) taken.insert(n);
    files.insert("provider");
  }
  for (auto const& r : module.resources) {
    std::string name = Claim(TypeName(r.name), taken);
    names.types[r.token] = name;
    names.args[r.token] = Claim(name + "Args", taken);
    names.states[r.token] = Claim(name + "State", taken);
    names.files[r.token] = ClaimFile(ToSnakeCase(r.name), files);
  }
  for (auto const& f : module.functions) {
    std::string name = Claim(TypeName(f.name), taken);
    names.types[f.token] = name;
    names.args[f.token] = Claim(name + "Args", taken);
    names.results[f.token] = Claim(name + "Result", taken);
    names.plain_functions[f.token] = Claim(name + "Plain", taken);
    names.plain_args[f.token] = Claim(name + "PlainArgs", taken);
    names.files[f.token] = ClaimFile(ToSnakeCase(f.name), files);
  }
  // Object types and enums share one C++ namespace: claim in token order across both.
  std::vector<std::pair<std::string, std::string>> types;  // token, member
  for (auto const& o : module.object_types) types.emplace_back(o.token, o.name);
  for (auto const& e : module.enum_types) types.emplace_back(e.token, e.name);
  std::sort(types.begin(), types.end());
  std::set<std::string> type_files;
  for (auto const& [token, member] : types) {
    auto key = TypeKey(token);
    names.types[key] = Claim(TypeName(member), taken);
    names.files[key] = "types/" + ClaimFile(ToSnakeCase(names.types[key]), type_files);
  }
  for (auto const& o : module.object_types) {
    auto key = TypeKey(o.token);
    names.args[key] = Claim(names.types[key] + "Args", taken);
  }
  return names;
}

std::string TypeKey(std::string_view token) { return "#/types/" + std::string(token); }

std::string Banner(std::string_view schema, std::string_view version) {
  return "// Code generated by pulumi-gen-cpp from " + std::string(schema) + "@" + std::string(version) +
         ". DO NOT EDIT.";
}

}  // namespace pulumi::codegen
