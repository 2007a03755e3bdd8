#include "apex/gcp_mocks/projects.h"

#include "apex/gcp_mocks/gcp_mocks.h"
#include "apex/stack_graph.h"
#include "apex_network/program.h"
#if WITH_APEX_DATABASES
#include "apex_databases/program.h"
#endif
#if WITH_APEX_SERVICES
#include "apex_services/program.h"
#endif
#if WITH_APEX_MONITORING
#include "apex_monitoring/program.h"
#endif

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace apex::gcp_mocks {

std::vector<Project> const& Projects() {
  // The programs built into this library (APEX_PROJECTS), in the graph's order with the graph's reads.
  static std::map<std::string, std::function<void(pulumi::Context&)>> const kPrograms = {
    {"apex-network", apex::network::Program},
#if WITH_APEX_DATABASES
    {"apex-databases", apex::databases::Program},
#endif
#if WITH_APEX_SERVICES
    {"apex-services", apex::services::Program},
#endif
#if WITH_APEX_MONITORING
    {"apex-monitoring", apex::monitoring::Program},
#endif
  };
  static std::vector<Project> const kProjects = [] {
    std::vector<Project> projects;
    for (auto const& node : StackGraph()) {
      if (auto it = kPrograms.find(node.name); it != kPrograms.end()) {
        projects.push_back({.name = node.name, .program = it->second, .reads = node.ReadProjects()});
      }
    }
    return projects;
  }();
  return kProjects;
}

Project const& FindProject(std::string const& name) {
  for (auto const& p : Projects()) {
    if (p.name == name) return p;
  }
  throw std::runtime_error("no Apex project named " + name);
}

namespace {

StackRun RunWith(std::string const& project, StackConfig config,
                 std::map<std::string, pulumi::PropertyMap> stack_references, bool dry_run) {
  auto const& p = FindProject(project);
  StackRun run;
  run.config = std::move(config);
  run.qualified_name = QualifiedStackName(run.config.Get("apex:stackOrganization", kDefaultStackOrganization), project,
                                          run.config.stack);
  run.deployment = std::make_unique<pulumi::mocks::MockDeployment>(
      std::make_shared<GcpMocks>(run.config.GcpProject(), run.config.Region()),
      MockOptionsFor(run.config, dry_run, std::move(stack_references)));
  run.exit_code = run.deployment->Run(p.program);
  return run;
}

}  // namespace

StackRun RunStack(std::string const& project, std::string const& stack,
                  std::map<std::string, pulumi::PropertyMap> stack_references, bool dry_run) {
  return RunWith(project, LoadStackConfig(ProjectDirectory(project), stack), std::move(stack_references), dry_run);
}

StackRun RunStackEdited(std::string const& project, std::string const& stack,
                        std::function<std::string(std::string)> const& edit,
                        std::map<std::string, pulumi::PropertyMap> stack_references) {
  namespace fs = std::filesystem;
  fs::path const from = ProjectDirectory(project);
  fs::path const dir =
      fs::temp_directory_path() / ("apex-edited-" + project + "-" + stack + "-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(from / "Pulumi.yaml", dir / "Pulumi.yaml", fs::copy_options::overwrite_existing);
  std::ifstream in(from / ("Pulumi." + stack + ".yaml"));
  std::stringstream text;
  text << in.rdbuf();
  std::ofstream(dir / ("Pulumi." + stack + ".yaml")) << edit(text.str());
  auto config = LoadStackConfig(dir.string(), stack);
  fs::remove_all(dir);
  return RunWith(project, std::move(config), std::move(stack_references), /*dry_run=*/true);
}

std::string LogText(pulumi::mocks::MockDeployment const& deployment) {
  std::string s;
  for (auto const& l : deployment.logs()) s += l.severity + ": " + l.message + "\n";
  return s;
}

std::function<std::string(std::string)> ReplaceText(std::string from, std::string to) {
  return [from = std::move(from), to = std::move(to)](std::string s) {
    auto pos = s.find(from);
    if (pos == std::string::npos) throw std::runtime_error("no '" + from + "' in the stack file");
    return s.replace(pos, from.size(), to);
  };
}

std::map<std::string, pulumi::PropertyMap> ReferencesFor(std::vector<StackRun const*> const& runs) {
  std::map<std::string, pulumi::PropertyMap> refs;
  for (auto const* r : runs) refs[r->qualified_name] = r->deployment->stack_outputs();
  return refs;
}

std::vector<StackRun> RunAll(std::string const& stack, bool dry_run) {
  std::vector<StackRun> runs;
  runs.reserve(Projects().size());
  for (auto const& p : Projects()) {
    std::vector<StackRun const*> done;
    for (auto const& r : runs) done.push_back(&r);
    runs.push_back(RunStack(p.name, stack, ReferencesFor(done), dry_run));
  }
  return runs;
}

}  // namespace apex::gcp_mocks
