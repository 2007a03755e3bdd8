#include "apex_services/program.h"

#include "apex/config.h"

namespace apex::services {

void Program(pulumi::Context& ctx) { LoadCommonConfig(ctx); }

}  // namespace apex::services
