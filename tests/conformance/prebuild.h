// The conformance programs built once, in one CMake build (prebuild/CMakeLists.txt), and staged for the suite
// with `runtime.options.binary` so that the language host runs them instead of building each on its own.
#ifndef PULUMI_TESTS_CONFORMANCE_PREBUILD_H
#define PULUMI_TESTS_CONFORMANCE_PREBUILD_H

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace conformance {

struct PrebuildSpec {
  std::filesystem::path source;       // tests/conformance/prebuild
  std::filesystem::path build;        // the build directory (kept between runs)
  std::filesystem::path programs;     // tests/conformance/programs
  std::filesystem::path snapshots;    // tests/conformance/snapshots
  std::filesystem::path sdk_package;  // PulumiCpp_DIR
  std::filesystem::path log;          // configure and build output
};

struct Prebuilt {
  /// Program directory relative to `programs` ("l1-main", "l1-builtin-stash/0") to its executable.
  std::map<std::string, std::filesystem::path> binaries;
  std::string error;  // configure or build failed (the log has the details)
};

/// Configures the build (once; CMake re-globs the programs) and builds the executables of the programs of
/// `tests` that the build holds.
Prebuilt BuildPrograms(PrebuildSpec const& spec, std::vector<std::string> const& tests);

/// Copies programs/<test> to `staged` with every run's Pulumi.yaml naming its prebuilt binary, and returns
/// the override paths (as OverridePaths would for the original); "" in *error when something is missing.
std::vector<std::string> StageWithBinaries(std::filesystem::path const& test_dir, std::string const& test,
                                           std::filesystem::path const& staged, Prebuilt const& prebuilt,
                                           std::vector<std::string> const& override_paths, std::string* error);

/// The Pulumi.yaml text with `binary: <path>` under runtime.options (the forms `runtime: cpp` and a
/// `runtime:` block with `name: cpp` and optional `options:`); "" when the text has neither.
std::string WithBinaryOption(std::string const& pulumi_yaml, std::string const& binary);

}  // namespace conformance

#endif  // PULUMI_TESTS_CONFORMANCE_PREBUILD_H
