// What a C++ package is on disk (doc/adr/0010-conformance-packaging.md): the files GeneratePackage adds to
// pulumi-gen-cpp's tree, and the artifacts Pack makes of a generated package and of the core SDK.
#ifndef PULUMI_HOST_PACKAGE_ARTIFACTS_H
#define PULUMI_HOST_PACKAGE_ARTIFACTS_H

#include "pulumi/codegen/schema.h"

#include <map>
#include <string>

namespace pulumi::host {

/// Adds to `files` (the generated tree) the CMake package `pulumi-<name>Config.cmake` (targets
/// pulumi::<name> and pulumi::<name>::<module>), `pulumi-<name>ConfigVersion.cmake` and pulumi-package.json
/// (with the schema's parameterization, read from `schema_text`). Deterministic: a function of the schema
/// only. Returns an error naming the JSON path, or "".
std::string AddPackageFiles(std::string const& schema_text, codegen::Package const& package,
                            std::map<std::string, std::string>* files);

struct PackResult {
  std::string artifact;  ///< absolute directory, when error is empty
  std::string error;
};

/// Pack: a generated package (it has pulumi-package.json) is copied to <dest>/<name>-<version>/; the core
/// SDK's source (its CMakeLists.txt says project(pulumi-cpp VERSION <v>)) becomes <dest>/pulumi-cpp-<v>/, a
/// CMake package that includes the SDK package built from that source (SdkPackageDirectory()).
PackResult Pack(std::string const& package_dir, std::string const& destination_dir);

}  // namespace pulumi::host

#endif  // PULUMI_HOST_PACKAGE_ARTIFACTS_H
