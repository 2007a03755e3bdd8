// Mocks for unit tests of Pulumi programs: no engine, no network.
//
//   class MyMocks : public pulumi::mocks::Mocks {
//     pulumi::mocks::MockResourceResult NewResource(pulumi::mocks::MockResourceArgs const& args) override {
//       auto state = args.inputs;
//       if (args.type == "gcp:sql/databaseInstance:DatabaseInstance") state["privateIpAddress"] = "10.0.0.5";
//       return {args.name + "-id", state};
//     }
//   };
//
//   pulumi::mocks::MockDeployment deployment(std::make_shared<MyMocks>(), {
//       .config = {{"dbTier", "db-f1-micro"}},
//       .secret_config = {{"dbPassword", "hunter2"}},
//       .stack_references = {{"organization/apex-network/dev", {{"networkId", "net-1"}}}},
//   });
//   ASSERT_EQ(deployment.Run(program), 0);
//   auto db = deployment.Find("gcp:sql/databaseInstance:DatabaseInstance", "apex-db");
//   EXPECT_EQ(db->inputs.at("databaseVersion"), "POSTGRES_16");
//
// In dry-run mode (`.dry_run = true`) outputs that the mocks do not return stay unknown, as in a preview.
//
// Resource hooks run as the engine runs them for a create: the before_create hooks before NewResource, the
// after_create ones after it (in a dry run only those with on_dry_run). Every registration is a create here,
// so update, delete and error hooks are only recorded (RegisteredResource::hooks).
#ifndef PULUMI_MOCKS_MOCKS_H
#define PULUMI_MOCKS_MOCKS_H

#include "pulumi/context.h"
#include "pulumi/output.h"
#include "pulumi/property_value.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pulumi::mocks {

struct MockResourceArgs {
  std::string type{};
  std::string name{};
  PropertyMap inputs{};
  /// The provider reference ("<urn>::<id>"), if any.
  std::string provider{};
  /// The id being read or imported, if any.
  std::string id{};
  bool custom = true;
  /// True for reads (CustomResource::Get, StackReference).
  bool read = false;
  /// True in a preview: the default NewResource then leaves the id unknown.
  bool dry_run = false;
};

struct MockResourceResult {
  /// The id; leave empty in a dry run to make it unknown.
  std::string id{};
  /// The output state; properties left out are unknown in a dry run and fall back to the inputs otherwise.
  PropertyMap state{};
};

struct MockCallArgs {
  std::string token{};
  PropertyMap args{};
  std::string provider{};
};

/// The hooks of a mocked engine. The defaults echo inputs back and reject invokes.
class Mocks {
 public:
  virtual ~Mocks() = default;
  virtual MockResourceResult NewResource(MockResourceArgs const& args);
  /// Provider functions (invokes) and methods of resources (pulumi::Call; `args` then has `__self__`).
  /// Throw to make the invoke fail with that message.
  virtual PropertyMap Call(MockCallArgs const& args);
};

struct MockOptions {
  std::string project = "project";
  std::string stack = "stack";
  std::string organization = "organization";
  bool dry_run = false;
  int parallel = 4;
  /// Config values; a key without a namespace ("dbTier") gets the project's ("project:dbTier").
  std::map<std::string, std::string> config{};
  /// Secret config values, like `pulumi config set --secret`.
  std::map<std::string, std::string> secret_config{};
  /// Outputs of referenced stacks, by "<org>/<project>/<stack>"; wrap a value in PropertyValue::MakeSecret
  /// to make it a secret output of that stack.
  std::map<std::string, PropertyMap> stack_references{};
};

/// What the program registered, for assertions; an option it left unset is std::nullopt or empty.
struct RegisteredResource {
  std::string type{};
  std::string name{};
  std::string urn{};
  std::string id{};
  std::string parent{};  // parent URN
  bool custom = true;
  bool read = false;
  PropertyMap inputs{};   // as sent: secrets wrapped, unknowns computed
  PropertyMap outputs{};  // as returned by the mocks
  std::vector<std::string> dependencies{};
  std::map<std::string, std::vector<std::string>> property_dependencies{};
  std::string provider{};
  std::optional<bool> protect{};
  std::vector<std::string> ignore_changes{};
  std::vector<std::string> replace_on_changes{};
  std::optional<bool> delete_before_replace{};
  std::optional<bool> retain_on_delete{};
  std::optional<std::string> deleted_with{};  // URN
  std::vector<std::string> additional_secret_outputs{};
  std::vector<std::string> alias_urns{};
  std::optional<std::string> import_id{};
  std::optional<std::string> version{};
  std::optional<std::string> plugin_download_url{};
  std::map<std::string, std::string> custom_timeouts{};  // "create"/"update"/"delete"/"read"
  std::vector<std::string> hide_diffs{};
  std::vector<std::string> replace_with{};  // URNs
  /// As sent: secret-wrapped or computed where the trigger was; null when not set.
  PropertyValue replacement_trigger{};
  std::map<std::string, std::string> env_var_mappings{};
  /// The hooks bound to the resource by step ("before_create", ..., "on_error"), by name.
  std::map<std::string, std::vector<std::string>> hooks{};
  /// Outputs registered by a component (or the stack) with RegisterOutputs.
  PropertyMap registered_outputs{};
};

