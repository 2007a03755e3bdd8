#include "store.h"

#include "values.h"

#include <sqlite3.h>

#include <arpa/inet.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace pulumi::gcpsim {
namespace {

constexpr char kSchema[] = R"sql(
CREATE TABLE IF NOT EXISTS resources (
  type TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, urn TEXT NOT NULL,
  inputs TEXT NOT NULL, outputs TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (type, id));
CREATE TABLE IF NOT EXISTS allocations (
  pool TEXT NOT NULL, address INTEGER NOT NULL, owner TEXT NOT NULL,
  PRIMARY KEY (pool, address));
CREATE INDEX IF NOT EXISTS allocations_owner ON allocations (owner);
CREATE TABLE IF NOT EXISTS producers (
  network TEXT NOT NULL, producer TEXT NOT NULL,
  PRIMARY KEY (network, producer));
CREATE TABLE IF NOT EXISTS boots (
  instance TEXT NOT NULL PRIMARY KEY, due INTEGER NOT NULL);
)sql";

absl::Status SqlError(sqlite3* db, std::string const& what) {
  return absl::InternalError("gcpsim database: " + what + ": " + sqlite3_errmsg(db));
}

/// A prepared statement, finalized on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, char const* sql) : db_(db) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  bool ok() const { return rc_ == SQLITE_OK; }
  void Bind(int i, std::string const& v) {
    sqlite3_bind_text(stmt_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  int Step() { return sqlite3_step(stmt_); }
  std::string Text(int i) const {
    auto const* p = reinterpret_cast<char const*>(sqlite3_column_text(stmt_, i));
    return p ? p : "";
  }
  std::int64_t Int(int i) const { return sqlite3_column_int64(stmt_, i); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_ERROR;
};

absl::StatusOr<StoredResource> RowToResource(Statement const& st) {
  StoredResource r;
  r.type = st.Text(0);
  r.id = st.Text(1);
  r.name = st.Text(2);
  r.urn = st.Text(3);
  auto inputs = FromJson(st.Text(4));
  if (!inputs.ok())
    return absl::DataLossError("gcpsim database: the inputs of " + st.Text(1) + ": " + inputs.status().ToString());
  auto outputs = FromJson(st.Text(5));
  if (!outputs.ok())
    return absl::DataLossError("gcpsim database: the outputs of " + st.Text(1) + ": " + outputs.status().ToString());
  r.inputs = *std::move(inputs);
  r.outputs = *std::move(outputs);
  r.created = st.Text(6);
  r.updated = st.Text(7);
  return r;
}

}  // namespace

std::string NowRfc3339() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string DefaultDatabasePath(std::string const& configured) {
  if (char const* env = std::getenv("GCPSIM_DB"); env && *env) return env;
  if (!configured.empty()) return configured;
  if (char const* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/pulumi-cpp/gcpsim/cloud.db";
  }
  char const* home = std::getenv("HOME");
  return std::string(home ? home : "/tmp") + "/.cache/pulumi-cpp/gcpsim/cloud.db";
}

absl::StatusOr<std::unique_ptr<Store>> Store::Open(std::string const& path) {
  std::error_code ec;
  auto dir = std::filesystem::path(path).parent_path();
  if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  if (ec) return absl::UnavailableError("gcpsim database: cannot create " + dir.string() + ": " + ec.message());
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) !=
      SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return absl::UnavailableError("gcpsim database: cannot open " + path + ": " + message);
  }
  std::unique_ptr<Store> store(new Store(db, path));
  // Writers from other processes are waited for (a deploy creates resources in parallel from one process,
  // and the operator command may write at the same time).
  sqlite3_busy_timeout(db, 30000);
  if (auto s = store->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"); !s.ok()) return s;
  if (auto s = store->Write([](Store& st) { return st.Exec(kSchema); }); !s.ok()) return s;
  return store;
}

Store::~Store() { sqlite3_close(db_); }

absl::Status Store::Exec(char const* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    return absl::InternalError("gcpsim database: " + message);
  }
  return absl::OkStatus();
}

