// apex-monitoring (being written).
#ifndef APEX_MONITORING_PROGRAM_H
#define APEX_MONITORING_PROGRAM_H

#include "pulumi/pulumi.h"

namespace apex::monitoring {

void Program(pulumi::Context& ctx);

}  // namespace apex::monitoring

#endif  // APEX_MONITORING_PROGRAM_H
