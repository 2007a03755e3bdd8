// Text in Graphviz DOT, for both diagrams of the plan (plan_dot.cc, architecture_dot.cc).
#ifndef APEX_PLAN_DOT_TEXT_H
#define APEX_PLAN_DOT_TEXT_H

#include <string>

namespace apex::plan {

/// `text` inside a DOT double-quoted string.
inline std::string DotEscape(std::string const& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

/// `text` as a DOT double-quoted string.
inline std::string DotQuote(std::string const& text) { return "\"" + DotEscape(text) + "\""; }

}  // namespace apex::plan

#endif  // APEX_PLAN_DOT_TEXT_H
