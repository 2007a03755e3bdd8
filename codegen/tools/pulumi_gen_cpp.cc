// pulumi-gen-cpp: generates typed C++ bindings from a Pulumi package schema.
//
//   pulumi-gen-cpp --schema gcp.json --out build/gcp [--modules sql,redis] [--schema-name gcp]
//                  [--properties-per-source 1500] [--manifest-only]
//
// Exit status: 0 when the tree was written, 1 when the schema is bad (each error names its JSON path and
// nothing is written), 2 for bad usage or an I/O failure.
#include "pulumi/codegen/generator.h"
#include "pulumi/codegen/schema_loader.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

constexpr int kExitBadSchema = 1;
constexpr int kExitUsage = 2;

int Usage(std::string const& problem) {
  if (!problem.empty()) std::cerr << "pulumi-gen-cpp: " << problem << "\n";
  std::cerr << "usage: pulumi-gen-cpp --schema FILE --out DIR [--modules a,b,...] [--schema-name NAME]\n"
               "                      [--properties-per-source N] [--manifest-only]\n";
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  std::string schema_path, out_dir;
  pulumi::codegen::GeneratorOptions options;
  bool manifest_only = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) return {};
      return argv[++i];
    };
    if (arg == "--schema") {
      schema_path = value();
    } else if (arg == "--out") {
      out_dir = value();
    } else if (arg == "--modules") {
      std::stringstream list(value());
      for (std::string m; std::getline(list, m, ',');) {
        if (!m.empty()) options.modules.insert(m);
      }
    } else if (arg == "--schema-name") {
      options.schema_name = value();
    } else if (arg == "--properties-per-source") {
      options.properties_per_source = static_cast<std::size_t>(std::strtoul(value().c_str(), nullptr, 10));
      if (options.properties_per_source == 0) return Usage("--properties-per-source needs a positive number");
    } else if (arg == "--manifest-only") {
      manifest_only = true;
    } else if (arg == "-h" || arg == "--help") {
      Usage("");
      return 0;
    } else {
      return Usage("unknown argument '" + arg + "'");
    }
  }
  if (schema_path.empty() || out_dir.empty()) return Usage("--schema and --out are required");

  auto start = std::chrono::steady_clock::now();
  std::ifstream in(schema_path, std::ios::binary);
  if (!in) {
    std::cerr << "pulumi-gen-cpp: cannot read the schema " << schema_path << "\n";
    return kExitUsage;
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto loaded = pulumi::codegen::Load(text.str(), schema_path);
  if (!loaded) {
    for (auto const& e : loaded.errors) std::cerr << e.ToString() << "\n";
    std::cerr << "pulumi-gen-cpp: " << loaded.errors.size() << " error(s) in " << schema_path
              << "; nothing was written\n";
    return kExitBadSchema;
  }
  if (options.schema_name.empty()) options.schema_name = loaded.package->name;
  auto generated = pulumi::codegen::Generate(*loaded.package, options);
  if (!generated) {
    for (auto const& e : generated.errors) std::cerr << "pulumi-gen-cpp: " << e << "\n";
    std::cerr << "pulumi-gen-cpp: nothing was written\n";
    return kExitBadSchema;
  }
  std::map<std::string, std::string> files = std::move(generated.files);
  if (manifest_only) files = {{"modules.cmake", files.at("modules.cmake")}};
  auto err = manifest_only ? pulumi::codegen::WriteFileAtomically(std::filesystem::path(out_dir) / "modules.cmake",
                                                                  files.at("modules.cmake"))
                           : pulumi::codegen::WriteTree(files, out_dir);
  if (err) {
    std::cerr << "pulumi-gen-cpp: " << *err << "\n";
    return kExitUsage;
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "pulumi-gen-cpp: " << loaded.package->name << " " << loaded.package->version << ": " << files.size()
            << " files, " << generated.module_deps.size() << " modules" << (manifest_only ? " (manifest only)" : "")
            << " in " << ms << " ms\n";
  return 0;
}
