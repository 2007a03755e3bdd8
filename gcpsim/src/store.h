// The simulated cloud: every resource the simulator has created, in an SQLite database on disk. Several
// provider processes (one per pulumi command, and the operator command) share it; every write is one
// transaction, and a writer waits for another rather than failing.
#ifndef GCPSIM_SRC_STORE_H
#define GCPSIM_SRC_STORE_H

#include "pulumi/property_value.h"

#include <absl/status/statusor.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace pulumi::gcpsim {

/// One resource as the cloud holds it.
struct StoredResource {
  std::string type;     ///< the Pulumi type token, e.g. "gcp:compute/network:Network"
  std::string id;       ///< the provider id
  std::string name;     ///< the resource's name in the program (the URN's last part)
  std::string urn;      ///< the URN that created it ("" when made by the operator)
  PropertyMap inputs;   ///< as checked (defaults and autoname applied)
  PropertyMap outputs;  ///< as the cloud computes them
  std::string created;  ///< RFC 3339
  std::string updated;
};

/// The current time as the cloud stamps resources: RFC 3339, UTC, seconds.
std::string NowRfc3339();

/// Where the database lives: $GCPSIM_DB, else `configured` (the provider's `gcpsim:database` config), else
/// $XDG_CACHE_HOME/pulumi-cpp/gcpsim/cloud.db, else ~/.cache/pulumi-cpp/gcpsim/cloud.db.
std::string DefaultDatabasePath(std::string const& configured = "");

class Store {
 public:
  /// Opens (creating it and its folder when missing) the database at `path`.
  static absl::StatusOr<std::unique_ptr<Store>> Open(std::string const& path);
  ~Store();
  Store(Store const&) = delete;
  Store& operator=(Store const&) = delete;

  std::string const& path() const { return path_; }

  /// A write transaction: `fn` runs with the database locked against other writers (BEGIN IMMEDIATE) and its
  /// changes commit when it returns OK; otherwise they roll back and its status is returned.
  absl::Status Write(std::function<absl::Status(Store&)> const& fn);

  // Reads and writes; inside Write() they belong to its transaction.
  absl::StatusOr<std::optional<StoredResource>> Get(std::string const& type, std::string const& id);
  /// Resources of `type` ("" for all), in creation order.
  absl::StatusOr<std::vector<StoredResource>> List(std::string const& type = "");
  absl::Status Put(StoredResource const& r);  ///< insert or replace
  absl::Status Remove(std::string const& type, std::string const& id);
  absl::Status RemoveAll();

  /// The lowest host address of `cidr` ("10.100.0.0/16") that no other owner holds in `pool`, recorded for
  /// `owner`; the same owner asking again gets the same address. Network and broadcast addresses, and the
  /// first address (the gateway), are never given out.
  absl::StatusOr<std::string> Allocate(std::string const& pool, std::string const& cidr, std::string const& owner);
  absl::Status Release(std::string const& owner);

  /// The services that used a network's private services access (Cloud SQL, Memorystore). Google keeps their
  /// side of the peering for days after they are deleted, so the record outlives them: only deleting the
  /// network forgets it.
  absl::Status RecordProducer(std::string const& network, std::string const& producer);
  absl::StatusOr<std::vector<std::string>> Producers(std::string const& network);
  absl::Status ForgetProducers(std::string const& network);

  /// VMs that have yet to boot (see Cloud::BootDueVms): the instance's id and when it boots (Unix seconds).
  absl::Status ScheduleBoot(std::string const& instance, std::int64_t due);
  /// The instances due at `now` (every pending one when `now` is negative), forgotten as they are returned.
  absl::StatusOr<std::vector<std::string>> TakeDueBoots(std::int64_t now);

 private:
  Store(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  absl::Status Exec(char const* sql);

  sqlite3* db_;
  std::string path_;
};

}  // namespace pulumi::gcpsim

#endif  // GCPSIM_SRC_STORE_H
