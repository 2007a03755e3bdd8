// The steps of a resource's registration, from its constructor to the engine and back. RegisterResource
// (registration.cc) runs them in this order:
//
//   1. PlaceResource        options            -> parent, provider, providers (recorded on the resource)
//   2. AwaitPrerequisites   hooks, trigger, id -> Prerequisites (the trigger's value, the id to read)
//   3. AwaitInputs          inputs             -> ResolvedInputs (values, property dependencies)
//   4. DependenciesOf       the above          -> what to await (URNs, ids) and the request's dependencies
//   5. RegisterRequest / ReadRequest           -> the request (SetOptionFields: the options' own fields)
//   6. OutputsFrom, OutputDependencies, SettleResource: the response -> the resource's URN, id and outputs
#ifndef PULUMI_SRC_INTERNAL_REGISTRATION_STEPS_H
#define PULUMI_SRC_INTERNAL_REGISTRATION_STEPS_H

#include "internal/property_codec.h"
#include "internal/registration.h"
#include "internal/resource_state.h"
#include "internal/runtime.h"
#include "internal/stubs.h"
#include "pulumi/resource.h"

#include <absl/status/statusor.h>

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace pulumi::internal {

/// How requests encode values, given what the engine supports.
EncodeOptions RequestEncoding(Features const& features);

/// Step 1: where a resource sits.
struct Placement {
  ResourceStatePtr parent;    // opts.parent, else the stack (none for the stack itself)
  ResourceStatePtr provider;  // the provider of a custom resource or remote component, if any
  /// opts.providers by package, and a component's opts.provider: sent as the request's providers.
  std::map<std::string, ResourceStatePtr> providers;
};

/// Resolves the placement and records on `res` the providers its children inherit, its own provider, and
/// the version and download URL its method calls use.
Placement PlaceResource(ResourceState& res, ResourceStatePtr const& stack, ResourceOptions const& opts);

/// Step 2: what a registration waits for before its inputs.
struct Prerequisites {
  /// The replacement trigger as sent (secret-wrapped, computed when unknown), and what it depends on.
  std::optional<PropertyValue> trigger;
  Dependencies trigger_deps;
  /// Reading: the id (the unknown sentinel while it is unknown), and what it depends on.
  std::optional<std::string> id_to_read;
  Dependencies id_deps;
};

/// Waits for the registrations of the hooks bound in `opts`, then the replacement trigger, then the id to
/// read; a failure among them is passed on as an error that has already been reported.
void AwaitPrerequisites(ResourceOptions const& opts, std::optional<Input<std::string>> read_id,
                        std::function<void(std::optional<std::string> error, Prerequisites pre)> done);

/// Step 4: the resources a registration waits for, and those it names as its dependencies.
struct RegistrationDependencies {
  /// Whose URNs the request names: the inputs', the trigger's, the id's, depends_on, the parent, the
  /// providers, deleted_with, replace_with and the aliases' parents.
  Dependencies urns;
  /// Whose ids it names too: the providers (a provider reference is "<urn>::<id>").
  Dependencies ids;
  /// The request's dependencies: the inputs', the trigger's and the id's, then depends_on.
  Dependencies dependencies;
};

/// True when the resource's property dependencies leave out resource references: a remote component's, when
/// the engine takes references (as Pulumi's other SDKs do, so that its provider does not make an output of a
/// property that only refers to resources).
bool DropsReferences(ResourceState const& res, Features const& features);

RegistrationDependencies DependenciesOf(ResourceState const& res, ResolvedInputs const& in, Prerequisites const& pre,
                                        ResourceOptions const& opts, Placement const& placement,
                                        Features const& features);

/// Step 5: the request, once everything it names has settled.
pulumirpc::RegisterResourceRequest RegisterRequest(ResourceState const& res, Placement const& placement,
                                                   ResourceOptions const& opts, ResolvedInputs const& in,
                                                   Prerequisites const& pre, Dependencies const& dependencies,
                                                   Features const& features);
pulumirpc::ReadResourceRequest ReadRequest(ResourceState const& res, Placement const& placement,
                                           ResourceOptions const& opts, ResolvedInputs const& in, std::string const& id,
                                           Dependencies const& dependencies, Features const& features);

/// The fields of a RegisterResourceRequest that come from the options alone. An unset option sends the
/// field's zero value (deleteBeforeReplaceDefined says whether delete_before_replace is set).
void SetOptionFields(pulumirpc::RegisterResourceRequest& req, ResourceOptions const& opts, Features const& features);

/// Step 6: the resource's outputs from the properties the engine returned, output values made plain. In a
/// preview (`preview`: a dry run, or outputs the engine left unknown) an input it did not return is unknown,
/// and so is a missing additional secret output (and secret); otherwise the input stands.
absl::StatusOr<PropertyMap> OutputsFrom(google::protobuf::Struct const& returned, PropertyMap const& inputs,
                                        bool preview,
                                        google::protobuf::RepeatedPtrField<std::string> const& secret_outputs);

/// What a remote component's outputs depend on besides itself: the resources its provider named.
std::map<std::string, Dependencies> OutputDependencies(std::shared_ptr<Runtime> const& rt,
                                                       pulumirpc::RegisterResourceResponse const& resp);

/// Settles the URN, id and outputs; a custom resource without an id in a preview has an unknown id.
void SettleResource(ResourceState& res, std::string const& urn, std::string const& id, PropertyMap outputs,
                    bool preview, bool unknown);

}  // namespace pulumi::internal

#endif  // PULUMI_SRC_INTERNAL_REGISTRATION_STEPS_H
