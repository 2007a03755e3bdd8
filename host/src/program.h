// What the language host knows about a C++ Pulumi program: where it lives, how it is built, which
// provider packages it needs.
#ifndef PULUMI_HOST_PROGRAM_H
#define PULUMI_HOST_PROGRAM_H

#include "subprocess.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pulumi::host {

/// `runtime.options` of Pulumi.yaml.
struct RuntimeOptions {
  /// A prebuilt program to run instead of building one (a path relative to the program directory, or a
  /// name looked up in PATH).
  std::string binary;
  /// The CMake target to build; defaults to the project name.
  std::string target;
  std::string build_type = "RelWithDebInfo";
};

struct PackageRequirement {
  std::string name;
  std::string version;
  std::string server;  // plugin download URL
  std::string parameterization_name;
  std::string parameterization_version;
  std::string parameterization_value;  // the parameter's bytes (base64 in the JSON files)
};

/// One package entry in the format of pulumi-packages.json (also a generated package's pulumi-package.json):
/// {"name": "gcp", "version": "9.3.0", "server": "...", "parameterization": {"name", "version", "value"}},
/// where `value` is base64. `at` is the entry's JSON path, used in errors ("<at>.name must be a string").
std::optional<PackageRequirement> ParsePackageEntry(nlohmann::json const& entry, std::string const& at,
                                                    std::string* error);

/// The package's own name and version: the parameterized ones for a parameterized package.
std::string PackageName(PackageRequirement const& p);
std::string PackageVersion(PackageRequirement const& p);

/// Reads `pulumi-packages.json` in the program directory (absent means no packages):
/// {"packages": [{"name": "gcp", "version": "9.3.0", "server": "...", "parameterization": {...}}]}.
/// A malformed file is an error naming the file and the JSON path.
std::vector<PackageRequirement> ReadPackageManifest(std::string const& program_dir, std::string* error);

/// The packages named by `pulumi_add_package(<name> ... VERSION <v> [PLUGIN_DOWNLOAD_URL <url>] ...)` calls in
/// the program's CMakeLists.txt (no CMake run needed): what GetRequiredPackages reports, so that the engine
/// installs the plugin versions the bindings were generated for. Calls whose name or version is a CMake
/// variable are skipped.
std::vector<PackageRequirement> ReadCMakePackages(std::string const& program_dir);

/// The program's packages: pulumi-packages.json, plus the pulumi_add_package calls and the linked packages
/// (local_dependencies.h) it does not name.
std::vector<PackageRequirement> RequiredPackages(std::string const& program_dir, std::string* error);

/// The directory where the program is built, outside the project: <root>/<name>-<hash>, where root is
/// $PULUMI_CPP_PROGRAM_BUILD_ROOT, else $PULUMI_CPP_CACHE/programs (default ~/.cache/pulumi-cpp/programs).
std::string BuildDirectory(std::string const& program_dir);

/// The CMake package directory of the SDK (PulumiCppConfig.cmake): $PULUMI_CPP_PACKAGE_DIR, else the installed
/// package relative to this executable (<prefix>/bin -> <prefix>/lib/cmake/PulumiCpp), else the build tree's.
std::string SdkPackageDirectory();

struct BuildResult {
  bool ok = false;
  std::string binary;
  std::string error;  // with the tail of the build output
};

/// Configures (once) and builds the program incrementally; output goes to sink as it comes.
BuildResult BuildProgram(std::string const& program_dir, std::string const& target, RuntimeOptions const& options,
                         OutputSink const& sink);

/// `runtime.options` of a Pulumi.yaml, PulumiPolicy.yaml or PulumiPlugin.yaml text, read without a YAML library:
/// the block form (`runtime:`, indented `options:`, more indented `binary:`, `target:`, `buildType:`), with
/// quotes around a value removed. Anything else leaves the defaults.
RuntimeOptions ParseRuntimeOptions(std::string const& yaml);

/// Finds a prebuilt binary: relative to the program directory, else in PATH.
std::optional<std::string> FindBinary(std::string const& program_dir, std::string const& binary);

}  // namespace pulumi::host

#endif  // PULUMI_HOST_PROGRAM_H
