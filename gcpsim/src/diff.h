// Diff: what changes between a resource's checked inputs in the state and the new ones, per property path,
// and which of those changes replace it (force_new.h).
#ifndef GCPSIM_SRC_DIFF_H
#define GCPSIM_SRC_DIFF_H

#include "force_new.h"
#include "pulumi/property_value.h"

#include <string>
#include <vector>

namespace pulumi::gcpsim {

struct PropertyChange {
  enum class Kind { kAdd, kDelete, kUpdate };
  std::string path;  ///< Pulumi's property path: "settings.tier", "template.containers[0].image", labels["a.b"]
  Kind kind = Kind::kUpdate;
  bool replace = false;
};

struct DiffResult {
  std::vector<PropertyChange> changes;
  bool delete_before_replace = false;

  bool replaces() const;
  /// The top-level properties that changed, and those whose change replaces.
  std::vector<std::string> changed_keys() const;
  std::vector<std::string> replace_keys() const;

 private:
  std::vector<std::string> TopLevelKeys(bool replacing_only) const;
};

/// `olds` and `news` are checked inputs; unknown values (a preview) count as changes, and replace when a
/// replacing path is at or under them. Paths under `ignore_changes` are left out.
DiffResult DiffInputs(ForceNewTable const& table, std::string const& type, PropertyMap const& olds,
                      PropertyMap const& news, std::vector<std::string> const& ignore_changes = {});

/// The dotted form of a property path, without list indices or quotes: template.containers[0].image ->
/// template.containers.image.
std::string NormalizePath(std::string const& path);

}  // namespace pulumi::gcpsim

#endif  // GCPSIM_SRC_DIFF_H
