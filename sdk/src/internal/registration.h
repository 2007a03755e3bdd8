// Registration of resources with the engine: awaiting inputs and dependencies, building the requests,
// resolving the outputs from the responses.
#ifndef PULUMI_SRC_INTERNAL_REGISTRATION_H
#define PULUMI_SRC_INTERNAL_REGISTRATION_H

#include "internal/resource_state.h"
#include "internal/runtime.h"
#include "pulumi/resource.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pulumi::internal {

inline constexpr char kStackType[] = "pulumi:pulumi:Stack";

/// Inputs once every output among them has settled: values (secret-wrapped, unknowns computed) and the
/// resources each property depends on.
struct ResolvedInputs {
  PropertyMap values;
  std::map<std::string, Dependencies> property_deps;
  Dependencies all_deps;
  bool any_secret = false;
  bool any_unknown = false;
};

/// Waits for every input, then calls done on the executor; a failed input is passed on as an error that
/// has already been reported.
void AwaitInputs(PropertyInputs const& inputs,
                 std::function<void(std::optional<std::string> error, ResolvedInputs inputs)> done);

/// Waits for the URNs of the given resources (and the ids of `ids`), then calls done; a failed
/// registration among them is passed on as an error.
void AwaitResources(Dependencies const& urns, Dependencies const& ids,
                    std::function<void(std::optional<std::string> error)> done);

/// The URN of a resource whose URN has settled ("" if it is unknown).
std::string KnownUrn(ResourceStatePtr const& r);
std::vector<std::string> KnownUrns(Dependencies const& deps);
/// "<urn>::<id>" for a provider whose URN and id have settled.
std::string ProviderReference(ResourceStatePtr const& provider);

/// Creates and registers (or reads, when read_id is set) a resource. `remote`: a component that its
/// provider constructs (Construct), with the provider of its package like a custom resource's.
/// `package_ref`: the reference of a parameterized package (pulumi/package.h), or "".
ResourceStatePtr RegisterResource(std::shared_ptr<Runtime> const& rt, std::string type, std::string name, bool custom,
                                  PropertyInputs inputs, ResourceOptions const& opts,
                                  std::optional<Input<std::string>> read_id = std::nullopt,
                                  std::string provider_package = "", bool remote = false, std::string package_ref = "");

/// Sends RegisterResourceOutputs once the outputs and the resource's URN have settled.
void RegisterOutputs(std::shared_ptr<Runtime> const& rt, ResourceStatePtr const& resource,
                     PropertyInputs const& outputs);

/// A resource known by its URN only (settled URN, empty id, no outputs), for dependencies the engine names:
/// resources of a remote component or of a method call that the program did not register itself.
ResourceStatePtr DependencyOn(std::shared_ptr<Runtime> const& rt, std::string const& urn);

/// One DependencyOn for each of `urns` but `except` (when not empty): the resources a response names, e.g.
/// a remote component's output dependencies (not the component itself) or a method call's result's.
Dependencies DependenciesOn(std::shared_ptr<Runtime> const& rt,
                            google::protobuf::RepeatedPtrField<std::string> const& urns, std::string_view except = {});

/// Converts output-value objects the engine may send into plain, secret or computed values.
PropertyValue NormalizeOutputValues(PropertyValue const& v);

}  // namespace pulumi::internal

#endif  // PULUMI_SRC_INTERNAL_REGISTRATION_H
