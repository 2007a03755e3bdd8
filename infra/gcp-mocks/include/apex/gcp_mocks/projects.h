// The four Apex projects as mocks runs: each project's program, run for a stack from its real stack files,
// with the outputs of the projects it reads passed in as StackReference values.
//
//   apex::gcp_mocks::StackRun network = apex::gcp_mocks::RunStack("apex-network", "dev");
//   auto refs = apex::gcp_mocks::ReferencesFor({&network});
//   apex::gcp_mocks::StackRun databases = apex::gcp_mocks::RunStack("apex-databases", "dev", refs);
//   databases.deployment->Find("gcp:sql/databaseInstance:DatabaseInstance", "apex-db-postgres");
#ifndef APEX_GCP_MOCKS_PROJECTS_H
#define APEX_GCP_MOCKS_PROJECTS_H

#include "apex/gcp_mocks/stack_config.h"
#include "pulumi/mocks/mocks.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace apex::gcp_mocks {

struct Project {
  std::string name;  ///< "apex-network"
  std::function<void(pulumi::Context&)> program;
  std::vector<std::string> reads;  ///< the projects it reads through StackReference (infra/stack-graph.txt)
};

/// The projects of infra/stack-graph.txt built into this library (all four unless APEX_PROJECTS says otherwise),
/// in dependency order.
std::vector<Project> const& Projects();
Project const& FindProject(std::string const& name);

struct StackRun {
  StackConfig config;
  std::unique_ptr<pulumi::mocks::MockDeployment> deployment;
  int exit_code = -1;
  /// The fully qualified stack name others reference it by: "organization/apex-network/dev".
  std::string qualified_name;
};

/// Runs a project's program for `stack` against GcpMocks (dry_run: a preview).
StackRun RunStack(std::string const& project, std::string const& stack,
                  std::map<std::string, pulumi::PropertyMap> stack_references = {}, bool dry_run = true);

/// Like RunStack, from a copy of the project's stack files with `edit` applied to Pulumi.<stack>.yaml: for tests
/// of bad configuration. The copy is removed before the program runs.
StackRun RunStackEdited(std::string const& project, std::string const& stack,
                        std::function<std::string(std::string)> const& edit,
                        std::map<std::string, pulumi::PropertyMap> stack_references = {});

/// An edit for RunStackEdited: replaces the first `from` with `to`; throws std::runtime_error without one.
std::function<std::string(std::string)> ReplaceText(std::string from, std::string to);

/// The run's log as text, one "<severity>: <message>" a line (for test diagnostics and assertions).
std::string LogText(pulumi::mocks::MockDeployment const& deployment);

/// The stack outputs of finished runs, keyed by their qualified names, as StackReference values.
std::map<std::string, pulumi::PropertyMap> ReferencesFor(std::vector<StackRun const*> const& runs);

/// Runs all four projects for `stack` in dependency order, each reading the ones before.
std::vector<StackRun> RunAll(std::string const& stack, bool dry_run = true);

}  // namespace apex::gcp_mocks

#endif  // APEX_GCP_MOCKS_PROJECTS_H
