// A workspace for running Pulumi projects with the real `pulumi` CLI against the simulated cloud: a file
// backend, a private PULUMI_HOME with the simulator installed as the gcp plugin of the pinned version (so a
// real gcp plugin elsewhere is never touched, and no ambient one is used), the cloud's database, and a copy of
// each project that runs its prebuilt program (runtime.options.binary) with the project's own stack files.
//
//   Workspace ws({.work_dir = "/tmp/apex-sim", .stack = "dev", .projects = {{"apex-network", src, bin}}, ...});
//   if (!ws.Prepare(&error)) ...;
//   auto up = ws.Pulumi("apex-network", {"up", "--yes"});
#ifndef GCPSIM_LIFECYCLE_WORKSPACE_H
#define GCPSIM_LIFECYCLE_WORKSPACE_H

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace pulumi::gcpsim {

struct SimProject {
  std::string name;        ///< the Pulumi project, e.g. "apex-network"
  std::string source_dir;  ///< holds Pulumi.yaml and Pulumi.<stack>.yaml
  std::string binary;      ///< the program, prebuilt
};

struct WorkspaceOptions {
  std::string work_dir;
  std::string stack = "dev";
  std::vector<SimProject> projects;  ///< in dependency order
  std::string engine_bin_dir;        ///< holds `pulumi`
  std::string language_host;         ///< pulumi-language-cpp
  std::string provider;              ///< pulumi-resource-gcp (the simulator)
  std::string gcp_sim;               ///< the operator command
  /// The passphrase secrets provider's passphrase in this workspace; empty: a random one, made per Workspace
  /// (written to <work_dir>/passphrase for a person who runs pulumi there). Never one from the repository.
  std::string passphrase;
  int latency_ms = 0;                              ///< GCPSIM_LATENCY_MS for the provider
  std::map<std::string, std::string> extra_env{};  ///< e.g. GCPSIM_TRACE
};

struct CliResult {
  int code = -1;
  std::string output;  ///< stdout and stderr
  double seconds = 0;
};

class Workspace {
 public:
  explicit Workspace(WorkspaceOptions options);

  WorkspaceOptions const& options() const { return options_; }
  /// Sets (or, with an empty value, removes) a variable for the commands that follow.
  void SetEnv(std::string const& name, std::string const& value);
  std::string database() const;
  std::string project_dir(std::string const& project) const;

  /// Creates the workspace afresh (state, home, cloud, project copies; a previous one is removed), installs the
  /// simulator and the language host into the private PULUMI_HOME, logs in to the file backend and selects
  /// (creating) the stack in every project. False with *error on failure.
  bool Prepare(std::string* error);

  /// `pulumi <args> --non-interactive` in a project's directory.
  CliResult Pulumi(std::string const& project, std::vector<std::string> args) const;
  /// The operator command on this workspace's cloud.
  CliResult GcpSim(std::vector<std::string> args) const;
  /// The environment every command runs with.
  std::map<std::string, std::string> Env() const;
  std::vector<std::string> PulumiArgv(std::vector<std::string> args) const;

  /// The checkpoint file of a project's stack, as the file backend keeps it.
  std::string StateFile(std::string const& project) const;
  /// `pulumi stack export` of a project (null when it fails).
  nlohmann::json Export(std::string const& project) const;

 private:
  WorkspaceOptions options_;
};

/// The bin directory of the engine `version` ("v<the pinned Pulumi version>") that tools/build-engine builds:
/// $PULUMI_CPP_ENGINE_BIN, else $PULUMI_CPP_CACHE (default ~/.cache/pulumi-cpp)/engine/<version>/bin.
std::string EngineBinDir(std::string const& version);

/// The "Resources:" summary of a pulumi command's output, on one line ("+ 14 created, 2 unchanged").
std::string ResourceSummary(std::string const& output);
/// The lines of a pulumi command's output that report errors, for a failed step.
std::string ErrorLines(std::string const& output);

}  // namespace pulumi::gcpsim

#endif  // GCPSIM_LIFECYCLE_WORKSPACE_H
