// The plan as text, in the style of `pulumi preview`: per project a header, the resource tree (Type / Name /
// Plan) with key properties under the important resources, the stack references it reads, its outputs and
// a "Resources:" summary; then the total over all projects.
#ifndef APEX_PLAN_PLAN_PRINTER_H
#define APEX_PLAN_PLAN_PRINTER_H

#include "plan_model.h"

#include <ostream>

namespace apex::plan {

void PrintProject(ProjectPlan const& project, std::ostream& out);
void PrintTotal(Plan const& plan, std::ostream& out);
/// Every project, then the total.
void PrintPlan(Plan const& plan, std::ostream& out);
/// The project that failed, its exit code and the errors its run logged.
void PrintFailure(ProjectFailure const& failure, std::ostream& out);

}  // namespace apex::plan

#endif  // APEX_PLAN_PLAN_PRINTER_H
