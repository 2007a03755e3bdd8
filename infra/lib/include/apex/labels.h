// The labels every labelable Apex resource carries, computed in one place:
// environment, project, managed-by, cost-center (policy-checks.md).
#ifndef APEX_LABELS_H
#define APEX_LABELS_H

#include "apex/config.h"

#include <map>
#include <string>

namespace apex {

using Labels = std::map<std::string, std::string>;

/// {environment, project (the Pulumi project), managed-by: pulumi, cost-center}.
Labels StandardLabels(pulumi::Context& ctx, CommonConfig const& common);

/// `labels` plus a `component` label naming the part of the system a resource belongs to.
Labels WithComponent(Labels labels, std::string const& component);

}  // namespace apex

#endif  // APEX_LABELS_H