struct LogEntry {
  std::string severity{};  // "debug", "info", "warning", "error"
  std::string message{};
  std::string urn{};
};

struct InvokeRecord {
  std::string token{};
  PropertyMap args{};
  std::string provider{};
  std::optional<std::string> version{};
  std::optional<std::string> plugin_download_url{};
};

/// Runs programs against the mocks and keeps what they registered.
class MockDeployment {
 public:
  explicit MockDeployment(std::shared_ptr<Mocks> mocks = nullptr, MockOptions options = {});
  ~MockDeployment();
  MockDeployment(MockDeployment const&) = delete;
  MockDeployment& operator=(MockDeployment const&) = delete;

  /// Runs the program to completion, like pulumi::Run; returns its exit code (0, 32 or 1).
  int Run(std::function<void(Context&)> const& body);

  std::vector<RegisteredResource> resources() const;
  /// The resource of that type and name, if registered.
  std::optional<RegisteredResource> Find(std::string const& type, std::string const& name) const;
  std::vector<RegisteredResource> OfType(std::string const& type) const;
  /// The stack outputs, as registered on the root stack.
  PropertyMap stack_outputs() const;
  std::vector<LogEntry> logs() const;
  std::vector<InvokeRecord> invokes() const;
  /// The outputs the last Run asked its StackReferences for (GetOutput, RequireOutput), by referenced stack
  /// ("<org>/<project>/<stack>"), each list sorted and without repeats; whether or not the stack has them.
  std::map<std::string, std::vector<std::string>> stack_reference_reads() const;

  // What the engine would make of the last Run. A program that succeeds signals the engine that it has
  // registered everything (SignalAndWaitForShutdown), and the engine deletes what the stack held and the
  // program did not register; a program that fails exits without the signal, and the engine keeps the state.
  // The stack's state carries over from one Run to the next; a dry run (preview) leaves it as it was.

  /// Whether the last Run told the engine that it had finished registering.
  bool shutdown_signalled() const;
  /// The URNs the engine would have deleted (or, in a dry run, would show as deletes) in the last Run.
  std::vector<std::string> deleted() const;
  /// The URNs the stack holds after the last Run: this Run's registrations, then what earlier Runs left.
  std::vector<std::string> state() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// An output's final state, read after MockDeployment::Run (or in plain Output tests).
template <typename T>
struct Awaited {
  bool known = false;
  bool secret = false;
  bool failed = false;
  std::optional<T> value{};
  std::string error{};
  std::vector<std::string> dependencies{};  // URNs
};

namespace internal_wait {
/// Waits until the state settles or its runtime has no more work; false when it never settles.
bool WaitSettled(pulumi::internal::OutputStateBase const& state);
std::vector<std::string> DependencyUrns(pulumi::internal::Dependencies const& deps);
}  // namespace internal_wait

/// Waits for an output and returns its state. Call it from the test, not from inside the program body.
template <typename T>
Awaited<T> AwaitForTest(Output<T> const& output) {
  auto const& s = pulumi::internal::StateOf(output);
  Awaited<T> a;
  if (!internal_wait::WaitSettled(*s)) {
    a.failed = true;
    a.error = "the output never settled: the program ended while it was still pending";
    return a;
  }
  using S = pulumi::internal::OutputStateBase::State;
  a.secret = s->secret();
  a.dependencies = internal_wait::DependencyUrns(s->deps());
  switch (s->state()) {
    case S::kKnown:
      a.known = true;
      a.value = s->value();
      break;
    case S::kRejected:
      a.failed = true;
      a.error = s->error();
      break;
    default: break;
  }
  return a;
}

}  // namespace pulumi::mocks

#endif  // PULUMI_MOCKS_MOCKS_H
