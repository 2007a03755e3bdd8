// What the ops tests share: an ops/ script run in a simulator workspace as a CI job runs it, and a look at the
// simulated cloud afterwards.
#ifndef PULUMI_CPP_TESTS_OPS_OPS_SCRIPT_H
#define PULUMI_CPP_TESTS_OPS_OPS_SCRIPT_H

#include "store.h"
#include "subprocess.h"
#include "workspace.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace pulumi::gcpsim::ops_test {

struct ScriptRun {
  int code = -1;
  std::string output;   ///< stdout and stderr
  std::string summary;  ///< the --summary file, when the run wrote one
};

inline std::string Describe(ScriptRun const& r) { return "exit " + std::to_string(r.code) + "\n" + r.output; }

inline std::string ReadFile(std::filesystem::path const& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// `argv` (ops/<script> ...) in the workspace's directory, with its environment, `pulumi` on PATH, none of CI's
/// variables unless `overrides` sets them, and `overrides` on top. `watch` sees the output so far as it grows.
inline ScriptRun RunScript(Workspace const& ws, std::vector<std::string> const& argv,
                           std::map<std::string, std::string> const& overrides,
                           std::function<void(std::string const&)> const& watch = nullptr) {
  auto env = ws.Env();
  char const* path = std::getenv("PATH");
  env["PATH"] = ws.options().engine_bin_dir + ":" + (path ? path : "/usr/bin:/bin");
  for (auto const* unset :
       {"PULUMI_BACKEND_URL", "APEX_STACK", "GITHUB_STEP_SUMMARY", "PULUMI_CONFIG_PASSPHRASE_FILE"}) {
    env[unset] = "";
  }
  for (auto const& [k, v] : overrides) env[k] = v;
  ScriptRun r;
  std::string error;
  auto process =
      host::Subprocess::Start({.argv = argv, .cwd = ws.options().work_dir, .env = env, .capture = true}, &error);
  if (!process) {
    r.output = error;
    return r;
  }
  r.code = process->Wait([&](host::Stream, std::string_view data) {
    r.output.append(data);
    if (watch) watch(r.output);
  });
  return r;
}

/// The resources of `type` in the workspace's simulated cloud.
inline std::vector<StoredResource> CloudOf(Workspace const& ws, std::string const& type) {
  auto store = Store::Open(ws.database());
  if (!store.ok()) return {};
  auto list = (*store)->List(type);
  return list.ok() ? *list : std::vector<StoredResource>{};
}

}  // namespace pulumi::gcpsim::ops_test

#endif  // PULUMI_CPP_TESTS_OPS_OPS_SCRIPT_H
