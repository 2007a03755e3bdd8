// peers-engine: the fast engine of the peer benchmark, for one program run.
//
//   peers-engine [--project P] [--stack S] [--config JSON] [--record FILE] [--dump FILE]
//
// Prints its port on the first stdout line and serves until its stdin closes. Then it writes the sorted
// registrations (--record, one JSON line each) and the raw RegisterResource requests (--dump, for
// peers-floor), prints the errors the program logged to stderr, and exits 0.
#include "fast_engine.h"
#include "request_file.h"

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

namespace {

int Usage(std::string const& problem) {
  std::cerr << "peers-engine: " << problem
            << "\nusage: peers-engine [--project P] [--stack S] [--config JSON] [--record FILE] [--dump FILE]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> args;
  for (int i = 1; i < argc; i += 2) {
    std::string key = argv[i];
    if (key != "--project" && key != "--stack" && key != "--config" && key != "--record" && key != "--dump") {
      return Usage("unknown option " + key);
    }
    if (i + 1 >= argc) return Usage(key + " needs a value");
    args[key] = argv[i + 1];
  }
  bench::peers::FastEngineOptions options;
  if (args.contains("--project")) options.project = args["--project"];
  if (args.contains("--stack")) options.stack = args["--stack"];
  if (args.contains("--config")) {
    if (!nlohmann::json::accept(args["--config"])) return Usage("--config is not JSON: " + args["--config"]);
    options.config_json = args["--config"];
  }
  options.keep_requests = args.contains("--record") || args.contains("--dump");
  std::unique_ptr<bench::peers::FastEngine> served;
  try {
    served = std::make_unique<bench::peers::FastEngine>(options);
  } catch (std::exception const&) {
    std::cerr << "peers-engine: cannot listen on 127.0.0.1\n";
    return 1;
  }
  auto& engine = *served;
  std::cout << engine.port() << std::endl;
  char buffer[256];
  while (::read(STDIN_FILENO, buffer, sizeof buffer) > 0) {
  }
  engine.Shutdown();

  for (auto const& e : engine.LoggedErrors()) std::cerr << "program error: " << e << "\n";
  if (args.contains("--record")) {
    std::ofstream out(args["--record"]);
    for (auto const& line : engine.SortedRecords()) out << line << "\n";
    if (!out.flush()) {
      std::cerr << "peers-engine: cannot write " << args["--record"] << "\n";
      return 1;
    }
  }
  if (args.contains("--dump")) {
    std::string error;
    if (!bench::peers::WriteRequests(args["--dump"], engine.Requests(), &error)) {
      std::cerr << "peers-engine: " << error << "\n";
      return 1;
    }
  }
  return 0;
}
