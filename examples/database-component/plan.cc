// Runs the example program against mocks and prints what it would create, in the style of
// `pulumi preview`. No engine, no cloud, no network.
#include "database.h"

#include "pulumi/mocks/mocks.h"

#include <cstring>
#include <functional>
#include <iostream>

int main(int argc, char** argv) {
  bool update = argc > 1 && std::strcmp(argv[1], "--update") == 0;
  pulumi::mocks::MockDeployment deployment(nullptr, {.project = "example",
                                                     .stack = "dev",
                                                     .dry_run = !update,
                                                     .config = {{"tier", "db-f1-micro"}},
                                                     .secret_config = {{"dbPassword", "example-only"}}});
  int rc = deployment.Run(example::Program);
  auto resources = deployment.resources();
  std::cout << (update ? "Updating" : "Previewing") << " (example/dev, mocks):\n\n";
  std::function<void(std::string const&, int)> print = [&](std::string const& parent, int depth) {
    for (auto const& r : resources) {
      if (r.parent != parent) continue;
      std::cout << "    + " << std::string(static_cast<std::size_t>(depth) * 2, ' ') << r.type << "  " << r.name
                << "\n";
      for (auto const& [k, v] : r.inputs) {
        std::cout << "        " << std::string(static_cast<std::size_t>(depth) * 2, ' ') << k << ": " << v.ToString()
                  << "\n";
      }
      print(r.urn, depth + 1);
    }
  };
  print("", 0);
  std::cout << "\nOutputs:\n";
  for (auto const& [k, v] : deployment.stack_outputs()) std::cout << "    " << k << ": " << v.ToString() << "\n";
  std::cout << "\nResources:\n    + " << resources.size() << " to create\n";
  return rc;
}
