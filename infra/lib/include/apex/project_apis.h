// The Google APIs a stack needs, enabled by that stack (policy: prerequisites as code, issue #11).
//
//   auto apis = apex::EnableApis(ctx, common, {"sqladmin.googleapis.com", "redis.googleapis.com"});
//   sql::DatabaseInstance db(ctx, "db", {...}, {.depends_on = apis});
#ifndef APEX_PROJECT_APIS_H
#define APEX_PROJECT_APIS_H

#include "apex/config.h"
#include "pulumi/pulumi.h"

#include <string>
#include <vector>

namespace apex {

/// The APIs a stack enabled: what calls them depends on `resources` (the conversion makes them a depends_on).
struct EnabledApis {
  std::vector<pulumi::Resource> resources;
  /// The stack's project, known once every API is on (unknown in a preview that has yet to enable them).
  pulumi::Output<std::string> project;
  operator std::vector<pulumi::Resource> const&() const { return resources; }  // NOLINT: implicit on purpose
};

/// One gcp:projects:Service per API, named "api-<service name before the first dot>", in the stack's project.
/// Destroying the stack leaves the API on (disableOnDestroy false): another stack or a person may use it.
/// What calls an API depends on the returned resources, so a first deploy does not race its enablement.
EnabledApis EnableApis(pulumi::Context& ctx, CommonConfig const& common, std::vector<std::string> const& apis);

}  // namespace apex

#endif  // APEX_PROJECT_APIS_H
