// The relationships the real Google APIs enforce between resources, checked against the simulated cloud
// before a create, an update or a delete. Each refusal reads like the API's error ("googleapi: Error 404: ...").
#ifndef GCPSIM_SRC_RULES_H
#define GCPSIM_SRC_RULES_H

#include "pulumi/gcpsim/model.h"
#include "store.h"

#include <absl/status/status.h>

#include <optional>
#include <string>

namespace pulumi::gcpsim {

/// Before a create or update of `type` with these (checked) inputs: everything they refer to must exist
/// (and be usable: a disk in the instance's zone, a private service connection on a Cloud SQL network).
absl::Status CheckReferences(Store& store, std::string const& type, PropertyMap const& inputs,
                             Placement const& placement);

/// Before a delete. `state` is the resource as Pulumi's state has it (what the engine sends): the provider's
/// deletion protection is read from there, as the real provider does; the cloud's own protection flags and
/// dependents from `stored`.
absl::Status CheckDelete(Store& store, StoredResource const& stored, PropertyMap const& state);

/// After a delete: removes what goes with the resource in the real cloud (a secret's versions, an instance's
/// databases and users, a network's abandoned peering and what its producers held).
absl::Status RemoveDependents(Store& store, StoredResource const& deleted);

/// The stored resource of `type` that `reference` names: its id, self link, full path or bare name.
absl::StatusOr<std::optional<StoredResource>> FindReferenced(Store& store, std::string const& type,
                                                             std::string const& reference);

}  // namespace pulumi::gcpsim

#endif  // GCPSIM_SRC_RULES_H
