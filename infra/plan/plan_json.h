// The plan as JSON (DIR/plan-<stack>.json), for tools and reviews:
//   {"stack": "dev", "summary": {"create": N, "read": M},
//    "projects": [{"project", "stack", "summary", "resources": [{"urn", "type", "name", "parent", "custom", "op",
//                  "inputs"}], "outputs", "stackReferences": [{"stack", "project", "outputs": [...]}],
//                  "warnings"}]}
// Secrets are "[secret]", unknowns "(computed)".
#ifndef APEX_PLAN_PLAN_JSON_H
#define APEX_PLAN_PLAN_JSON_H

#include "plan_model.h"

#include <string>

namespace apex::plan {

/// The JSON text, indented by two.
std::string PlanJson(Plan const& plan);

}  // namespace apex::plan

#endif  // APEX_PLAN_PLAN_JSON_H
