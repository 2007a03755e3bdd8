#include "architecture_dot.h"

#include "dot_text.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace apex::plan {
namespace {

std::string Html(std::string const& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Multi-line text as a plain Graphviz label: its own "\n" escapes.
std::string Lines(std::string const& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\n')
      out += "\\n";
    else if (c == '"' || c == '\\')
      out += std::string("\\") + c;
    else
      out += c;
  }
  return out + "\"";
}

// `extra` lines go under the details, in the colour of secret reads.
std::string NodeLabel(ArchNode const& n, std::vector<std::string> const& extra = {}) {
  std::string out = "<<b>" + Html(n.title) + "</b>";
  for (auto const& d : n.details) out += "<br/><font point-size=\"9\">" + Html(d) + "</font>";
  for (auto const& d : extra) out += "<br/><font point-size=\"9\" color=\"#6a3d9a\">" + Html(d) + "</font>";
  return out + ">";
}

// "a, b, c" in lines of about `width` characters.
std::vector<std::string> Wrap(std::vector<std::string> const& items, std::size_t width) {
  std::vector<std::string> lines(1);
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string item = items[i] + (i + 1 < items.size() ? "," : "");
    if (!lines.back().empty() && lines.back().size() + item.size() + 1 > width) lines.emplace_back();
    lines.back() += (lines.back().empty() ? "" : " ") + item;
  }
  return lines;
}

// Fill colours per project, in the plan's dependency order.
std::string ProjectFill(std::vector<std::string> const& projects, std::string const& project) {
  static std::vector<std::string> const kPalette = {"#dae8fc", "#fff2cc", "#d5e8d4", "#f8cecc",
                                                    "#e1d5e7", "#ffe6cc", "#f5f5f5"};
  auto it = std::find(projects.begin(), projects.end(), project);
  if (it == projects.end()) return "#ffffff";
  return kPalette[static_cast<std::size_t>(it - projects.begin()) % kPalette.size()];
}

std::string NodeStyle(NodeKind kind) {
  switch (kind) {
    case NodeKind::kInternet: return "shape=ellipse, style=filled, fillcolor=\"#eeeeee\", penwidth=1.5";
    case NodeKind::kExternal: return "shape=ellipse, style=\"dashed,filled\"";
    case NodeKind::kSecurityPolicy: return "shape=octagon, style=filled";
    case NodeKind::kService:
    case NodeKind::kWorkerPool: return "shape=box, style=\"rounded,filled,bold\"";
    case NodeKind::kJob: return "shape=box, style=\"rounded,filled,dashed,bold\"";
    case NodeKind::kSqlInstance:
    case NodeKind::kRedis: return "shape=cylinder, style=filled";
    case NodeKind::kVm: return "shape=box3d, style=filled";
    case NodeKind::kSecret: return "shape=note, style=filled";
    case NodeKind::kProject: return "shape=tab, style=filled";
    default: return "shape=box, style=\"rounded,filled\"";
  }
}

std::string EdgeStyle(ArchEdge const& e) {
  std::string colour;
  std::string style;
  switch (e.kind) {
    case EdgeKind::kRequest:
      colour = "#1f4e9a";
      style = "penwidth=2";
      break;
    case EdgeKind::kCall:
      colour = "#2e7d32";
      style = "penwidth=1.6";
      break;
    case EdgeKind::kData:
      colour = "#8a5a00";
      style = "penwidth=1.6";
      break;
    case EdgeKind::kSecretRead:
      colour = "#9c6ade";
      style = "style=dashed, arrowsize=0.7";
      break;
    case EdgeKind::kSecretWrite:
      colour = "#7b3fa0";
      style = "style=dotted, penwidth=1.4";
      break;
    case EdgeKind::kPolicy:
      colour = "#c55a11";
      style = "style=dashed, arrowhead=odot";
      break;
    case EdgeKind::kMonitor:
      colour = "#b85450";
      style = "style=dashed";
      break;
    case EdgeKind::kReference:
      colour = "#555555";
      style = "style=dashed";
      break;
  }
  if (e.warning) colour = "#d00000";
  return "color=" + DotQuote(colour) + ", fontcolor=" + DotQuote(colour) + ", " + style;
}

