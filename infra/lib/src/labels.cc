#include "apex/labels.h"

namespace apex {

Labels StandardLabels(pulumi::Context& ctx, CommonConfig const& common) {
  return {{"environment", common.environment},
          {"project", ctx.project()},
          {"managed-by", "pulumi"},
          {"cost-center", common.cost_center}};
}

Labels WithComponent(Labels labels, std::string const& component) {
  labels["component"] = component;
  return labels;
}

}  // namespace apex
