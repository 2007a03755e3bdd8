#include "plan_dot.h"

#include "dot_text.h"
#include "property_text.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

extern char** environ;

namespace apex::plan {
namespace {

// Two lines in a Graphviz label (its own \n escape).
std::string Label(std::string const& first, std::string const& second) {
  return "\"" + DotEscape(first) + "\\n" + DotEscape(second) + "\"";
}

// A fill colour per kind of resource, so the tiers read at a glance.
std::string FillFor(std::string const& type) {
  static std::vector<std::pair<std::string, std::string>> const kColours = {
      {"gcp:sql/", "#fff2cc"},        {"gcp:redis/", "#fff2cc"},         {"gcp:storage/", "#fff2cc"},
      {"gcp:cloudrunv2/", "#d9ead3"}, {"gcp:compute/", "#dae8fc"},       {"gcp:servicenetworking/", "#dae8fc"},
      {"gcp:monitoring/", "#f4cccc"}, {"gcp:secretmanager/", "#e1d5e7"}, {"gcp:serviceaccount/", "#eeeeee"},
      {"gcp:projects/", "#eeeeee"},
  };
  for (auto const& [prefix, colour] : kColours) {
    if (type.rfind(prefix, 0) == 0) return colour;
  }
  return "#ffffff";
}

class DotWriter {
 public:
  explicit DotWriter(Plan const& plan) : plan_(plan) {}

  std::string Write() {
    out_ << "digraph " << DotQuote("apex-plan-" + plan_.stack) << " {\n"
         << "  graph [rankdir=LR, newrank=true, fontname=\"Helvetica\", fontsize=12, labelloc=t, "
         << "label=" << DotQuote("Apex plan (" + plan_.stack + ") - offline preview, simulated Google Cloud") << "];\n"
         << "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", "
            "fontsize=10];\n"
         << "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n";
    for (std::size_t p = 0; p < plan_.projects.size(); ++p) Project(p);
    for (std::size_t p = 0; p < plan_.projects.size(); ++p) ReferenceEdges(p);
    out_ << "}\n";
    return out_.str();
  }

 private:
  static std::string NodeId(std::size_t project, std::size_t resource) {
    return DotQuote("p" + std::to_string(project) + "_r" + std::to_string(resource));
  }
  static std::string OutputId(std::size_t project, std::string const& output) {
    return DotQuote("p" + std::to_string(project) + "_out_" + output);
  }

  void Project(std::size_t p) {
    auto const& project = plan_.projects[p];
    std::map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < project.resources.size(); ++i) index_of[project.resources[i].urn] = i;
    children_.clear();
    std::vector<std::size_t> top;
    for (std::size_t i = 0; i < project.resources.size(); ++i) {
      auto const& r = project.resources[i];
      if (r.type == kStackType) continue;
      auto parent = index_of.find(r.parent_urn);
      if (parent == index_of.end() || project.resources[parent->second].type == kStackType) {
        top.push_back(i);
      } else {
        children_[parent->second].push_back(i);
      }
    }
    out_ << "  subgraph " << DotQuote("cluster_p" + std::to_string(p)) << " {\n"
         << "    label=" << Label(project.project, project.qualified_name)
         << "; style=\"rounded,filled\"; fillcolor=\"#f7f9fc\"; color=\"#6c8ebf\"; fontsize=14;\n";
    std::vector<std::string> leaves;
    for (auto i : top) {
      if (Resource(p, project, i, "    ")) leaves.push_back(NodeId(p, i));
    }
    Grid(leaves, "    ");
    if (!project.outputs.empty()) {
      out_ << "    subgraph " << DotQuote("cluster_p" + std::to_string(p) + "_outputs")
           << " {\n      label=\"Outputs\"; style=dashed; color=\"#999999\";\n";
      std::vector<std::string> outputs;
      for (auto const& [name, value] : project.outputs) {
        outputs.push_back(OutputId(p, name));
        out_ << "      " << outputs.back() << " [shape=note, fillcolor=\"#fffbe6\", label=" << DotQuote(name) << "];\n";
      }
      Grid(outputs, "      ");
      out_ << "    }\n";
    }
    out_ << "  }\n";
  }

