// Which input changes make Google replace a resource. The reconstructed gcp schema cannot say (the Go SDK it
// comes from does not record `willReplaceOnChanges`), so the table is data: gcpsim/data/force_new.json, read
// from terraform-provider-google-beta's ForceNew flags for every type Apex uses (its `source` per entry).
//
// Terraform's rules: a listed property replaces on any change; a listed block (an object or a list of objects,
// `_blockForceNew`) only when it is added or removed or its element count changes, while a change inside it
// replaces only when that nested path is listed too.
#ifndef GCPSIM_SRC_FORCE_NEW_H
#define GCPSIM_SRC_FORCE_NEW_H

#include <absl/status/statusor.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace pulumi::gcpsim {

class ForceNewTable {
 public:
  /// The table built into the simulator.
  static ForceNewTable const& Builtin();
  /// Parses the table's JSON; the error names the JSON path.
  static absl::StatusOr<ForceNewTable> Parse(std::string const& json);

  /// Whether a change at `path` (dotted, no list indices: "settings.collation") replaces a `type`.
  /// `structural` is a change of the value's shape there (added, removed, element count), which is what a
  /// listed block replaces on.
  bool Replaces(std::string const& type, std::string const& path, bool structural) const;
  /// Whether a listed path lies under `path` (an unknown value there may hide a replacing change).
  bool AnyUnder(std::string const& type, std::string const& path) const;
  bool DeleteBeforeReplace(std::string const& type) const { return delete_before_replace_.contains(type); }

  std::vector<std::string> Types() const;
  std::set<std::string> const& Paths(std::string const& type) const;
  bool IsBlock(std::string const& type, std::string const& path) const;

 private:
  std::map<std::string, std::set<std::string>> paths_;
  std::map<std::string, std::set<std::string>> blocks_;
  std::set<std::string> delete_before_replace_;
};

}  // namespace pulumi::gcpsim

#endif  // GCPSIM_SRC_FORCE_NEW_H
