// The apex-plan command line:
//   apex-plan [--stack dev|staging|prod] [--out DIR] [--no-svg]
// main() only hands its arguments to Main(), so the tests run the whole command in-process.
#ifndef APEX_PLAN_PLAN_CLI_H
#define APEX_PLAN_PLAN_CLI_H

#include <ostream>
#include <string>
#include <vector>

namespace apex::plan {

inline constexpr int kExitOk = 0;
inline constexpr int kExitProjectFailed = 1;  ///< a project's program failed (or its stack files are missing)
inline constexpr int kExitUsage = 2;
inline constexpr int kExitOutputFailed = 3;  ///< the files could not be written, or `dot` failed
inline constexpr int kExitNoGraphviz = 4;

struct PlanOptions {
  std::string stack = "dev";
  std::string out_dir = "apex-plan-out";
  bool svg = true;
};

struct ParsedArgs {
  PlanOptions options;
  bool help = false;
  std::string error;  ///< non-empty on a usage error
};

ParsedArgs ParseArgs(std::vector<std::string> const& args);

/// Plans every project for options.stack: prints the plan to `out`, writes DIR/plan-<stack>.{json,dot,svg} (the
/// inventory) and DIR/plan-<stack>-architecture.{dot,svg}, reports failures on `err`; returns a kExit* code.
int RunPlan(PlanOptions const& options, std::ostream& out, std::ostream& err);

/// The whole command: `args` without the program name.
int Main(std::vector<std::string> const& args, std::ostream& out, std::ostream& err);

}  // namespace apex::plan

#endif  // APEX_PLAN_PLAN_CLI_H