absl::Status Store::Write(std::function<absl::Status(Store&)> const& fn) {
  if (auto s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  absl::Status result = fn(*this);
  if (!result.ok()) {
    (void)Exec("ROLLBACK");
    return result;
  }
  return Exec("COMMIT");
}

absl::StatusOr<std::optional<StoredResource>> Store::Get(std::string const& type, std::string const& id) {
  Statement st(db_,
               "SELECT type, id, name, urn, inputs, outputs, created, updated FROM resources "
               "WHERE type = ?1 AND id = ?2");
  if (!st.ok()) return SqlError(db_, "reading " + id);
  st.Bind(1, type);
  st.Bind(2, id);
  int rc = st.Step();
  if (rc == SQLITE_DONE) return std::optional<StoredResource>();
  if (rc != SQLITE_ROW) return SqlError(db_, "reading " + id);
  auto r = RowToResource(st);
  if (!r.ok()) return r.status();
  return std::optional<StoredResource>(*std::move(r));
}

absl::StatusOr<std::vector<StoredResource>> Store::List(std::string const& type) {
  Statement st(db_, type.empty() ? "SELECT type, id, name, urn, inputs, outputs, created, updated FROM resources "
                                   "ORDER BY seq"
                                 : "SELECT type, id, name, urn, inputs, outputs, created, updated FROM resources "
                                   "WHERE type = ?1 ORDER BY seq");
  if (!st.ok()) return SqlError(db_, "listing resources");
  if (!type.empty()) st.Bind(1, type);
  std::vector<StoredResource> out;
  for (int rc = st.Step(); rc != SQLITE_DONE; rc = st.Step()) {
    if (rc != SQLITE_ROW) return SqlError(db_, "listing resources");
    auto r = RowToResource(st);
    if (!r.ok()) return r.status();
    out.push_back(*std::move(r));
  }
  return out;
}

absl::Status Store::Put(StoredResource const& r) {
  auto inputs = ToJson(r.inputs);
  if (!inputs.ok()) return inputs.status();
  auto outputs = ToJson(r.outputs);
  if (!outputs.ok()) return outputs.status();
  auto now = NowRfc3339();
  Statement st(db_, R"sql(
    INSERT INTO resources (type, id, name, urn, inputs, outputs, created, updated, seq)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, (SELECT COALESCE(MAX(seq), 0) + 1 FROM resources))
    ON CONFLICT (type, id) DO UPDATE SET name = ?3, urn = ?4, inputs = ?5, outputs = ?6, updated = ?8)sql");
  if (!st.ok()) return SqlError(db_, "writing " + r.id);
  st.Bind(1, r.type);
  st.Bind(2, r.id);
  st.Bind(3, r.name);
  st.Bind(4, r.urn);
  st.Bind(5, *inputs);
  st.Bind(6, *outputs);
  st.Bind(7, r.created.empty() ? now : r.created);
  st.Bind(8, now);
  if (st.Step() != SQLITE_DONE) return SqlError(db_, "writing " + r.id);
  return absl::OkStatus();
}

absl::Status Store::Remove(std::string const& type, std::string const& id) {
  Statement st(db_, "DELETE FROM resources WHERE type = ?1 AND id = ?2");
  if (!st.ok()) return SqlError(db_, "deleting " + id);
  st.Bind(1, type);
  st.Bind(2, id);
  if (st.Step() != SQLITE_DONE) return SqlError(db_, "deleting " + id);
  return Release(type + " " + id);
}

absl::Status Store::RemoveAll() {
  return Exec("DELETE FROM resources; DELETE FROM allocations; DELETE FROM producers; DELETE FROM boots;");
}

