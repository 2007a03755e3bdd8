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

/// One gcp:projects:Service per API, named "api-<service name before the first dot>", in the stack's project.
/// Destroying the stack leaves the API on (disableOnDestroy false): another stack or a person may use it.
/// What calls an API depends on the returned resources, so a first deploy does not race its enablement.
std::vector<pulumi::Resource> EnableApis(pulumi::Context& ctx, CommonConfig const& common,
                                         std::vector<std::string> const& apis);

}  // namespace apex

#endif  // APEX_PROJECT_APIS_H
