// The architecture as a Graphviz diagram (DIR/plan-<stack>-architecture.dot, rendered to .svg like the
// inventory): left to right internet -> edge -> Cloud Run -> data; a cluster per boundary (public edge, Cloud
// Run, VPC > subnet / private service access, Secret Manager, monitoring, stacks); a node's fill colour is the
// project that declares it (the stacks cluster is the legend); edge colours say what flows (requests, calls,
// data, secrets, monitoring, stack references); red marks what is missing (a grant).
#ifndef APEX_PLAN_ARCHITECTURE_DOT_H
#define APEX_PLAN_ARCHITECTURE_DOT_H

#include "architecture.h"

#include <string>

namespace apex::plan {

std::string ArchitectureDot(Architecture const& architecture);

}  // namespace apex::plan

#endif  // APEX_PLAN_ARCHITECTURE_DOT_H
