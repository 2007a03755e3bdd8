// Where each labelable gcp resource keeps its labels, and the labels Apex requires (APEX-11).
#ifndef APEX_POLICY_LABELS_H
#define APEX_POLICY_LABELS_H

#include <optional>
#include <string>
#include <vector>

namespace apex::policy {

/// environment, project, managed-by, cost-center.
std::vector<std::string> const& RequiredLabels();

/// The input holding the labels of resources of `type` ("labels", "userLabels", "settings.userLabels"); nullopt
/// for a type that takes no labels.
std::optional<std::string> LabelsPathOf(std::string const& type);

}  // namespace apex::policy

#endif  // APEX_POLICY_LABELS_H