  // Left to itself, dot stacks the unconnected nodes of a cluster in one column (rankdir=LR); invisible
  // edges from each node to the one a column further lay them out in a near-square grid instead.
  void Grid(std::vector<std::string> const& nodes, std::string const& indent) {
    std::size_t rows = 1;
    while (rows * rows < nodes.size()) ++rows;
    for (std::size_t i = 0; i + rows < nodes.size(); ++i) {
      out_ << indent << nodes[i] << " -> " << nodes[i + rows] << " [style=invis];\n";
    }
  }

  // Writes a node, or a cluster for a resource with children; true for a node.
  bool Resource(std::size_t p, ProjectPlan const& project, std::size_t i, std::string const& indent) {
    auto const& r = project.resources[i];
    auto kids = children_.find(i);
    if (kids == children_.end()) {
      out_ << indent << NodeId(p, i) << " [label=" << Label(ShortType(r.type), r.name);
      if (r.read)
        out_ << ", shape=cds, fillcolor=\"#ffffff\"";
      else
        out_ << ", fillcolor=" << DotQuote(r.custom ? FillFor(r.type) : "#ffffff");
      out_ << "];\n";
      return true;
    }
    out_ << indent << "subgraph " << DotQuote("cluster_p" + std::to_string(p) + "_r" + std::to_string(i)) << " {\n"
         << indent << "  label=" << Label(ShortType(r.type), r.name)
         << "; style=\"rounded,filled\"; fillcolor=\"#ffffff\"; color=\"#82b366\";\n";
    std::vector<std::string> leaves;
    if (r.custom) {
      out_ << indent << "  " << NodeId(p, i) << " [label=" << Label(ShortType(r.type), r.name) << "];\n";
      leaves.push_back(NodeId(p, i));
    }
    for (auto child : kids->second) {
      if (Resource(p, project, child, indent + "  ")) leaves.push_back(NodeId(p, child));
    }
    Grid(leaves, indent + "  ");
    out_ << indent << "}\n";
    return false;
  }

  void ReferenceEdges(std::size_t consumer) {
    auto const& project = plan_.projects[consumer];
    for (auto const& ref : project.references) {
      std::size_t reader = 0;
      for (std::size_t i = 0; i < project.resources.size(); ++i) {
        if (project.resources[i].urn == ref.urn) reader = i;
      }
      for (std::size_t producer = 0; producer < plan_.projects.size(); ++producer) {
        if (plan_.projects[producer].project != ref.project) continue;
        for (auto const& output : ref.outputs) {
          out_ << "  " << OutputId(producer, output) << " -> " << NodeId(consumer, reader)
               << " [style=dashed, color=\"#6c8ebf\", arrowhead=vee];\n";
        }
      }
    }
  }

  Plan const& plan_;
  std::ostringstream out_;
  std::map<std::size_t, std::vector<std::size_t>> children_;
};

}  // namespace

std::string PlanDot(Plan const& plan) { return DotWriter(plan).Write(); }

std::optional<std::string> FindDot() {
  char const* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (dir.empty()) continue;
    std::string candidate = dir + "/dot";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

std::optional<std::string> RenderSvg(std::string const& dot, std::string const& dot_file, std::string const& svg_file) {
  std::vector<std::string> args = {dot, "-Tsvg", dot_file, "-o", svg_file};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (int err = ::posix_spawn(&pid, dot.c_str(), nullptr, nullptr, argv.data(), environ); err != 0) {
    return "cannot run " + dot + ": error " + std::to_string(err);
  }
  int status = 0;
  if (::waitpid(pid, &status, 0) < 0) return "waiting for " + dot + " failed";
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return dot + " -Tsvg " + dot_file + " failed (status " + std::to_string(status) + ")";
  }
  return std::nullopt;
}

}  // namespace apex::plan
