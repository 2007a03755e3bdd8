#include "pulumi/codegen/generator.h"

#include "emit.h"

#include <deque>
#include <exception>

namespace pulumi::codegen {
namespace {

using emit::Definition;
using emit::ModuleOutput;

std::string ModuleId(std::string const& module) {
  std::string id;
  for (char c : module) id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return id;
}

ModuleOutput EmitModule(emit::Context const& ctx, std::string const& name, std::vector<std::string>& /*warnings*/) {
  ModuleOutput out;
  auto const& pkg = ctx.package();
  if (name == "index" && pkg.provider) emit::EmitResource(ctx, *pkg.provider, /*provider=*/true, out);
  if (auto it = pkg.modules.find(name); it != pkg.modules.end()) {
    auto const& m = it->second;
    for (auto const& t : m.object_types) emit::EmitObjectType(ctx, t, out);
    for (auto const& t : m.enum_types) emit::EmitEnum(ctx, t, out);
    for (auto const& r : m.resources) emit::EmitResource(ctx, r, /*provider=*/false, out);
    for (auto const& f : m.functions) emit::EmitFunction(ctx, f, out);
  }
  for (auto const& d : out.definitions) out.deps.insert(d.uses.modules.begin(), d.uses.modules.end());
  out.deps.erase(name);
  return out;
}

// Packs a module's definitions into translation units of about `budget` weight each.
std::vector<std::string> Sources(emit::Context const& ctx, std::vector<Definition> const& defs, std::size_t budget) {
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i < defs.size()) {
    std::size_t weight = 0;
    std::size_t end = i;
    while (end < defs.size() && (end == i || weight + defs[end].weight <= budget)) weight += defs[end++].weight;
    std::set<std::string> headers;
    for (std::size_t k = i; k < end; ++k) headers.insert(defs[k].header);
    std::string s = ctx.banner() + "\n";
    for (auto const& h : headers) s += "#include \"" + h + "\"\n";
    s += "\n#include <string>\n#include <utility>\n\n";
    // The schema's own deprecations must not break a build with -Werror; users still see them.
    s += "#pragma GCC diagnostic ignored \"-Wdeprecated-declarations\"\n\n";
    std::string open;
    for (std::size_t k = i; k < end; ++k) {
      if (defs[k].ns != open) {
        if (!open.empty()) s += "}  // namespace " + open + "\n\n";
        open = defs[k].ns;
        s += "namespace " + open + " {\n\n";
      }
      s += defs[k].code + "\n";
    }
    if (!open.empty()) s += "}  // namespace " + open + "\n";
    parts.push_back(std::move(s));
    i = end;
  }
  return parts;
}

std::string CMakeList(std::set<std::string> const& items) {
  std::string s;
  for (auto const& i : items) s += (s.empty() ? "" : ";") + i;
  return "\"" + s + "\"";
}

}  // namespace

GeneratedPackage Generate(Package const& package, GeneratorOptions const& options) {
  GeneratedPackage result;
  try {
    emit::Context ctx(package, options);
    std::set<std::string> all;
    for (auto const& [name, _] : package.modules) all.insert(name);
    if (package.provider || !package.config.empty()) all.insert("index");
    for (auto const& m : options.modules) {
      if (!all.count(m)) result.errors.push_back("module '" + m + "' is not in package " + package.name);
    }
    if (!result.errors.empty()) return result;

    std::deque<std::string> todo(options.modules.begin(), options.modules.end());
    if (options.modules.empty()) todo.assign(all.begin(), all.end());
    std::map<std::string, ModuleOutput> modules;
    std::vector<std::string> warnings;
    while (!todo.empty()) {
      std::string name = todo.front();
      todo.pop_front();
      if (modules.count(name)) continue;
      modules[name] = EmitModule(ctx, name, warnings);
      for (auto const& d : modules[name].deps) todo.push_back(d);
    }
    // The package header is shared by every module; the config header is part of the root module.
    std::map<std::string, std::string> package_files;
    ModuleOutput no_root;
    emit::EmitPackageFiles(ctx, modules.count("index") ? modules["index"] : no_root, package_files);
    std::set<std::string> common;
    for (auto& [path, content] : package_files) {
      if (path.ends_with("/config/vars.h")) {
        if (modules.count("index")) modules["index"].headers[path] = std::move(content);
        continue;
      }
      common.insert("include/" + path);
      result.files["include/" + path] = std::move(content);
    }

    std::string cmake = "#" + ctx.banner().substr(2) + "\n";
    cmake += "set(PULUMI_PACKAGE_NAME " + CMakeList({package.name}) + ")\n";
    cmake += "set(PULUMI_PACKAGE_VERSION " + CMakeList({package.version}) + ")\n";
    cmake += "set(PULUMI_PACKAGE_PLUGIN_DOWNLOAD_URL " + CMakeList({package.plugin_download_url}) + ")\n";
    std::set<std::string> ids;
    for (auto const& [name, m] : modules) ids.insert(ModuleId(name));
    cmake += "set(PULUMI_PACKAGE_MODULES " + CMakeList(ids) + ")\n";
    for (auto& [name, m] : modules) {
      std::string id = ModuleId(name);
      std::string dir = ctx.Directory(name);
      std::set<std::string> headers;
      for (auto& [path, content] : m.headers) {
        headers.insert("include/" + path);
        result.files["include/" + path] = std::move(content);
      }
      // module.h: everything a program can name in the module, in one include.
      emit::Uses umbrella;
      if (auto it = package.modules.find(name); it != package.modules.end()) {
        for (auto const& r : it->second.resources) {
          umbrella.headers.insert(ctx.entity(r.token).header);
        }
        for (auto const& f : it->second.functions) umbrella.headers.insert(ctx.entity(f.token).header);
      }
      if (name == "index" && package.provider) umbrella.headers.insert(ctx.package_dir() + "/provider.h");
      if (name == "index" && !package.config.empty()) umbrella.headers.insert(ctx.package_dir() + "/config/vars.h");
      std::string module_h = dir + "/module.h";
      result.files["include/" + module_h] = emit::Header(ctx, module_h, umbrella, "");
      headers.insert("include/" + module_h);

      std::set<std::string> sources;
      auto parts = Sources(ctx, m.definitions, options.properties_per_source);
      for (std::size_t i = 0; i < parts.size(); ++i) {
        std::string path = "src/" + id + "/part_" + std::to_string(i) + ".cc";
        sources.insert(path);
        result.files[path] = std::move(parts[i]);
      }
      std::set<std::string> dep_ids;
      for (auto const& d : m.deps) dep_ids.insert(ModuleId(d));
      result.module_deps[name] = m.deps;
      cmake += "set(PULUMI_PACKAGE_MODULE_" + id + "_SOURCES " + CMakeList(sources) + ")\n";
      cmake += "set(PULUMI_PACKAGE_MODULE_" + id + "_HEADERS " + CMakeList(headers) + ")\n";
      cmake += "set(PULUMI_PACKAGE_MODULE_" + id + "_DEPS " + CMakeList(dep_ids) + ")\n";
    }
    cmake += "set(PULUMI_PACKAGE_COMMON_HEADERS " + CMakeList(common) + ")\n";
    result.files["modules.cmake"] = std::move(cmake);
    for (auto const& w : warnings) result.files["warnings.txt"] += w + "\n";
  } catch (std::exception const& e) {
    result.files.clear();
    result.errors.push_back(std::string("internal error generating ") + package.name + ": " + e.what());
  }
  return result;
}

}  // namespace pulumi::codegen
