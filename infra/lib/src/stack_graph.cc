#include "apex/stack_graph.h"

#include "apex/stack_graph_text.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace apex {
namespace {

std::vector<std::string> Words(std::string const& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

[[noreturn]] void Malformed(int line, std::string const& problem) {
  throw std::invalid_argument("stack-graph.txt line " + std::to_string(line) + ": " + problem);
}

}  // namespace

std::vector<std::string> GraphProject::ReadProjects() const {
  std::vector<std::string> names;
  for (auto const& r : reads) names.push_back(r.project);
  return names;
}

StackRead const* GraphProject::ReadOf(std::string const& producer) const {
  auto it = std::find_if(reads.begin(), reads.end(), [&](auto const& r) { return r.project == producer; });
  return it == reads.end() ? nullptr : &*it;
}

std::vector<GraphProject> ParseStackGraph(std::string const& text) {
  std::vector<GraphProject> graph;
  auto declared = [&](std::string const& name) {
    return std::any_of(graph.begin(), graph.end(), [&](auto const& p) { return p.name == name; });
  };
  std::istringstream in(text);
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    auto words = Words(line);
    if (words.empty() || words.front().front() == '#') continue;
    if (line.front() != ' ') {  // a project
      if (words.size() != 1) Malformed(number, "a project line holds only its name");
      if (declared(words[0])) Malformed(number, words[0] + " is declared twice");
      graph.push_back({.name = words[0], .reads = {}});
      continue;
    }
    // "  reads <project>: <output>..."
    if (graph.empty() || words[0] != "reads" || words.size() < 3 || words[1].back() != ':') {
      Malformed(number, "expected '  reads <project>: <output>...' under a project");
    }
    std::string producer = words[1].substr(0, words[1].size() - 1);
    if (!declared(producer) || producer == graph.back().name) {
      Malformed(number, graph.back().name + " reads " + producer + ", which is not a project before it");
    }
    auto& reads = graph.back().reads;
    auto it = std::find_if(reads.begin(), reads.end(), [&](auto const& r) { return r.project == producer; });
    if (it == reads.end()) it = reads.insert(reads.end(), StackRead{.project = producer, .outputs = {}});
    it->outputs.insert(it->outputs.end(), words.begin() + 2, words.end());
  }
  return graph;
}

std::vector<GraphProject> const& StackGraph() {
  static std::vector<GraphProject> const kGraph = ParseStackGraph(internal::kStackGraphText);
  return kGraph;
}

GraphProject const& GraphProjectNamed(std::string const& name) {
  for (auto const& p : StackGraph()) {
    if (p.name == name) return p;
  }
  throw std::out_of_range("no Apex project named " + name + " in stack-graph.txt");
}

std::string ShortName(std::string const& project) {
  return project.rfind("apex-", 0) == 0 ? project.substr(5) : project;
}

std::string QualifiedStackName(std::string const& organization, std::string const& project, std::string const& stack) {
  return organization + "/" + project + "/" + stack;
}

}  // namespace apex
