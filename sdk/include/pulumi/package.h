// Parameterized packages: a package whose provider is another plugin given a parameter (e.g. a Terraform
// provider bridged by pulumi-terraform-provider). Its resources and invokes name the package by the
// reference the engine returns when the package is registered; generated SDKs do this themselves.
//
//   auto ref = pulumi::PackageReference(ctx, {.name = "terraform-provider", .version = "0.8.0",
//                                             .parameterization = pulumi::PackageParameterization{
//                                                 .name = "random", .version = "3.6.0", .value_base64 = "..."}});
//   pulumi::CustomResource pet(ctx, "random:index/pet:Pet", "pet", {}, {}, ref);
#ifndef PULUMI_PACKAGE_H
#define PULUMI_PACKAGE_H

#include "pulumi/context.h"

#include <optional>
#include <stdexcept>
#include <string>

namespace pulumi {

/// The package a base plugin becomes with a parameter.
struct PackageParameterization {
  std::string name{};          ///< the parameterized package's name, e.g. "random"
  std::string version{};       ///< its version
  std::string value_base64{};  ///< the parameter, base64-encoded (as in the schema's parameterization)
};

/// A package as the engine loads it: the plugin (name, version, download URL) and its parameterization.
struct PackageDescriptor {
  std::string name{};
  std::string version{};
  std::string download_url{};
  std::optional<PackageParameterization> parameterization{};
};

class PackageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The engine's reference for the package (RegisterPackage), registered once per run and package; blocks
/// the first time. Throws PackageError when the engine refuses it or the value is not base64.
std::string PackageReference(Context& ctx, PackageDescriptor const& package);

}  // namespace pulumi

#endif  // PULUMI_PACKAGE_H
