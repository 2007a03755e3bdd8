// apex-sim: the real lifecycle of Apex on the simulated cloud, one command. The four projects in dependency
// order with the real `pulumi` CLI: preview and up each, then a drift check of each (refresh --preview-only
// --expect-no-changes); with --destroy, destroy in reverse order. Prints what each step did.
//
//   apex-sim --stack dev --work DIR --infra SRC_DIR --programs INFRA_BUILD_DIR --sdk-build BUILD_DIR
//            --engine-bin DIR [--latency-ms N] [--destroy]
// tools/run --sim fills these in.
#include "apex_prerequisites.h"
#include "store.h"
#include "workspace.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

namespace {

namespace fs = std::filesystem;
using pulumi::gcpsim::CliResult;
using pulumi::gcpsim::Workspace;

using pulumi::gcpsim::kApexProjects;

int Usage() {
  std::cerr << "usage: apex-sim --stack dev|staging|prod --work DIR --infra DIR --programs DIR --sdk-build DIR "
               "--engine-bin DIR [--latency-ms N] [--destroy]\n";
  return 2;
}

void Report(std::string const& project, std::string const& step, CliResult const& r, std::string const& what) {
  std::printf("[%-15s] %-8s %-64s %6.1f s\n", project.c_str(), step.c_str(), what.c_str(), r.seconds);
  std::fflush(stdout);
}

bool Step(Workspace const& ws, std::string const& project, std::string const& step, std::vector<std::string> args,
          std::string const& ok_text = "", std::string* failure = nullptr) {
  auto r = ws.Pulumi(project, std::move(args));
  if (r.code != 0) {
    if (failure) *failure = r.output;
    Report(project, step, r, "FAILED (exit " + std::to_string(r.code) + ")");
    auto errors = pulumi::gcpsim::ErrorLines(r.output);
    std::cerr << (errors.empty() ? r.output : errors);
    return false;
  }
  auto summary = pulumi::gcpsim::ResourceSummary(r.output);
  Report(project, step, r, ok_text.empty() ? (summary.empty() ? "done" : summary) : ok_text);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> flags;
  bool destroy = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--destroy") {
      destroy = true;
    } else if (a.starts_with("--") && i + 1 < argc) {
      flags[a.substr(2)] = argv[++i];
    } else {
      return Usage();
    }
  }
  for (auto const* required : {"stack", "work", "infra", "programs", "sdk-build", "engine-bin"}) {
    if (!flags.contains(required)) return Usage();
  }
  for (auto const* path : {"work", "infra", "programs", "sdk-build", "engine-bin"}) {
    flags[path] = fs::absolute(flags[path]).lexically_normal().string();
  }
  auto const options = pulumi::gcpsim::ApexWorkspaceOptions(
      {.sdk_build = flags["sdk-build"],
       .infra = flags["infra"],
       .programs = flags["programs"],
       .engine_bin = flags["engine-bin"]},
      flags["work"], flags["stack"], flags.contains("latency-ms") ? std::stoi(flags["latency-ms"]) : 0);
  Workspace ws(options);
  std::printf("apex-sim: stack %s in %s (the cloud: %s)\n", options.stack.c_str(), options.work_dir.c_str(),
              ws.database().c_str());
  std::string error;
  if (!ws.Prepare(&error) || !pulumi::gcpsim::CreateApexPrerequisites(ws, &error)) {
    std::cerr << "apex-sim: " << error << "\n";
    return 1;
  }
  for (auto const* p : kApexProjects) {
    if (!Step(ws, p, "preview", {"preview"})) return 1;
    if (!Step(ws, p, "up", {"up", "--yes"})) return 1;
  }
  for (auto const* p : kApexProjects) {
    if (!Step(ws, p, "drift", {"refresh", "--preview-only", "--expect-no-changes"}, "no drift")) return 1;
  }
  if (auto store = pulumi::gcpsim::Store::Open(ws.database()); store.ok()) {
    if (auto all = (*store)->List(); all.ok()) {
      std::map<std::string, int> by_type;
      for (auto const& r : *all) ++by_type[r.type];
      std::printf("\nThe simulated cloud holds %zu resources:\n", all->size());
      for (auto const& [type, n] : by_type) std::printf("  %3d  %s\n", n, type.c_str());
    }
  }
  if (destroy) {
    for (auto it = std::rbegin(kApexProjects); it != std::rend(kApexProjects); ++it) {
      std::string failure;
      if (!Step(ws, *it, "destroy", {"destroy", "--yes"}, "", &failure)) {
        if (failure.find("deletion_protection") == std::string::npos &&
            failure.find("protected against deletion") == std::string::npos) {
          return 1;
        }
        std::cerr << "apex-sim: the " << options.stack
                  << " stacks keep deletion protection on (apex:deletionProtection); "
                  << "README.md, \"A deliberate teardown of prod\", says how to lift it on purpose\n";
        return 1;
      }
    }
  } else {
    std::printf("Inspect or change it behind Pulumi's back: %s --db %s ls | show | set | delete\n",
                options.gcp_sim.c_str(), ws.database().c_str());
    std::printf(
        "Run pulumi there: cd %s && PULUMI_HOME=%s/home PULUMI_CONFIG_PASSPHRASE=$(cat %s/passphrase) "
        "GCPSIM_DB=%s %s/pulumi refresh --preview-only\n",
        ws.project_dir("apex-databases").c_str(), options.work_dir.c_str(), options.work_dir.c_str(),
        ws.database().c_str(), options.engine_bin_dir.c_str());
  }
  return 0;
}
