// Check: a resource's inputs against the gcp schema, as the provider's Check does before every create, update
// and preview: required inputs (with their nested path), types, enum values, unknown property names; schema
// defaults filled in; `name` autonamed. Unknown values (a preview) pass through unchecked.
#ifndef GCPSIM_SRC_CHECK_H
#define GCPSIM_SRC_CHECK_H

#include "catalog.h"

#include <string>
#include <vector>

namespace pulumi::gcpsim {

struct Failure {
  std::string property;  ///< the property path, "settings.tier"; "" for the whole resource
  std::string reason;    ///< what a user reads, naming the path
};

enum class Autonaming { kDefault, kPropose, kEnforce, kDisable };

struct CheckOptions {
  std::string urn_name;     ///< the resource's name in the program
  std::string random_seed;  ///< CheckRequest.randomSeed: the autoname's suffix derives from it
  Autonaming autonaming = Autonaming::kDefault;
  std::string proposed_name;          ///< with kPropose/kEnforce
  PropertyMap const* olds = nullptr;  ///< the previous inputs: an earlier autoname is kept
};

struct CheckResult {
  PropertyMap inputs;
  std::vector<Failure> failures;
};

CheckResult CheckResource(Catalog const& catalog, codegen::Resource const& resource, PropertyMap const& news,
                          CheckOptions const& options);

/// The arguments of a function call (Invoke), checked the same way (no defaults, no names).
std::vector<Failure> CheckFunctionArgs(Catalog const& catalog, codegen::Function const& function,
                                       PropertyMap const& args);

/// "<urn name>-<7 hex digits>", the suffix derived from the seed (the same seed gives the same name).
std::string AutoName(std::string const& urn_name, std::string const& random_seed);

}  // namespace pulumi::gcpsim

#endif  // GCPSIM_SRC_CHECK_H
