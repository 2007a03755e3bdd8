// apex-peer-monitor: serves a RecordingMonitor for one run of a project's stack.
//
//   apex-peer-monitor --project-dir infra/apex-network --stack dev --record out.json
//                     [--stack-references refs.json] [--organization ORG] [--parallel N]
//                     [--values known|unknown]
//
// The config is the real stack file's (Pulumi.yaml + Pulumi.<stack>.yaml; `secure:` values become
// placeholders). Prints the port on its first stdout line and, on the second, a JSON object of the
// environment a language host gives the program (PULUMI_MONITOR, PULUMI_ENGINE, PULUMI_PROJECT,
// PULUMI_STACK, PULUMI_ORGANIZATION, PULUMI_DRY_RUN, PULUMI_PARALLEL, PULUMI_CONFIG,
// PULUMI_CONFIG_SECRET_KEYS, PULUMI_ROOT_DIRECTORY). Serves until its stdin closes or it gets SIGTERM/SIGINT,
// then writes the recording to --record and exits 0. --values unknown answers as a real preview does for
// creates (ids and computed values unknown); the default, known, gives GcpMocks' values.
#include "recording_monitor.h"

#include "apex/gcp_mocks/stack_config.h"
#include "test_engine/property_json.h"

#include <pthread.h>
#include <unistd.h>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

namespace {

using nlohmann::json;

int Usage(std::string const& problem) {
  std::cerr << "apex-peer-monitor: " << problem
            << "\nusage: apex-peer-monitor --project-dir DIR --stack STACK --record FILE "
               "[--stack-references FILE] [--organization ORG] [--parallel N] [--values known|unknown]\n";
  return 2;
}

std::map<std::string, pulumi::PropertyMap> LoadStackReferences(std::string const& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read the stack references file " + path);
  json j = json::parse(in);
  std::map<std::string, pulumi::PropertyMap> refs;
  for (auto it = j.begin(); it != j.end(); ++it) {
    auto value = pulumi::test_engine::FromJson(it.value());
    if (!value.is_object()) throw std::runtime_error(path + ": the outputs of " + it.key() + " are not an object");
    refs[it.key()] = value.AsObject();
  }
  return refs;
}

int Run(std::map<std::string, std::string> const& args) {
  for (char const* required : {"--project-dir", "--stack", "--record"}) {
    if (!args.contains(required)) return Usage(std::string("missing ") + required);
  }
  std::string dir = std::filesystem::absolute(args.at("--project-dir")).lexically_normal().string();
  auto stack = apex::gcp_mocks::LoadStackConfig(dir, args.at("--stack"));
  std::string parallel = args.contains("--parallel") ? args.at("--parallel") : "4";

  apex::peer::MonitorOptions o;
  o.project = stack.project;
  o.stack = stack.stack;
  if (args.contains("--organization")) o.organization = args.at("--organization");
  if (args.contains("--values")) {
    if (args.at("--values") != "known" && args.at("--values") != "unknown") {
      return Usage("--values is known or unknown");
    }
    o.preview_unknowns = args.at("--values") == "unknown";
  }
  o.config = stack.config;
  for (auto const& [k, v] : stack.secret_config) {
    o.config[k] = v;
    o.config_secret_keys.push_back(k);
  }
  o.gcp_project = stack.GcpProject();
  o.region = stack.Region();
  if (args.contains("--stack-references")) o.stack_references = LoadStackReferences(args.at("--stack-references"));

  // SIGTERM and SIGINT are taken by sigwait below, on every thread (gRPC's included).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  apex::peer::RecordingMonitor monitor(o);
  json env{{"PULUMI_MONITOR", monitor.address()},
           {"PULUMI_ENGINE", monitor.address()},
           {"PULUMI_PROJECT", o.project},
           {"PULUMI_STACK", o.stack},
           {"PULUMI_ORGANIZATION", o.organization},
           {"PULUMI_DRY_RUN", o.dry_run ? "true" : "false"},
           {"PULUMI_PARALLEL", parallel},
           {"PULUMI_CONFIG", json(o.config).dump()},
           {"PULUMI_CONFIG_SECRET_KEYS", json(o.config_secret_keys).dump()},
           {"PULUMI_ROOT_DIRECTORY", dir}};
  std::cout << monitor.port() << '\n' << env.dump() << std::endl;

  std::thread([] {
    char buf[256];
    while (read(STDIN_FILENO, buf, sizeof buf) > 0) {
    }
    kill(getpid(), SIGTERM);  // stdin closed: stop as on SIGTERM
  }).detach();
  int received = 0;
  sigwait(&signals, &received);

  monitor.Shutdown();
  std::ofstream out(args.at("--record"));
  out << monitor.Recording().dump(2) << '\n';
  if (!out) {
    std::cerr << "apex-peer-monitor: cannot write " << args.at("--record") << '\n';
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> args;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (!a.starts_with("--") || i + 1 >= argc) return Usage("unexpected argument " + a);
    args[a] = argv[++i];
  }
  try {
    return Run(args);
  } catch (std::exception const& e) {
    std::cerr << "apex-peer-monitor: " << e.what() << '\n';
    return 1;
  }
}