std::string ClusterStyle(std::string const& id) {
  auto starts = [&](char const* prefix) { return id.rfind(prefix, 0) == 0; };
  if (starts("vpc:")) return "style=\"rounded,filled\"; fillcolor=\"#f3f7fd\"; color=\"#1f4e9a\"; penwidth=2";
  if (starts("subnet:")) return "style=\"rounded,dashed,filled\"; fillcolor=\"#ffffff\"; color=\"#6c8ebf\"";
  if (starts("psa:")) return "style=\"rounded,dashed,filled\"; fillcolor=\"#fbf7ee\"; color=\"#b7950b\"";
  if (id == "edge") return "style=\"rounded,filled\"; fillcolor=\"#fff8f0\"; color=\"#c55a11\"";
  if (id == "serverless") return "style=\"rounded,filled\"; fillcolor=\"#f4faf4\"; color=\"#2e7d32\"";
  if (id == "secrets") return "style=\"rounded,filled\"; fillcolor=\"#faf5fc\"; color=\"#7b3fa0\"";
  if (id == "monitoring") return "style=\"rounded,filled\"; fillcolor=\"#fdf5f5\"; color=\"#b85450\"";
  if (id == "external") return "style=\"rounded,dashed\"; color=\"#888888\"";
  return "style=\"rounded\"; color=\"#999999\"";
}

// One row per kind of edge the diagram has: a line drawn in its colour and dash, and what it means.
std::string Legend(Architecture const& a) {
  struct Row {
    EdgeKind kind;
    char const* colour;
    bool dashed;
    char const* meaning;
  };
  static std::vector<Row> const kRows = {
      {EdgeKind::kRequest, "#1f4e9a", false, "public request path"},
      {EdgeKind::kCall, "#2e7d32", false, "calls a service (scheme, IAM)"},
      {EdgeKind::kData, "#8a5a00", false, "reaches a data store (protocol, TLS, auth)"},
      {EdgeKind::kSecretRead, "#9c6ade", true, "reads the secrets listed in its node"},
      {EdgeKind::kSecretWrite, "#7b3fa0", true, "writes a secret's versions"},
      {EdgeKind::kPolicy, "#c55a11", true, "security policy of a backend"},
      {EdgeKind::kMonitor, "#b85450", true, "monitoring"},
      {EdgeKind::kReference, "#555555", true, "reads another stack's outputs"},
  };
  std::string rows;
  for (auto const& row : kRows) {
    if (std::none_of(a.edges.begin(), a.edges.end(), [&](auto const& e) { return e.kind == row.kind; })) continue;
    rows += std::string("<tr><td align=\"left\"><font color=\"") + row.colour + "\"><b>" +
            (row.dashed ? "- - - &gt;" : "\xE2\x94\x81\xE2\x94\x81\xE2\x94\x81&gt;") +
            "</b></font></td><td align=\"left\">" + Html(row.meaning) + "</td></tr>";
  }
  if (std::any_of(a.edges.begin(), a.edges.end(), [](auto const& e) { return e.warning; })) {
    rows +=
        "<tr><td align=\"left\"><font color=\"#d00000\"><b>red</b></font></td><td align=\"left\">a grant is "
        "missing</td></tr>";
  }
  return "<<table border=\"0\" cellborder=\"0\" cellspacing=\"1\"><tr><td colspan=\"2\" "
         "align=\"left\"><b>Legend</b></td></tr>" +
         rows + "</table>>";
}

class Writer {
 public:
  explicit Writer(Architecture const& a) : a_(a) {}

