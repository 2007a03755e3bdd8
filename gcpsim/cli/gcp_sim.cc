// gcp-sim: the operator command of the simulated cloud. It changes the cloud the way someone would in the
// Google Cloud console, behind Pulumi's back, so that `pulumi refresh` and `pulumi preview` meet drift.
//
//   gcp-sim ls                                  gcp-sim set cache memorySizeGb=5 settings.tier=db-custom-4-15360
//   gcp-sim show cache --reveal                 gcp-sim delete cache
//   gcp-sim create gcp:secretmanager/secret:Secret temporal-key secretId=apex-temporal-api-key
//       'replication={"auto":{}}' --project apex-dev        (what exists outside the stacks)
//
// Exit codes: 0 done; 1 the command failed (no such resource, an ambiguous one, a database error); 2 the
// command line is wrong. Every change is one transaction of the Store. Secrets print as "[secret]" unless
// --reveal, and a value `set` over a secret stays a secret.
#include "assignment.h"
#include "catalog.h"
#include "check.h"
#include "cloud.h"
#include "store.h"
#include "values.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pulumi::gcpsim {
namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

/// One command line, parsed against its command's table entry.
struct Invocation {
  std::string db;                         ///< the database path
  std::vector<std::string> args;          ///< positional arguments
  std::optional<std::string> value_flag;  ///< the value of the command's valued flag (--type), when given
  bool switch_flag = false;               ///< the command's switch (--reveal) was given
};

struct Command {
  std::string_view name;
  std::string_view synopsis;     ///< its arguments, for the usage line
  std::string_view help;         ///< one line
  std::string_view value_flag;   ///< a flag that takes a value, or ""
  std::string_view switch_flag;  ///< a flag without a value, or ""
  std::size_t min_args;
  std::size_t max_args;
  int (*run)(Invocation const&);
};

// ---- output -------------------------------------------------------------------------------------------------

int Fail(std::string const& message) {
  std::cerr << "gcp-sim: " << message << "\n";
  return kFailed;
}

int Fail(absl::Status const& status) { return Fail(std::string(status.message())); }

/// Whole numbers print as integers (memorySizeGb: 5, not 5.0); the property model keeps every number a double.
void Tidy(nlohmann::ordered_json& j) {
  if (j.is_number_float()) {
    double d = j.get<double>();
    if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9.0e15) j = static_cast<std::int64_t>(d);
  } else if (j.is_structured()) {
    for (auto& e : j) Tidy(e);
  }
}

/// A value for people (through values.h's Show, so secrets are masked unless `reveal`).
nlohmann::ordered_json Plain(PropertyValue const& v, bool reveal) {
  auto j = nlohmann::ordered_json::parse(Show(v, reveal));
  Tidy(j);
  return j;
}

