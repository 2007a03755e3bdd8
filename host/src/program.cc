#include "program.h"

#include "base64.h"
#include "local_dependencies.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace pulumi::host {
namespace {

namespace fs = std::filesystem;

std::string CacheRoot() {
  if (char const* c = std::getenv("PULUMI_CPP_CACHE"); c && *c) return c;
  char const* home = std::getenv("HOME");
  return std::string(home && *home ? home : "/tmp") + "/.cache/pulumi-cpp";
}

std::string Hex64(std::uint64_t v) {
  std::ostringstream os;
  os << std::hex << v;
  return os.str();
}

/// FNV-1a: stable across runs and builds, unlike std::hash.
std::uint64_t Fnv1a(std::string const& s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string Tail(std::string const& s, std::size_t n) { return s.size() <= n ? s : "..." + s.substr(s.size() - n); }

std::string StringField(nlohmann::json const& j, char const* key, std::string const& path, std::string* error) {
  if (!j.contains(key)) return "";
  if (!j[key].is_string()) {
    *error = path + "." + key + " must be a string";
    return "";
  }
  return j[key].get<std::string>();
}

}  // namespace

std::optional<PackageRequirement> ParsePackageEntry(nlohmann::json const& p, std::string const& at,
                                                    std::string* error) {
  if (!p.is_object() || !p.contains("name") || !p["name"].is_string()) {
    *error = at + ".name must be a string";
    return std::nullopt;
  }
  PackageRequirement r;
  r.name = p["name"].get<std::string>();
  r.version = StringField(p, "version", at, error);
  r.server = StringField(p, "server", at, error);
  if (p.contains("parameterization")) {
    auto const& q = p["parameterization"];
    auto where = at + ".parameterization";
    if (!q.is_object()) {
      *error = where + " must be an object";
      return std::nullopt;
    }
    r.parameterization_name = StringField(q, "name", where, error);
    r.parameterization_version = StringField(q, "version", where, error);
    auto value = StringField(q, "value", where, error);
    if (error->empty() && r.parameterization_name.empty()) *error = where + ".name must be a non-empty string";
    if (error->empty()) {
      auto bytes = DecodeBase64(value);
      if (!bytes) {
        *error = where + ".value must be base64";
      } else {
        r.parameterization_value = std::move(*bytes);
      }
    }
  }
  if (!error->empty()) return std::nullopt;
  return r;
}

std::string PackageName(PackageRequirement const& p) {
  return p.parameterization_name.empty() ? p.name : p.parameterization_name;
}

std::string PackageVersion(PackageRequirement const& p) {
  return p.parameterization_name.empty() ? p.version : p.parameterization_version;
}

std::vector<PackageRequirement> ReadPackageManifest(std::string const& program_dir, std::string* error) {
  std::vector<PackageRequirement> out;
  fs::path path = fs::path(program_dir) / "pulumi-packages.json";
  std::ifstream in(path);
  if (!in) return out;
  auto j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  auto where = path.string();
  if (j.is_discarded() || !j.is_object()) {
    *error = where + ": not a JSON object";
    return {};
  }
  if (!j.contains("packages")) return out;
  if (!j["packages"].is_array()) {
    *error = where + ": $.packages must be an array";
    return {};
  }
  for (std::size_t i = 0; i < j["packages"].size(); ++i) {
    auto r = ParsePackageEntry(j["packages"][i], "$.packages[" + std::to_string(i) + "]", error);
    if (!r) {
      *error = where + ": " + *error;
      return {};
    }
    out.push_back(std::move(*r));
  }
  return out;
}

std::vector<PackageRequirement> ReadCMakePackages(std::string const& program_dir) {
  std::vector<PackageRequirement> out;
  std::ifstream in(fs::path(program_dir) / "CMakeLists.txt");
  if (!in) return out;
  std::string text;
  for (std::string line; std::getline(in, line);) {
    text += line.substr(0, line.find('#'));  // comments (a '#' inside a quoted argument is not expected here)
    text += '\n';
  }
  static constexpr std::string_view kCall = "pulumi_add_package(";
  for (auto pos = text.find(kCall); pos != std::string::npos; pos = text.find(kCall, pos + 1)) {
    if (pos > 0 && (std::isalnum(static_cast<unsigned char>(text[pos - 1])) || text[pos - 1] == '_')) continue;
    auto end = text.find(')', pos);
    if (end == std::string::npos) break;
    std::istringstream args(text.substr(pos + kCall.size(), end - pos - kCall.size()));
    std::vector<std::string> words;
    for (std::string w; args >> w;) {
      if (w.size() >= 2 && w.front() == '"' && w.back() == '"') w = w.substr(1, w.size() - 2);
      words.push_back(w);
    }
    if (words.empty()) continue;
    PackageRequirement r{.name = words[0]};
    for (std::size_t i = 1; i + 1 < words.size(); ++i) {
      if (words[i] == "VERSION") r.version = words[i + 1];
      if (words[i] == "PLUGIN_DOWNLOAD_URL") r.server = words[i + 1];
    }
    auto is_variable = [](std::string const& w) { return w.find("${") != std::string::npos; };
    if (r.version.empty() || is_variable(r.name) || is_variable(r.version) || is_variable(r.server)) continue;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<PackageRequirement> RequiredPackages(std::string const& program_dir, std::string* error) {
  auto packages = ReadPackageManifest(program_dir, error);
  if (!error->empty()) return {};
  auto add = [&](PackageRequirement p) {
    for (auto const& q : packages) {
      if (PackageName(q) == PackageName(p)) return;
    }
    packages.push_back(std::move(p));
  };
  for (auto& p : ReadCMakePackages(program_dir)) add(std::move(p));
  auto linked = LinkedPackages(program_dir, error);
  if (!error->empty()) return {};
  for (auto& l : linked) add(std::move(l.requirement));
  return packages;
}

std::string BuildDirectory(std::string const& program_dir) {
  std::error_code ec;
  auto canonical = fs::weakly_canonical(program_dir, ec);
  std::string key = ec ? program_dir : canonical.string();
  char const* root = std::getenv("PULUMI_CPP_PROGRAM_BUILD_ROOT");
  std::string programs = root && *root ? std::string(root) : CacheRoot() + "/programs";
  return programs + "/" + fs::path(key).filename().string() + "-" + Hex64(Fnv1a(key));
}

std::string SdkPackageDirectory() {
  if (char const* d = std::getenv("PULUMI_CPP_PACKAGE_DIR"); d && *d) return d;
  // Installed (cmake --install, the .deb): the package lies at a fixed place relative to the host's bin/.
  std::error_code ec;
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto installed = (exe.parent_path() / PULUMI_CPP_INSTALLED_PACKAGE_DIR).lexically_normal();
    if (fs::exists(installed / "PulumiCppConfig.cmake", ec)) return installed.string();
  }
  return PULUMI_CPP_DEFAULT_PACKAGE_DIR;
}

BuildResult BuildProgram(std::string const& program_dir, std::string const& target, RuntimeOptions const& options,
                         OutputSink const& sink) {
  BuildResult result;
  std::string build_dir = BuildDirectory(program_dir);
  std::string log;
  auto tee = [&](Stream s, std::string_view data) {
    log.append(data);
    if (sink) sink(s, data);
  };
  auto run = [&](std::vector<std::string> argv) {
    std::string error;
    auto p = Subprocess::Start({.argv = std::move(argv), .cwd = program_dir, .env = {}, .capture = true}, &error);
    if (!p) {
      log += error + "\n";
      return 127;
    }
    return p->Wait(tee);
  };
  std::string link_error;
  auto links = ResolvedLocalDependencies(program_dir, &link_error);
  if (!link_error.empty()) {
    result.error = link_error;
    return result;
  }
  std::string sdk_dir = SdkPackageDirectory();
  std::vector<std::string> package_dirs;
  for (auto const& [name, dir] : links) {
    if (name == "pulumi") {
      sdk_dir = dir;
    } else {
      package_dirs.push_back("-Dpulumi-" + name + "_DIR=" + dir);
    }
  }
  std::vector<std::string> configure = {"cmake",
                                        "-S",
                                        program_dir,
                                        "-B",
                                        build_dir,
                                        "-G",
                                        "Ninja",
                                        "-DCMAKE_BUILD_TYPE=" + options.build_type,
                                        "-DPulumiCpp_DIR=" + sdk_dir,
                                        "-DCMAKE_RUNTIME_OUTPUT_DIRECTORY=" + build_dir + "/bin"};
  configure.insert(configure.end(), package_dirs.begin(), package_dirs.end());
  if (access("/usr/bin/ccache", X_OK) == 0) configure.emplace_back("-DCMAKE_CXX_COMPILER_LAUNCHER=ccache");
  // Configured once; again when the arguments change (e.g. Link pointed a package elsewhere).
  std::string arguments;
  for (auto const& a : configure) arguments += a + "\n";
  fs::path arguments_file = fs::path(build_dir) / "pulumi-configure-arguments";
  std::string previous;
  if (std::ifstream in(arguments_file); in) previous.assign(std::istreambuf_iterator<char>(in), {});
  if (!fs::exists(fs::path(build_dir) / "CMakeCache.txt") || previous != arguments) {
    if (run(configure) != 0) {
      // A failed configure must not leave a cache that later builds would trust.
      std::error_code ec;
      fs::remove(fs::path(build_dir) / "CMakeCache.txt", ec);
      fs::remove(arguments_file, ec);
      result.error = "configuring the C++ program in " + program_dir + " failed:\n" + Tail(log, 4000);
      return result;
    }
    std::ofstream(arguments_file, std::ios::trunc) << arguments;
  }
  if (run({"cmake", "--build", build_dir, "--target", target}) != 0) {
    result.error = "building the C++ program (target '" + target + "') failed:\n" + Tail(log, 4000);
    return result;
  }
  result.binary = build_dir + "/bin/" + target;
  if (access(result.binary.c_str(), X_OK) != 0) {
    result.error = "the build did not produce " + result.binary +
                   ": the program's CMakeLists.txt must define an executable named '" + target +
                   "' (the project name, or runtime.options.target in Pulumi.yaml)";
    return result;
  }
  result.ok = true;
  return result;
}

RuntimeOptions ParseRuntimeOptions(std::string const& yaml) {
  RuntimeOptions options;
  std::istringstream in(yaml);
  bool in_runtime = false, in_options = false;
  std::size_t options_indent = 0;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto indent = line.find_first_not_of(' ');
    if (indent == std::string::npos || line[indent] == '#') continue;
    std::string content = line.substr(indent);
    if (indent == 0) {
      in_runtime = content == "runtime:";
      in_options = false;
      continue;
    }
    if (!in_runtime) continue;
    if (in_options && indent <= options_indent) in_options = false;
    if (!in_options) {
      if (content == "options:") {
        in_options = true;
        options_indent = indent;
      }
      continue;
    }
    auto colon = content.find(':');
    if (colon == std::string::npos) continue;
    std::string key = content.substr(0, colon);
    std::string value = content.substr(colon + 1);
    auto b = value.find_first_not_of(" \t");
    value = b == std::string::npos ? "" : value.substr(b, value.find_last_not_of(" \t") - b + 1);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    if (key == "binary") {
      options.binary = value;
    } else if (key == "target") {
      options.target = value;
    } else if (key == "buildType" && !value.empty()) {
      options.build_type = value;
    }
  }
  return options;
}

std::optional<std::string> FindBinary(std::string const& program_dir, std::string const& binary) {
  if (binary.find('/') != std::string::npos) {
    fs::path p = fs::path(binary).is_absolute() ? fs::path(binary) : fs::path(program_dir) / binary;
    if (access(p.c_str(), X_OK) == 0) return p.string();
    return std::nullopt;
  }
  if (auto local = fs::path(program_dir) / binary; access(local.c_str(), X_OK) == 0) return local.string();
  char const* path = std::getenv("PATH");
  std::stringstream ss(path ? path : "");
  std::string dir;
  while (std::getline(ss, dir, ':')) {
    auto candidate = fs::path(dir) / binary;
    if (!dir.empty() && access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return std::nullopt;
}

}  // namespace pulumi::host
