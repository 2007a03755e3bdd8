#include "plan_printer.h"

#include "key_properties.h"
#include "property_text.h"

#include <algorithm>
#include <map>

namespace apex::plan {
namespace {

constexpr char kIndent[] = "    ";
// Outputs are what other stacks and people copy, so they are cut later than properties.
constexpr std::size_t kOutputChars = 240;

struct Row {
  char op = '+';          ///< '+' create, '>' read
  std::string tree_type;  ///< the tree's prefix and the displayed type
  std::string name;
  std::string plan;
  std::string property_prefix;  ///< continues the tree's lines beside the properties
  std::vector<std::pair<std::string, std::string>> properties;
};

std::string Pad(std::string const& text, std::size_t width) {
  auto w = DisplayWidth(text);
  return w >= width ? text : text + std::string(width - w, ' ');
}

class TreeBuilder {
 public:
  explicit TreeBuilder(std::vector<PlannedResource> const& resources) : resources_(resources) {
    std::map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < resources.size(); ++i) index_of[resources[i].urn] = i;
    for (std::size_t i = 0; i < resources.size(); ++i) {
      auto parent = index_of.find(resources[i].parent_urn);
      if (parent == index_of.end()) {
        roots_.push_back(i);
      } else {
        children_[parent->second].push_back(i);
      }
    }
  }

  std::vector<Row> Rows() {
    for (auto root : roots_) Walk(root, "", "", "");
    return std::move(rows_);
  }

 private:
  // `connector` is "├─ " or "└─ " (empty for a root); `below` is what the parent's prefix continues with.
  void Walk(std::size_t i, std::string const& prefix, std::string const& connector, std::string const& below) {
    auto const& r = resources_[i];
    auto const& kids = children_[i];
    std::string child_prefix = prefix + below;
    Row row{.op = r.read ? '>' : '+',
            .tree_type = prefix + connector + DisplayType(r.type),
            .name = r.name,
            .plan = r.read ? "read" : "create",
            .property_prefix = child_prefix + (kids.empty() ? "   " : "│  ") + "  ",
            .properties = {}};
    for (auto const& path : KeyProperties(r.type)) {
      if (auto value = Lookup(r.inputs, path)) row.properties.emplace_back(path, ValueText(*value));
    }
    rows_.push_back(std::move(row));
    for (std::size_t k = 0; k < kids.size(); ++k) {
      bool last = k + 1 == kids.size();
      Walk(kids[k], child_prefix, last ? "└─ " : "├─ ", last ? "   " : "│  ");
    }
  }

  std::vector<PlannedResource> const& resources_;
  std::vector<std::size_t> roots_;
  std::map<std::size_t, std::vector<std::size_t>> children_;
  std::vector<Row> rows_;
};

void PrintTree(std::vector<PlannedResource> const& resources, std::ostream& out) {
  auto rows = TreeBuilder(resources).Rows();
  std::size_t type_width = 4, name_width = 4;
  for (auto const& row : rows) {
    type_width = std::max(type_width, DisplayWidth(row.tree_type));
    name_width = std::max(name_width, DisplayWidth(row.name));
  }
  out << "     " << Pad("Type", type_width) << "  " << Pad("Name", name_width) << "  Plan\n";
  for (auto const& row : rows) {
    out << ' ' << row.op << "   " << Pad(row.tree_type, type_width) << "  " << Pad(row.name, name_width) << "  "
        << row.plan << "\n";
    std::size_t key_width = 0;
    for (auto const& [key, value] : row.properties) key_width = std::max(key_width, key.size());
    for (auto const& [key, value] : row.properties) {
      out << "     " << row.property_prefix << Pad(key, key_width) << " : " << value << "\n";
    }
  }
}

void PrintSummary(int creates, int reads, std::ostream& out) {
  out << "Resources:\n" << kIndent << "+ " << creates << " to create\n";
  if (reads > 0) out << kIndent << "> " << reads << " to read\n";
}

}  // namespace

void PrintProject(ProjectPlan const& project, std::ostream& out) {
  out << "Previewing update (" << project.stack << ") of " << project.project
      << " \xE2\x80\x94 offline, simulated Google Cloud\n\n";
  PrintTree(project.resources, out);
  if (!project.references.empty()) {
    out << "\nStackReferences:\n";
    for (auto const& ref : project.references) {
      out << kIndent << ref.stack << (ref.project.empty() ? " (not in this plan)" : "") << " -> ";
      if (ref.outputs.empty()) out << "(no outputs used)";
      for (std::size_t i = 0; i < ref.outputs.size(); ++i) out << (i ? ", " : "") << ref.outputs[i];
      out << "\n";
    }
  }
  if (!project.outputs.empty()) {
    out << "\nOutputs:\n";
    std::size_t width = 0;
    for (auto const& [name, value] : project.outputs) width = std::max(width, name.size());
    for (auto const& [name, value] : project.outputs) {
      out << kIndent << Pad(name, width) << " : " << ValueText(value, kOutputChars) << "\n";
    }
  }
  if (!project.warnings.empty()) {
    out << "\nWarnings:\n";
    for (auto const& w : project.warnings) out << kIndent << "warning: " << w << "\n";
  }
  out << "\n";
  PrintSummary(project.Creates(), project.Reads(), out);
  out << "\n";
}

void PrintTotal(Plan const& plan, std::ostream& out) {
  out << "Total for stack " << plan.stack << " over " << plan.projects.size() << " project"
      << (plan.projects.size() == 1 ? "" : "s") << " (";
  for (std::size_t i = 0; i < plan.projects.size(); ++i) out << (i ? ", " : "") << plan.projects[i].project;
  out << "):\n";
  PrintSummary(plan.Creates(), plan.Reads(), out);
}

void PrintPlan(Plan const& plan, std::ostream& out) {
  for (auto const& project : plan.projects) PrintProject(project, out);
  PrintTotal(plan, out);
}

void PrintFailure(ProjectFailure const& failure, std::ostream& out) {
  out << "apex-plan: " << failure.project << " (" << failure.stack << ") failed";
  if (failure.exit_code >= 0) out << " with exit code " << failure.exit_code;
  out << "\n";
  if (failure.errors.empty()) out << kIndent << "(the run logged no errors)\n";
  for (auto const& e : failure.errors) out << kIndent << "error: " << e << "\n";
}

}  // namespace apex::plan
