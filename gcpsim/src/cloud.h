// The simulated cloud's operations, as the provider calls them: the model computes what Google would return,
// the rules refuse what Google would refuse, the store keeps the result. Previews never write.
#ifndef GCPSIM_SRC_CLOUD_H
#define GCPSIM_SRC_CLOUD_H

#include "catalog.h"
#include "pulumi/gcpsim/model.h"
#include "store.h"

#include <absl/status/statusor.h>

#include <optional>
#include <string>
#include <vector>

namespace pulumi::gcpsim {

class Cloud {
 public:
  Cloud(Store& store, Catalog const& catalog, Placement defaults)
      : store_(store), catalog_(catalog), defaults_(std::move(defaults)) {}

  Placement const& defaults() const { return defaults_; }
  void set_defaults(Placement p) { defaults_ = std::move(p); }

  /// What a create would return, computed values unknown; nothing is written.
  ModelOutput PreviewCreate(std::string const& type, std::string const& name, PropertyMap const& inputs) const;
  absl::StatusOr<ModelOutput> Create(std::string const& type, std::string const& urn, std::string const& name,
                                     PropertyMap const& inputs);
  /// The resource as the cloud holds it now; nullopt when it is gone.
  absl::StatusOr<std::optional<StoredResource>> Read(std::string const& type, std::string const& id);
  /// An in-place update: the computed values that do not change on update (ids, addresses, create times) are kept.
  absl::StatusOr<ModelOutput> Update(std::string const& type, std::string const& id, std::string const& urn,
                                     std::string const& name, PropertyMap const& news, bool preview);
  /// Deletes; a resource that is already gone counts as deleted.
  absl::Status Delete(std::string const& type, std::string const& id, PropertyMap const& state);
  /// A provider function (data source).
  absl::StatusOr<PropertyMap> Invoke(std::string const& token, PropertyMap const& args);

  /// VMs boot GCPSIM_VM_BOOT_SECONDS (default 0) after they are created, at the next create, update or delete
  /// (or here). A boot does what the simulator understands of the VM's startup script: the first version of a
  /// secret that the script adds with `gcloud secrets versions add` (cloud_boot.cc). `all`: every pending VM
  /// boots now, as if the time had passed. Returns the ids of the VMs that booted.
  absl::StatusOr<std::vector<std::string>> BootDueVms(bool all = false);

 private:
  /// A create inside a write transaction.
  absl::StatusOr<ModelOutput> CreateIn(Store& store, std::string const& type, std::string const& urn,
                                       std::string const& name, PropertyMap const& inputs);
  absl::StatusOr<std::vector<std::string>> BootDueVmsIn(Store& store, bool all);
  absl::Status FirstBoot(Store& store, StoredResource const& vm);
  static absl::Status ScheduleFirstBoot(Store& store, std::string const& instance);

  ModelOutput Compute(std::string const& type, std::string const& name, PropertyMap const& inputs, bool preview,
                      std::string const& create_time, AddressSpace& addresses) const;

  Store& store_;
  Catalog const& catalog_;
  Placement defaults_;
};

}  // namespace pulumi::gcpsim

#endif  // GCPSIM_SRC_CLOUD_H