  std::string Write() {
    // A workload reads many secrets: one edge per workload into Secret Manager, and the secrets it reads listed
    // in its node, draw the same facts without a thicket of crossing lines.
    for (auto const& e : a_.edges) {
      if (e.kind != EdgeKind::kSecretRead) continue;
      auto const* secret = a_.Node(e.to);
      auto& reads = secrets_read_[e.from];
      reads.names.push_back((secret ? secret->title : e.to) +
                            (e.label.find("file") != std::string::npos ? " (file)" : "") +
                            (e.warning ? " (no accessor grant!)" : ""));
      reads.warning = reads.warning || e.warning;
      if (reads.first_secret.empty()) reads.first_secret = e.to;
    }
    out_ << "digraph " << DotQuote("apex-architecture-" + a_.stack) << " {\n"
         << "  graph [rankdir=LR, newrank=true, compound=true, nodesep=0.3, ranksep=0.9, fontname=\"Helvetica\", "
            "fontsize=12, labelloc=t, label="
         << Lines("Apex architecture (" + a_.stack +
                  ") \xE2\x80\x94 derived from the offline plan's resources: internet \xE2\x86\x92 edge \xE2\x86\x92 "
                  "services \xE2\x86\x92 data")
         << "];\n"
         << "  node [fontname=\"Helvetica\", fontsize=10, fillcolor=\"#ffffff\"];\n"
         << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
    Clusters("", "  ");
    for (auto const& [from, reads] : secrets_read_) {
      auto const* secret = a_.Node(reads.first_secret);
      out_ << "  " << DotQuote(from) << " -> " << DotQuote(reads.first_secret)
           << " [lhead=" << DotQuote("cluster_" + (secret ? secret->cluster : std::string()))
           << ", color=" << DotQuote(reads.warning ? "#d00000" : "#9c6ade")
           << ", style=dashed, arrowsize=0.7, tooltip=" << Lines("reads " + Join(reads.names)) << "];\n";
    }
    if (!a_.edges.empty()) {
      out_ << "  \"legend\" [shape=box, style=\"rounded\", color=\"#999999\", fontsize=9, label=" << Legend(a_)
           << "];\n";
    }
    for (auto const& e : a_.edges) {
      if (e.kind != EdgeKind::kSecretRead) Edge(e);
    }
    // The secrets in one column beside the data stores (only one of them is the end of a drawn read).
    std::string column;
    for (auto const& n : a_.nodes) {
      if (n.kind == NodeKind::kSecret) column += " " + DotQuote(n.id) + ";";
    }
    if (!column.empty()) out_ << "  { rank=same;" << column << " }\n";
    // A policy sits beside what it guards, not a step further along the flow.
    for (auto const& e : a_.edges) {
      if (e.kind == EdgeKind::kPolicy)
        out_ << "  { rank=same; " << DotQuote(e.from) << "; " << DotQuote(e.to) << "; }\n";
    }
    out_ << "}\n";
    return out_.str();
  }

 private:
  void Clusters(std::string const& parent, std::string const& indent) {
    for (auto const& n : a_.nodes) {
      if (n.cluster == parent) Node(n, indent);
    }
    for (auto const& c : a_.clusters) {
      if (c.parent != parent) continue;
      out_ << indent << "subgraph " << DotQuote("cluster_" + c.id) << " {\n"
           << indent << "  label=" << Lines(c.label) << "; " << ClusterStyle(c.id) << "; fontsize=11;\n";
      Clusters(c.id, indent + "  ");
      out_ << indent << "}\n";
    }
  }

  void Node(ArchNode const& n, std::string const& indent) {
    std::vector<std::string> extra;
    if (auto reads = secrets_read_.find(n.id); reads != secrets_read_.end()) {
      extra = Wrap(reads->second.names, 44);
      extra.front() = "secrets: " + extra.front();
    }
    out_ << indent << DotQuote(n.id) << " [label=" << NodeLabel(n, extra) << ", " << NodeStyle(n.kind);
    if (n.kind != NodeKind::kInternet) out_ << ", fillcolor=" << DotQuote(ProjectFill(a_.projects, n.project));
    out_ << "];\n";
  }

  void Edge(ArchEdge const& e) {
    out_ << "  " << DotQuote(e.from) << " -> " << DotQuote(e.to) << " [label=" << Lines(e.label) << ", "
         << EdgeStyle(e);
    if (!e.tooltip.empty()) out_ << ", tooltip=" << Lines(e.tooltip);
    // Side relations must not push the main flow apart.
    if (e.kind == EdgeKind::kSecretWrite) out_ << ", constraint=false";
    out_ << "];\n";
  }

  struct SecretReads {
    std::vector<std::string> names;
    std::string first_secret;
    bool warning = false;
  };
  static std::string Join(std::vector<std::string> const& items) {
    std::string out;
    for (auto const& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
  }

  Architecture const& a_;
  std::ostringstream out_;
  std::map<std::string, SecretReads> secrets_read_;  ///< by workload node
};

}  // namespace

std::string ArchitectureDot(Architecture const& architecture) { return Writer(architecture).Write(); }

}  // namespace apex::plan
