#include "apex_databases/program.h"

#include "apex/config.h"

namespace apex::databases {

void Program(pulumi::Context& ctx) { LoadCommonConfig(ctx); }

}  // namespace apex::databases
