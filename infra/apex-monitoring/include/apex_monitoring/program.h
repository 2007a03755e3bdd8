// apex-monitoring: alerting, uptime checks and the dashboard of the Apex Memory System.
#ifndef APEX_MONITORING_PROGRAM_H
#define APEX_MONITORING_PROGRAM_H

#include "pulumi/pulumi.h"

namespace apex::monitoring {

/// Reads the config and the apex-databases and apex-services stacks, creates the Monitoring component over
/// the Cloud Run services, Cloud SQL and Redis, and exports the notification channel, uptime check and dashboard.
void Program(pulumi::Context& ctx);

}  // namespace apex::monitoring

#endif  // APEX_MONITORING_PROGRAM_H
