#include "plan_cli.h"

#include "architecture.h"
#include "architecture_dot.h"
#include "plan_dot.h"
#include "plan_json.h"
#include "plan_printer.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <utility>

namespace apex::plan {
namespace {

constexpr char kUsage[] =
    "usage: apex-plan [--stack dev|staging|prod] [--out DIR] [--no-svg]\n"
    "\n"
    "Plans every Apex project for a stack offline: runs the programs in preview mode against a simulated\n"
    "Google Cloud (no credentials, no network), in dependency order, and prints what `pulumi preview` would\n"
    "create. Writes DIR/plan-<stack>.json; the inventory of resources per project and component as\n"
    "DIR/plan-<stack>.dot; the architecture derived from them (public entry, service calls, data stores,\n"
    "secrets, network boundaries, cross-stack references) as DIR/plan-<stack>-architecture.dot; and, with\n"
    "Graphviz, each diagram as .svg.\n"
    "\n"
    "  --stack NAME  the stack whose Pulumi.<stack>.yaml files to plan (default: dev)\n"
    "  --out DIR     where to write the files (default: ./apex-plan-out)\n"
    "  --no-svg      skip rendering the diagram (no Graphviz needed)\n";

bool ValidStackName(std::string const& name) {
  if (name.empty()) return false;
  for (char c : name) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return name != "." && name != "..";
}

std::optional<std::string> WriteFile(std::filesystem::path const& path, std::string const& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) return "cannot write " + path.string();
  return std::nullopt;
}

}  // namespace

ParsedArgs ParseArgs(std::vector<std::string> const& args) {
  ParsedArgs parsed;
  for (std::size_t i = 0; i < args.size() && parsed.error.empty(); ++i) {
    std::string const& arg = args[i];
    auto value = [&](std::string const& flag) -> std::optional<std::string> {
      if (arg.rfind(flag + "=", 0) == 0) return arg.substr(flag.size() + 1);
      if (arg != flag) return std::nullopt;
      if (i + 1 >= args.size()) {
        parsed.error = flag + " needs a value";
        return std::nullopt;
      }
      return args[++i];
    };
    if (arg == "-h" || arg == "--help") {
      parsed.help = true;
    } else if (arg == "--no-svg") {
      parsed.options.svg = false;
    } else if (auto stack = value("--stack")) {
      parsed.options.stack = *stack;
      if (!ValidStackName(*stack)) parsed.error = "'" + *stack + "' is not a stack name";
    } else if (auto out = value("--out")) {
      parsed.options.out_dir = *out;
      if (out->empty()) parsed.error = "--out needs a directory";
    } else if (parsed.error.empty()) {
      parsed.error = "unknown argument '" + arg + "'";
    }
  }
  return parsed;
}

int RunPlan(PlanOptions const& options, std::ostream& out, std::ostream& err) {
  std::optional<std::string> dot;
  if (options.svg) {
    dot = FindDot();
    if (!dot) {
      err << "apex-plan: Graphviz `dot` is not on PATH, so the diagram cannot be rendered.\n"
          << "  Install graphviz (tools/setup does; or `apt-get install graphviz`), or pass --no-svg.\n";
      return kExitNoGraphviz;
    }
  }

  PlanResult result = BuildPlan(options.stack);
  for (auto const& project : result.plan.projects) PrintProject(project, out);
  if (result.failure) {
    out.flush();
    PrintFailure(*result.failure, err);
    err << "apex-plan: no plan written; fix " << result.failure->project << " and run again.\n";
    return kExitProjectFailed;
  }
  PrintTotal(result.plan, out);

  std::filesystem::path dir(options.out_dir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    err << "apex-plan: cannot create " << dir.string() << ": " << ec.message() << "\n";
    return kExitOutputFailed;
  }
  auto base = (dir / ("plan-" + options.stack)).string();
  auto json_file = base + ".json";
  auto dot_file = base + ".dot";
  auto svg_file = base + ".svg";
  auto architecture_dot = base + "-architecture.dot";
  auto architecture_svg = base + "-architecture.svg";
  for (auto const& [path, text] :
       {std::pair{json_file, PlanJson(result.plan)}, std::pair{dot_file, PlanDot(result.plan)},
        std::pair{architecture_dot, ArchitectureDot(BuildArchitecture(result.plan))}}) {
    if (auto error = WriteFile(path, text)) {
      err << "apex-plan: " << *error << "\n";
      return kExitOutputFailed;
    }
  }
  if (dot) {
    for (auto const& [from, to] : {std::pair{dot_file, svg_file}, std::pair{architecture_dot, architecture_svg}}) {
      if (auto error = RenderSvg(*dot, from, to)) {
        err << "apex-plan: " << *error << "\n";
        return kExitOutputFailed;
      }
    }
  }
  out << "\nWrote " << json_file << "\n"
      << "  inventory:    " << (dot ? svg_file : dot_file + " (no SVG: --no-svg)") << "\n"
      << "  architecture: " << (dot ? architecture_svg : architecture_dot + " (no SVG: --no-svg)") << "\n";
  return kExitOk;
}

int Main(std::vector<std::string> const& args, std::ostream& out, std::ostream& err) {
  ParsedArgs parsed = ParseArgs(args);
  if (!parsed.error.empty()) {
    err << "apex-plan: " << parsed.error << "\n" << kUsage;
    return kExitUsage;
  }
  if (parsed.help) {
    out << kUsage;
    return kExitOk;
  }
  return RunPlan(parsed.options, out, err);
}

}  // namespace apex::plan
