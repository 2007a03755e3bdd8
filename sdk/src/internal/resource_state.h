// The SDK's record of one resource: its identity and the outputs the engine resolves.
#ifndef PULUMI_SRC_INTERNAL_RESOURCE_STATE_H
#define PULUMI_SRC_INTERNAL_RESOURCE_STATE_H

#include "pulumi/internal/output_state.h"
#include "pulumi/property_value.h"

#include <map>
#include <memory>
#include <string>

namespace pulumi::internal {

struct ResourceState {
  ResourceState(std::shared_ptr<Runtime> const& rt, std::string type_, std::string name_, bool custom_)
      : type(std::move(type_)),
        name(std::move(name_)),
        custom(custom_),
        urn(NewOutputState<std::string>(rt)),
        id(NewOutputState<std::string>(rt)),
        outputs(NewOutputState<PropertyMap>(rt)) {}

  /// The dependency that a reference to `of` carries (ReferenceTo): `of`'s URN, id and outputs, marked with
  /// reference_of. Everywhere it stands for `of`, except that the registration of a remote component and a
  /// method call leave it out of their property dependencies, as Pulumi's other SDKs leave out resource
  /// references there (a property that only refers to resources has no dependencies).
  explicit ResourceState(std::shared_ptr<ResourceState> const& of)
      : type(of->type),
        name(of->name),
        custom(of->custom),
        is_provider(of->is_provider),
        remote(of->remote),
        package_ref(of->package_ref),
        package(of->package),
        urn(of->urn),
        id(of->id),
        outputs(of->outputs),
        reference_of(of) {}

  std::string const type;
  std::string const name;
  bool const custom;
  bool is_provider = false;
  bool remote = false;      // a component its provider constructs
  std::string package_ref;  // the engine's reference for a parameterized package (pulumi/package.h)
  std::string package;      // for providers: the package they serve

  // Their dependencies do not include this resource (that would be a reference cycle); the public
  // accessors add it.
  std::shared_ptr<OutputState<std::string>> const urn;
  std::shared_ptr<OutputState<std::string>> const id;
  std::shared_ptr<OutputState<PropertyMap>> const outputs;

  /// Set on the dependency of a resource reference (see the constructor above): the resource referred to.
  std::shared_ptr<ResourceState> const reference_of;

  /// Providers by package, inherited by children.
  std::map<std::string, ResourceStatePtr> providers;

  /// The provider, version and download URL the resource was registered with, which calls of its methods use.
  ResourceStatePtr provider;
  std::string version;
  std::string plugin_download_url;

  /// Output properties the engine did not return are unknown rather than absent: the engine skipped the
  /// registration (a dependency failed) or left its outputs unknown. Set before `outputs` settles.
  bool missing_outputs_unknown = false;

  /// The resources each output property depends on besides this one, as the engine reported them (a remote
  /// component's Construct output dependencies, e.g. the child an output comes from). Set before `outputs`
  /// settles.
  std::map<std::string, Dependencies> output_deps;

  /// Rejects every output that is still pending (used when the program ends early).
  void RejectPending(std::string const& error) {
    urn->Reject(error);
    id->Reject(error);
    outputs->Reject(error);
  }
};

/// `deps` without the dependencies that only stand for resource references (ResourceState::reference_of).
inline Dependencies WithoutReferences(Dependencies const& deps) {
  Dependencies out;
  for (auto const& d : deps) {
    if (!d->reference_of) out.push_back(d);
  }
  return out;
}

/// The package of a type token: "gcp" for "gcp:sql/databaseInstance:DatabaseInstance", "gcp" for
/// "pulumi:providers:gcp".
std::string PackageOfType(std::string const& type);

}  // namespace pulumi::internal

#endif  // PULUMI_SRC_INTERNAL_RESOURCE_STATE_H
