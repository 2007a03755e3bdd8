// apex-plan: the offline plan of the Apex projects (see plan_cli.h).
#include "plan_cli.h"

#include <iostream>

int main(int argc, char** argv) {
  return apex::plan::Main(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
