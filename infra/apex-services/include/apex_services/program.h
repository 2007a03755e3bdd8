// apex-services (being written).
#ifndef APEX_SERVICES_PROGRAM_H
#define APEX_SERVICES_PROGRAM_H

#include "pulumi/pulumi.h"

namespace apex::services {

void Program(pulumi::Context& ctx);

}  // namespace apex::services

#endif  // APEX_SERVICES_PROGRAM_H
