// The conformance programs built once, in one CMake build (prebuild/CMakeLists.txt), and staged for the suite
// with `runtime.options.binary` so that the language host runs them instead of building each on its own.
#ifndef PULUMI_TESTS_CONFORMANCE_PREBUILD_H
#define PULUMI_TESTS_CONFORMANCE_PREBUILD_H

#include <filesystem>
#include <functional>
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
  std::filesystem::path policies;     // tests/conformance/policies (optional): the policy packs, built too
  std::filesystem::path log;          // configure and build output
};

struct Prebuilt {
  /// Program directory relative to `programs` ("l1-main", "l1-builtin-stash/0") to its executable; a policy
  /// pack as "policies/<pack>".
  std::map<std::string, std::filesystem::path> binaries;
  std::string error;  // configure or build failed (the log has the details)
};

/// Configures the build (once; CMake re-globs the programs) and builds the executables of the programs of
/// `tests` that the build holds, and of every policy pack when a `policy-*` test is among them.
Prebuilt BuildPrograms(PrebuildSpec const& spec, std::vector<std::string> const& tests);

/// Copies programs/<test> to `staged` with every run's Pulumi.yaml naming its prebuilt binary, and returns
/// the override paths (as OverridePaths would for the original); "" in *error when something is missing.
std::vector<std::string> StageWithBinaries(std::filesystem::path const& test_dir, std::string const& test,
                                           std::filesystem::path const& staged, Prebuilt const& prebuilt,
                                           std::vector<std::string> const& override_paths, std::string* error);

/// Copies each policy pack under `source` (a directory with PulumiPolicy.yaml) to staged/<pack>, the directory
/// the suite takes packs from (PrepareLanguageTests.policy_pack_directory). A pack with a prebuilt executable
/// ("policies/<pack>") that `host_built` does not claim gets `runtime.options.binary` in its PulumiPolicy.yaml;
/// the others the host builds. Returns pack name to binary ("" for host-built); "" in *error when something
/// cannot be copied or rewritten.
std::map<std::string, std::string> StagePolicyPacks(std::filesystem::path const& source,
                                                    std::filesystem::path const& staged, Prebuilt const& prebuilt,
                                                    std::function<bool(std::string const& pack)> const& host_built,
                                                    std::string* error);

/// The Pulumi.yaml (or PulumiPolicy.yaml) text with `binary: <path>` under runtime.options (the forms `runtime: cpp`
/// and a `runtime:` block with `name: cpp` and optional `options:`); "" when the text has neither.
std::string WithBinaryOption(std::string const& pulumi_yaml, std::string const& binary);

}  // namespace conformance

#endif  // PULUMI_TESTS_CONFORMANCE_PREBUILD_H