std::string Text(PropertyValue const& v) {
  return Plain(v, false).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

nlohmann::ordered_json Describe(StoredResource const& r, bool reveal) {
  nlohmann::ordered_json j;
  j["type"] = r.type;
  j["id"] = r.id;
  j["name"] = r.name;
  j["urn"] = r.urn;
  j["inputs"] = Plain(PropertyValue(r.inputs), reveal);
  j["outputs"] = Plain(PropertyValue(r.outputs), reveal);
  j["created"] = r.created;
  j["updated"] = r.updated;
  return j;
}

void PrintJson(nlohmann::ordered_json const& j) {
  std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

// ---- finding a resource -------------------------------------------------------------------------------------

/// The one resource `what` names: an exact id, else a program resource name, else the last part of an id.
absl::StatusOr<StoredResource> Resolve(Store& store, std::string const& what) {
  auto all = store.List();
  if (!all.ok()) return all.status();
  std::function<bool(StoredResource const&)> const matchers[] = {
      [&](StoredResource const& r) { return r.id == what; },
      [&](StoredResource const& r) { return r.name == what; },
      [&](StoredResource const& r) { return LastSegment(r.id) == what; },
  };
  for (auto const& matches : matchers) {
    std::vector<StoredResource const*> found;
    for (auto const& r : *all) {
      if (matches(r)) found.push_back(&r);
    }
    if (found.size() == 1) return *found.front();
    if (found.size() > 1) {
      std::string message =
          "'" + what + "' matches " + std::to_string(found.size()) + " resources; name one of them by its id:";
      for (auto const* r : found) message += "\n  " + r->type + "  " + r->id;
      return absl::FailedPreconditionError(message);
    }
  }
  return absl::NotFoundError("no resource '" + what + "' in the cloud at " + store.path() +
                             " (give an id, a resource name or the last part of an id; `gcp-sim ls` lists them)");
}

/// The gcp schema, read only when a top-level key is new to a resource's inputs (it is large); null (with a
/// note) when it cannot be read.
class LazySchema {
 public:
  /// Whether `type` has `key` as an input property.
  bool HasInput(std::string const& type, std::string const& key) {
    if (!tried_) {
      tried_ = true;
      auto loaded = Catalog::Load(DefaultSchemaPath());
      if (loaded.ok()) {
        catalog_ = *std::move(loaded);
      } else {
        std::cerr << "gcp-sim: note: " << loaded.status().message() << "\n  (new keys change the outputs only)\n";
      }
    }
    if (!catalog_) return false;
    auto const* resource = catalog_->FindResource(type);
    if (!resource) return false;
    return std::any_of(resource->input_properties.begin(), resource->input_properties.end(),
                       [&](codegen::Property const& p) { return p.name == key; });
  }

 private:
  bool tried_ = false;
  std::unique_ptr<Catalog const> catalog_;
};

// ---- the commands -------------------------------------------------------------------------------------------

/// The cloud the command works on. Only `create` and `reset` may start a new one: for the others a missing file
/// is a mistyped --db or $GCPSIM_DB, and opening it would leave an empty cloud behind.
absl::StatusOr<std::unique_ptr<Store>> OpenStore(Invocation const& in, bool may_create = false) {
  std::error_code ec;
  if (!may_create && !std::filesystem::exists(in.db, ec)) {
    return absl::NotFoundError("no simulated cloud at " + in.db +
                               ": nothing has been deployed there (check --db or $GCPSIM_DB)");
  }
  return Store::Open(in.db);
}

int Ls(Invocation const& in) {
  auto store = OpenStore(in);
  if (!store.ok()) return Fail(store.status());
  auto all = (*store)->List(in.value_flag.value_or(""));
  if (!all.ok()) return Fail(all.status());
  std::vector<std::vector<std::string>> rows{{"TYPE", "ID", "NAME", "CREATED"}};
  for (auto const& r : *all) rows.push_back({r.type, r.id, r.name, r.created});
  std::vector<std::size_t> width(4, 0);
  for (auto const& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  }
  for (auto const& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(width[i] - row[i].size() + 2, ' ');
    }
    std::cout << line << "\n";
  }
  if (all->empty()) {
    std::cerr << (in.value_flag ? "no resources of type " + *in.value_flag : std::string("the cloud is empty")) << " ("
              << (*store)->path() << ")\n";
  }
  return kOk;
}

int ShowCommand(Invocation const& in) {
  auto store = OpenStore(in);
  if (!store.ok()) return Fail(store.status());
  auto r = Resolve(**store, in.args[0]);
  if (!r.ok()) return Fail(r.status());
  PrintJson(Describe(*r, in.switch_flag));
  return kOk;
}

int Usage(std::string const& message, std::string_view command);

int Set(Invocation const& in) {
  std::vector<Assignment> assignments;
  for (std::size_t i = 1; i < in.args.size(); ++i) {
    auto a = ParseAssignment(in.args[i]);
    if (!a.ok()) return Usage(std::string(a.status().message()), "set");
    assignments.push_back(*std::move(a));
  }
  auto store = OpenStore(in);
  if (!store.ok()) return Fail(store.status());
  LazySchema schema;
  {
    // Read the schema, when it is needed, before the transaction rather than while holding the cloud's lock.
    auto before = Resolve(**store, in.args[0]);
    if (!before.ok()) return Fail(before.status());
    for (auto const& a : assignments) {
      if (!before->inputs.contains(a.path.front())) schema.HasInput(before->type, a.path.front());
    }
  }
  std::string report;
  auto status = (*store)->Write([&](Store& st) -> absl::Status {
    auto found = Resolve(st, in.args[0]);
    if (!found.ok()) return found.status();
    StoredResource r = *std::move(found);
    report = r.type + "  " + r.id + "\n";
    for (auto const& a : assignments) {
      bool secret = false;
      auto const* old = Find(PropertyValue(r.outputs), a.path, &secret);
      std::string old_text = old ? Text(*old) : "(absent)";
      bool in_inputs = r.inputs.contains(a.path.front()) || schema.HasInput(r.type, a.path.front());
      if (in_inputs) Find(PropertyValue(r.inputs), a.path, &secret);
      // A secret stays a secret, in both maps, whichever of them held it as one.
      PropertyValue value = secret && !a.value.is_secret() ? PropertyValue::MakeSecret(a.value) : a.value;
      if (auto s = Apply(r.outputs, a, value); !s.ok()) return s;
      if (in_inputs) {
        if (auto s = Apply(r.inputs, a, value); !s.ok()) return s;
      }
      report += "  " + a.key + ": " + old_text + " -> " + Text(value) +
                (in_inputs ? "  (outputs and inputs)\n" : "  (outputs)\n");
    }
    return st.Put(r);
  });
  if (!status.ok()) return Fail(status);
  std::cout << report;
  return kOk;
}

int Delete(Invocation const& in) {
  auto store = OpenStore(in);
  if (!store.ok()) return Fail(store.status());
  std::string gone;
  auto status = (*store)->Write([&](Store& st) -> absl::Status {
    auto r = Resolve(st, in.args[0]);
    if (!r.ok()) return r.status();
    gone = r->type + "  " + r->id;
    return st.Remove(r->type, r->id);
  });
  if (!status.ok()) return Fail(status);
  std::cout << "deleted " << gone << "\n";
  return kOk;
}

int Reset(Invocation const& in) {
  auto store = OpenStore(in, /*may_create=*/true);
  if (!store.ok()) return Fail(store.status());
  std::size_t count = 0;
  auto status = (*store)->Write([&](Store& st) -> absl::Status {
    auto all = st.List();
    if (!all.ok()) return all.status();
    count = all->size();
    return st.RemoveAll();
  });
  if (!status.ok()) return Fail(status);
  std::cout << "removed " << count << (count == 1 ? " resource" : " resources") << " from " << (*store)->path() << "\n";
  return kOk;
}

int Export(Invocation const& in) {
  auto store = OpenStore(in);
  if (!store.ok()) return Fail(store.status());
  auto all = (*store)->List();
  if (!all.ok()) return Fail(all.status());
  auto out = nlohmann::ordered_json::array();
  for (auto const& r : *all) out.push_back(Describe(r, in.switch_flag));
  PrintJson(out);
  return kOk;
}

/// Creates a resource the way someone would outside Pulumi (what a stack expects to exist): checked against
/// the schema, refused by the same rules, computed by the same model as the provider's creates.
int CreateCommand(Invocation const& in) {
  auto const& type = in.args[0];
  auto const& name = in.args[1];
  PropertyMap inputs;
  for (std::size_t i = 2; i < in.args.size(); ++i) {
    auto a = ParseAssignment(in.args[i]);
    if (!a.ok()) return Usage(std::string(a.status().message()), "create");
    if (auto s = Apply(inputs, *a, a->value); !s.ok()) return Fail(s);
  }
  auto catalog = Catalog::Load(DefaultSchemaPath());
  if (!catalog.ok()) return Fail(catalog.status());
  auto const* resource = (*catalog)->FindResource(type);
  if (!resource) return Fail("gcp " PULUMI_CPP_GCP_VERSION " has no resource type " + type);
  auto checked = CheckResource(**catalog, *resource, inputs, {.urn_name = name, .random_seed = name});
  if (!checked.failures.empty()) {
    for (auto const& f : checked.failures) std::cerr << "gcp-sim: " << f.reason << "\n";
    return kFailed;
  }
  auto store = OpenStore(in, /*may_create=*/true);
  if (!store.ok()) return Fail(store.status());
  Placement placement{in.value_flag.value_or(StringAt(checked.inputs, "project")), "us-central1", "us-central1-a"};
  if (placement.project.empty()) placement.project = "gcpsim-project";
  Cloud cloud(**store, **catalog, placement);
  auto created = cloud.Create(type, "", name, checked.inputs);
  if (!created.ok()) return Fail(created.status());
  std::cout << "created " << type << "  " << created->id << "\n";
  return kOk;
}

/// Runs a Cloud Run job the way `gcloud run jobs execute JOB --wait` does, as far as the cloud can tell: the job
/// gets an execution that succeeded (the simulator runs no container).
int Execute(Invocation const& in) {
  auto store = OpenStore(in);
  if (!store.ok()) return Fail(store.status());
  std::string execution;
  auto status = (*store)->Write([&](Store& st) -> absl::Status {
    auto job = Resolve(st, in.args[0]);
    if (!job.ok()) return job.status();
    if (job->type != "gcp:cloudrunv2/job:Job") {
      return absl::InvalidArgumentError(in.args[0] + " is a " + job->type + ", not a Cloud Run job");
    }
    auto const* count = Lookup(job->outputs, "executionCount");
    double n = (count && count->is_number() ? count->AsNumber() : 0) + 1;
    auto now = NowRfc3339();
    execution = job->id + "/executions/" + LastSegment(job->id) + "-" + StableHex(job->id + std::to_string(n) + now, 5);
    job->outputs["executionCount"] = n;
    job->outputs["latestCreatedExecutions"] = PropertyArray{PropertyMap{{"name", LastSegment(execution)},
                                                                        {"createTime", now},
                                                                        {"completionTime", now},
                                                                        {"completionStatus", "EXECUTION_SUCCEEDED"},
                                                                        {"deleteTime", ""}}};
    job->updated = now;
    return st.Put(*job);
  });
  if (!status.ok()) return Fail(status);
  std::cout << "execution " << execution << " succeeded\n";
  return kOk;
}

/// Lets the time pass for the VMs that have yet to boot (GCPSIM_VM_BOOT_SECONDS): they boot now.
int Boot(Invocation const& in) {
  auto catalog = Catalog::Load(DefaultSchemaPath());
  if (!catalog.ok()) return Fail(catalog.status());
  auto store = OpenStore(in);
  if (!store.ok()) return Fail(store.status());
  Cloud cloud(**store, **catalog, Placement{"gcpsim-project", "us-central1", "us-central1-a"});
  auto booted = cloud.BootDueVms(/*all=*/true);
  if (!booted.ok()) return Fail(booted.status());
  for (auto const& id : *booted) std::cout << "booted " << id << "\n";
  if (booted->empty()) std::cout << "no VM was waiting to boot\n";
  return kOk;
}

int Help(Invocation const& in);

constexpr std::size_t kMany = std::numeric_limits<std::size_t>::max();

constexpr Command kCommands[] = {
    {"ls", "[--type TYPE]", "list the resources: type, id, resource name, creation time", "--type", "", 0, 0, Ls},
    {"show", "RESOURCE [--reveal]", "print a resource's inputs and outputs as JSON (secrets masked)", "", "--reveal", 1,
     1, ShowCommand},
    {"set", "RESOURCE KEY=VALUE...", "change properties (dotted paths; VALUE is JSON or a plain string)", "", "", 2,
     kMany, Set},
    {"create", "TYPE NAME [KEY=VALUE...] [--project P]",
     "create a resource outside Pulumi (checked like the provider's)", "--project", "", 2, kMany, CreateCommand},
    {"delete", "RESOURCE", "remove a resource from the cloud", "", "", 1, 1, Delete},
    {"execute", "JOB", "run a Cloud Run job (an execution that succeeds, as gcloud run jobs execute --wait)", "", "", 1,
     1, Execute},
    {"boot", "", "boot the VMs still waiting for GCPSIM_VM_BOOT_SECONDS (their startup scripts' secret versions)", "",
     "", 0, 0, Boot},
    {"reset", "", "empty the cloud", "", "", 0, 0, Reset},
    {"export", "[--reveal]", "print every resource as a JSON array (secrets masked)", "", "--reveal", 0, 0, Export},
    {"help", "", "print this help", "", "", 0, 0, Help},
};

std::string UsageLine(Command const& c) {
  std::string line = "usage: gcp-sim [--db PATH] " + std::string(c.name);
  if (!c.synopsis.empty()) line += " " + std::string(c.synopsis);
  return line;
}

int Help(Invocation const&) {
  std::cout << "gcp-sim: change the simulated Google Cloud behind Pulumi's back.\n"
               "usage: gcp-sim [--db PATH] COMMAND [ARGS]\n\ncommands:\n";
  for (auto const& c : kCommands) {
    std::string head = std::string(c.name) + (c.synopsis.empty() ? "" : " " + std::string(c.synopsis));
    std::cout << "  " << head << std::string(head.size() < 32 ? 32 - head.size() : 1, ' ') << c.help << "\n";
  }
  std::cout << "\nRESOURCE is an id, a resource name of the program, or the last part of an id.\n"
               "The database is --db PATH, else $GCPSIM_DB, else ~/.cache/pulumi-cpp/gcpsim/cloud.db (now: "
            << DefaultDatabasePath() << ").\n";
  return kOk;
}

int Usage(std::string const& message, Command const* c) {
  if (!message.empty()) std::cerr << "gcp-sim: " << message << "\n";
  if (c) {
    std::cerr << UsageLine(*c) << "\n";
  } else {
    std::cerr << "usage: gcp-sim [--db PATH] COMMAND [ARGS]   (commands:";
    for (auto const& cmd : kCommands) std::cerr << " " << cmd.name;
    std::cerr << "; `gcp-sim help` explains them)\n";
  }
  return kUsage;
}

int Usage(std::string const& message, std::string_view command) {
  auto it =
      std::find_if(std::begin(kCommands), std::end(kCommands), [&](Command const& c) { return c.name == command; });
  return Usage(message, it == std::end(kCommands) ? nullptr : &*it);
}

/// "--flag VALUE" or "--flag=VALUE" at args[i]; advances i past the value.
std::optional<std::string> FlagValue(std::vector<std::string> const& args, std::size_t& i, std::string_view flag,
                                     bool* missing) {
  std::string_view arg = args[i];
  if (arg == flag) {
    if (i + 1 >= args.size()) {
      *missing = true;
      return std::nullopt;
    }
    return args[++i];
  }
  if (arg.size() > flag.size() && arg.starts_with(flag) && arg[flag.size()] == '=') {
    return std::string(arg.substr(flag.size() + 1));
  }
  return std::nullopt;
}

int Main(std::vector<std::string> const& args) {
  Invocation in;
  Command const* command = nullptr;
  bool flags_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string const& arg = args[i];
    bool missing = false;
    if (!flags_done && arg == "--") {
      flags_done = true;
    } else if (!flags_done && (arg == "--help" || arg == "-h")) {
      if (command) {
        std::cout << UsageLine(*command) << "\n  " << command->help << "\n";
        return kOk;
      }
      return Help(in);
    } else if (auto db = flags_done ? std::nullopt : FlagValue(args, i, "--db", &missing)) {
      if (db->empty()) return Usage("--db needs a path", command);
      in.db = *db;
    } else if (missing) {
      return Usage(arg + " needs a value", command);
    } else if (auto v = command && !flags_done && !command->value_flag.empty()
                            ? FlagValue(args, i, command->value_flag, &missing)
                            : std::nullopt) {
      in.value_flag = *v;
    } else if (missing) {
      return Usage(arg + " needs a value", command);
    } else if (command && !flags_done && !command->switch_flag.empty() && arg == command->switch_flag) {
      in.switch_flag = true;
    } else if (!flags_done && arg.size() > 1 && arg[0] == '-') {
      return Usage("unknown option " + arg, command);
    } else if (!command) {
      auto it =
          std::find_if(std::begin(kCommands), std::end(kCommands), [&](Command const& c) { return c.name == arg; });
      if (it == std::end(kCommands)) return Usage("unknown command '" + arg + "'", nullptr);
      command = &*it;
    } else {
      in.args.push_back(arg);
    }
  }
  if (!command) return Usage("", nullptr);
  if (in.args.size() < command->min_args) return Usage("missing arguments", command);
  if (in.args.size() > command->max_args)
    return Usage("unexpected argument '" + in.args[command->max_args] + "'", command);
  if (in.db.empty()) in.db = DefaultDatabasePath();
  return command->run(in);
}

}  // namespace
}  // namespace pulumi::gcpsim

int main(int argc, char** argv) {
  try {
    return pulumi::gcpsim::Main(std::vector<std::string>(argv + 1, argv + argc));
  } catch (std::exception const& e) {
    std::cerr << "gcp-sim: " << e.what() << "\n";
    return 1;
  }
}
