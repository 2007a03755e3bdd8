// apex-databases (being written).
#ifndef APEX_DATABASES_PROGRAM_H
#define APEX_DATABASES_PROGRAM_H

#include "pulumi/pulumi.h"

namespace apex::databases {

void Program(pulumi::Context& ctx);

}  // namespace apex::databases

#endif  // APEX_DATABASES_PROGRAM_H