absl::StatusOr<std::string> Store::Allocate(std::string const& pool, std::string const& cidr,
                                            std::string const& owner) {
  auto slash = cidr.find('/');
  in_addr base{};
  if (slash == std::string::npos || inet_pton(AF_INET, cidr.substr(0, slash).c_str(), &base) != 1) {
    return absl::InvalidArgumentError("'" + cidr + "' is not an IPv4 range in CIDR notation");
  }
  int prefix = std::atoi(cidr.c_str() + slash + 1);
  if (prefix < 8 || prefix > 29) return absl::InvalidArgumentError("the range " + cidr + " has no room for hosts");
  std::uint32_t const network = ntohl(base.s_addr) & (prefix == 0 ? 0u : ~0u << (32 - prefix));
  std::uint32_t const size = 1u << (32 - prefix);

  Statement mine(db_, "SELECT address FROM allocations WHERE pool = ?1 AND owner = ?2");
  if (!mine.ok()) return SqlError(db_, "allocating in " + cidr);
  mine.Bind(1, pool);
  mine.Bind(2, owner);
  std::int64_t address = -1;
  if (mine.Step() == SQLITE_ROW) {
    address = mine.Int(0);
  } else {
    Statement taken(db_, "SELECT address FROM allocations WHERE pool = ?1 ORDER BY address");
    if (!taken.ok()) return SqlError(db_, "allocating in " + cidr);
    taken.Bind(1, pool);
    std::int64_t candidate = network + 2;  // .0 is the network, .1 the gateway
    while (taken.Step() == SQLITE_ROW) {
      auto a = taken.Int(0);
      if (a < candidate) continue;
      if (a > candidate) break;
      ++candidate;
    }
    if (candidate >= static_cast<std::int64_t>(network) + size - 1) {
      return absl::ResourceExhaustedError("googleapi: Error 400: the range " + cidr + " (" + pool +
                                          ") has no free addresses left, IP_SPACE_EXHAUSTED");
    }
    Statement insert(db_, "INSERT INTO allocations (pool, address, owner) VALUES (?1, ?2, ?3)");
    insert.Bind(1, pool);
    insert.Bind(2, candidate);
    insert.Bind(3, owner);
    if (insert.Step() != SQLITE_DONE) return SqlError(db_, "allocating in " + cidr);
    address = candidate;
  }
  in_addr out{};
  out.s_addr = htonl(static_cast<std::uint32_t>(address));
  char text[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &out, text, sizeof text);
  return std::string(text);
}

absl::Status Store::Release(std::string const& owner) {
  Statement st(db_, "DELETE FROM allocations WHERE owner = ?1");
  if (!st.ok()) return SqlError(db_, "releasing addresses");
  st.Bind(1, owner);
  if (st.Step() != SQLITE_DONE) return SqlError(db_, "releasing addresses");
  return absl::OkStatus();
}

absl::Status Store::RecordProducer(std::string const& network, std::string const& producer) {
  Statement st(db_, "INSERT OR IGNORE INTO producers (network, producer) VALUES (?1, ?2)");
  if (!st.ok()) return SqlError(db_, "recording a producer of " + network);
  st.Bind(1, network);
  st.Bind(2, producer);
  if (st.Step() != SQLITE_DONE) return SqlError(db_, "recording a producer of " + network);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> Store::Producers(std::string const& network) {
  Statement st(db_, "SELECT producer FROM producers WHERE network = ?1 ORDER BY producer");
  if (!st.ok()) return SqlError(db_, "reading the producers of " + network);
  st.Bind(1, network);
  std::vector<std::string> out;
  for (int rc = st.Step(); rc != SQLITE_DONE; rc = st.Step()) {
    if (rc != SQLITE_ROW) return SqlError(db_, "reading the producers of " + network);
    out.push_back(st.Text(0));
  }
  return out;
}

absl::Status Store::ForgetProducers(std::string const& network) {
  Statement st(db_, "DELETE FROM producers WHERE network = ?1");
  if (!st.ok()) return SqlError(db_, "forgetting the producers of " + network);
  st.Bind(1, network);
  if (st.Step() != SQLITE_DONE) return SqlError(db_, "forgetting the producers of " + network);
  return absl::OkStatus();
}

absl::Status Store::ScheduleBoot(std::string const& instance, std::int64_t due) {
  Statement st(db_, "INSERT OR REPLACE INTO boots (instance, due) VALUES (?1, ?2)");
  if (!st.ok()) return SqlError(db_, "scheduling the boot of " + instance);
  st.Bind(1, instance);
  st.Bind(2, due);
  if (st.Step() != SQLITE_DONE) return SqlError(db_, "scheduling the boot of " + instance);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> Store::TakeDueBoots(std::int64_t now) {
  std::vector<std::string> due;
  {
    Statement st(db_, "SELECT instance FROM boots WHERE ?1 < 0 OR due <= ?1 ORDER BY due, instance");
    if (!st.ok()) return SqlError(db_, "reading the pending boots");
    st.Bind(1, now);
    for (int rc = st.Step(); rc != SQLITE_DONE; rc = st.Step()) {
      if (rc != SQLITE_ROW) return SqlError(db_, "reading the pending boots");
      due.push_back(st.Text(0));
    }
  }
  for (auto const& instance : due) {
    Statement st(db_, "DELETE FROM boots WHERE instance = ?1");
    if (!st.ok()) return SqlError(db_, "forgetting the boot of " + instance);
    st.Bind(1, instance);
    if (st.Step() != SQLITE_DONE) return SqlError(db_, "forgetting the boot of " + instance);
  }
  return due;
}

}  // namespace pulumi::gcpsim
