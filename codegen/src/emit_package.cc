// Package-wide files: the package's identity (sent with every registration and invoke) and its config.
#include "emit.h"

namespace pulumi::codegen::emit {
namespace {

struct ConfigGetter {
  std::string type;
  std::string call;
};

ConfigGetter GetterOf(Property const& p) {
  if (p.secret && p.type.kind == TypeKind::kString) return {"::pulumi::Output<std::string>", "GetSecret"};
  switch (p.type.kind) {
    case TypeKind::kString: return {"std::string", "Get"};
    case TypeKind::kBoolean: return {"bool", "GetBool"};
    case TypeKind::kInteger: return {"int", "GetInt"};
    case TypeKind::kNumber: return {"double", "GetDouble"};
    default: return {"nlohmann::json", "GetJson"};  // objects, arrays and enums: the JSON the stack holds
  }
}

}  // namespace

void EmitPackageFiles(Context const& ctx, ModuleOutput& root, std::map<std::string, std::string>& files) {
  auto const& pkg = ctx.package();
  std::string ns = ctx.package_ns() + "::internal";
  std::string path = ctx.package_dir() + "/internal/package.h";
  std::string body = "namespace " + ns + " {\n\n";
  body += "inline constexpr char kPackageName[] = " + Quote(pkg.name) + ";\n";
  body += "inline constexpr char kPackageVersion[] = " + Quote(pkg.version) + ";\n";
  body += "inline constexpr char kPluginDownloadUrl[] = " + Quote(pkg.plugin_download_url) + ";\n\n";
  body += "/// The options with this package's version and plugin download URL where they are not set, so the\n";
  body += "/// engine loads the provider plugin this code was generated for.\n";
  body += "inline ::pulumi::ResourceOptions WithPackageDefaults(::pulumi::ResourceOptions opts) {\n";
  body += "  if (!opts.version) opts.version = kPackageVersion;\n";
  body += "  if (!opts.plugin_download_url) opts.plugin_download_url = kPluginDownloadUrl;\n  return opts;\n}\n\n";
  body += "inline ::pulumi::InvokeOptions WithPackageDefaults(::pulumi::InvokeOptions opts) {\n";
  body += "  if (!opts.version) opts.version = kPackageVersion;\n";
  body += "  if (!opts.plugin_download_url) opts.plugin_download_url = kPluginDownloadUrl;\n  return opts;\n}\n\n";
  Uses package_uses;
  if (pkg.parameterization) {
    auto const& p = *pkg.parameterization;
    package_uses.headers.insert("pulumi/package.h");
    body += "/// This package is the plugin " + p.base_name + " " + p.base_version +
            " given a parameter: its resources name it by the\n/// reference the engine returns for it.\n";
    body += "inline std::string PackageRef(::pulumi::Context& ctx) {\n";
    body += "  return ::pulumi::PackageReference(\n      ctx, {.name = " + Quote(p.base_name) +
            ",\n           .version = " + Quote(p.base_version) +
            ",\n           .download_url = kPluginDownloadUrl,\n" +
            "           .parameterization = ::pulumi::PackageParameterization{\n               .name = kPackageName, "
            ".version = kPackageVersion, .value_base64 = " +
            Quote(p.parameter_base64) + "}});\n}\n\n";
    body += "/// The options of this package's functions: they name the package by its reference.\n";
    body += "inline ::pulumi::InvokeOptions WithPackageRef(::pulumi::Context& ctx, ::pulumi::InvokeOptions opts) {\n";
    body += "  opts.package_ref = PackageRef(ctx);\n  return opts;\n}\n\n";
  }
  body += "}  // namespace " + ns + "\n";
  files[path] = Header(ctx, path, package_uses, body, path);

  if (pkg.config.empty()) return;
  std::string config_ns = ctx.package_ns() + "::config";
  std::string config_path = ctx.package_dir() + "/config/vars.h";
  auto members = MemberNames(pkg.config);
  std::string decls = "namespace " + config_ns + " {\n\n";
  std::string code;
  for (std::size_t i = 0; i < pkg.config.size(); ++i) {
    auto const& p = pkg.config[i];
    auto g = GetterOf(p);
    std::string fn = TypeName(p.name);
    decls += DocComment(p.description, "");
    decls += "/// `" + pkg.name + ":" + p.name + "` from the stack's config" + (p.secret ? " (secret)" : "") + ".\n";
    decls +=
        DeprecatedAttribute(p.deprecation) + "std::optional<" + g.type + "> Get" + fn + "(::pulumi::Context& ctx);\n";
    code += "std::optional<" + g.type + "> Get" + fn + "(::pulumi::Context& ctx) {\n  return ::pulumi::Config(ctx, " +
            Quote(pkg.name) + ")." + g.call + "(" + Quote(p.name) + ");\n}\n";
  }
  decls += "\n}  // namespace " + config_ns + "\n";
  Uses uses;
  uses.headers.insert("pulumi/config.h");
  files[config_path] = Header(ctx, config_path, uses, decls, config_path);
  // Defined in the root module's sources.
  root.definitions.push_back({.code = code, .header = config_path, .weight = 2 * pkg.config.size(), .ns = config_ns});
}

}  // namespace pulumi::codegen::emit
