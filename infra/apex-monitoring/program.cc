#include "apex_monitoring/program.h"

#include "apex/config.h"

namespace apex::monitoring {

void Program(pulumi::Context& ctx) { LoadCommonConfig(ctx); }

}  // namespace apex::monitoring
