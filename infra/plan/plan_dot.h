// The plan as a Graphviz diagram (DIR/plan-<stack>.dot, rendered to .svg by `dot -Tsvg`): one cluster per
// project, nested clusters per component, a node per resource (its type's short name and its name), the
// stack outputs as notes, and a dashed edge from each output a project uses to its StackReference there.
#ifndef APEX_PLAN_PLAN_DOT_H
#define APEX_PLAN_PLAN_DOT_H

#include "plan_model.h"

#include <optional>
#include <string>

namespace apex::plan {

std::string PlanDot(Plan const& plan);

/// The path of Graphviz's `dot` on PATH, if any.
std::optional<std::string> FindDot();

/// Runs `dot -Tsvg dot_file -o svg_file`; returns an error message, or nothing on success.
std::optional<std::string> RenderSvg(std::string const& dot, std::string const& dot_file, std::string const& svg_file);

}  // namespace apex::plan

#endif  // APEX_PLAN_PLAN_DOT_H
