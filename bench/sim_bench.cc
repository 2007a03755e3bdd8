// sim_bench: the time of Apex's whole dev lifecycle on the simulated cloud with the real engine (the four
// projects up, refreshed, destroyed), and the simulator's own time per call beside it, from its trace
// (GCPSIM_TRACE): how much of a deployment is the provider, how much the engine, the language host and the
// programs. Needs the infra build (tools/run --sim builds it, or infra/build build/default).
//
//   build/default/bench/sim_bench [RUNS]       (default 3)
#include "apex_prerequisites.h"
#include "workspace.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using pulumi::gcpsim::Workspace;

using pulumi::gcpsim::kApexProjects;
constexpr char const* kPhases[] = {"up", "refresh", "destroy"};

struct Calls {
  std::vector<double> us;
  double total() const {
    double t = 0;
    for (double u : us) t += u;
    return t;
  }
};

/// method -> call times, from one trace file.
void ReadTrace(std::string const& path, std::map<std::string, Calls>& by_method) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string method, type, us;
    if (std::getline(fields, method, '\t') && std::getline(fields, type, '\t') && std::getline(fields, us)) {
      by_method[method].us.push_back(std::stod(us));
    }
  }
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int const runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
  std::string const work = std::string(BENCH_WORK_DIR) + "/sim";
  auto const options =
      pulumi::gcpsim::ApexWorkspaceOptions({.sdk_build = SDK_BUILD_DIR,
                                            .infra = INFRA_SOURCE_DIR,
                                            .programs = SDK_BUILD_DIR "/infra",
                                            .engine_bin = pulumi::gcpsim::EngineBinDir(PULUMI_ENGINE_VERSION)},
                                           work, "dev");
  std::map<std::string, std::vector<double>> wall;              // phase -> seconds per run
  std::map<std::string, std::vector<double>> provider_seconds;  // phase -> the provider's own seconds per run
  std::map<std::string, Calls> calls;                           // all phases, all runs
  std::size_t resources = 0;
  for (int run = 0; run < runs; ++run) {
    Workspace ws(options);
    std::string error;
    if (!ws.Prepare(&error) || !pulumi::gcpsim::CreateApexPrerequisites(ws, &error)) {
      std::fprintf(stderr, "sim_bench: %s\n", error.c_str());
      return 1;
    }
    for (auto const* phase : kPhases) {
      auto trace = work + "/trace-" + phase + ".tsv";
      fs::remove(trace);
      ws.SetEnv("GCPSIM_TRACE", trace);
      double seconds = 0;
      std::vector<std::string> order(std::begin(kApexProjects), std::end(kApexProjects));
      if (std::string(phase) == "destroy") std::reverse(order.begin(), order.end());
      for (auto const& p : order) {
        std::vector<std::string> args =
            std::string(phase) == "up"        ? std::vector<std::string>{"up", "--yes", "--skip-preview"}
            : std::string(phase) == "refresh" ? std::vector<std::string>{"refresh", "--yes"}
                                              : std::vector<std::string>{"destroy", "--yes"};
        auto r = ws.Pulumi(p, args);
        if (r.code != 0) {
          std::fprintf(stderr, "sim_bench: %s %s failed:\n%s\n", phase, p.c_str(), r.output.c_str());
          return 1;
        }
        seconds += r.seconds;
      }
      std::map<std::string, Calls> phase_calls;
      ReadTrace(trace, phase_calls);
      double busy = 0;
      for (auto& [method, c] : phase_calls) {
        busy += c.total();
        auto& all = calls[method].us;
        all.insert(all.end(), c.us.begin(), c.us.end());
        if (std::string(phase) == "up" && method == "Create" && run == 0) resources = c.us.size();
      }
      wall[phase].push_back(seconds);
      provider_seconds[phase].push_back(busy / 1e6);
    }
  }

  std::printf(
      "sim_bench: Apex dev on the simulator, real engine v%s, %d run(s), %zu custom resources created per run\n\n",
      PULUMI_ENGINE_VERSION + 1, runs, resources);
  std::printf("%-10s %12s %12s %12s %18s %8s\n", "phase", "median s", "min s", "max s", "provider own s", "share");
  double total_wall = 0, total_provider = 0;
  for (auto const* phase : kPhases) {
    auto const& w = wall[phase];
    double med = Median(w), prov = Median(provider_seconds[phase]);
    total_wall += med;
    total_provider += prov;
    std::printf("%-10s %12.2f %12.2f %12.2f %18.3f %7.1f%%\n", phase, med, *std::min_element(w.begin(), w.end()),
                *std::max_element(w.begin(), w.end()), prov, 100 * prov / med);
  }
  std::printf("%-10s %12.2f %12s %12s %18.3f %7.1f%%\n\n", "lifecycle", total_wall, "", "", total_provider,
              100 * total_provider / total_wall);
  std::printf("%-18s %8s %12s %12s %12s\n", "provider call", "calls", "median µs", "mean µs", "max µs");
  for (auto const& [method, c] : calls) {
    double max = *std::max_element(c.us.begin(), c.us.end());
    std::printf("%-18s %8zu %12.0f %12.0f %12.0f\n", method.c_str(), c.us.size(), Median(c.us),
                c.total() / static_cast<double>(c.us.size()), max);
  }
  return 0;
}
