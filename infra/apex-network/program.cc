#include "apex_network/program.h"

#include "apex/config.h"
#include "apex/network.h"
#include "apex/project_apis.h"
#include "apex/stack_outputs.h"

namespace apex::network {

void Program(pulumi::Context& ctx) {
  auto common = LoadCommonConfig(ctx);
  auto apis = EnableApis(ctx, common, kNetworkApis);
  auto args = LoadNetworkArgs(ctx, common, ProjectWithoutDefaultNetwork(ctx, common, apis));
  Network net(ctx, "apex", args, {.depends_on = apis});
  ctx.Export(outputs::kNetworkId, net.network_id);
  ctx.Export(outputs::kNetworkName, net.network_name);
  ctx.Export(outputs::kNetworkSelfLink, net.network_self_link);
  ctx.Export(outputs::kSubnetId, net.subnet_id);
  ctx.Export(outputs::kSubnetName, net.subnet_name);
  ctx.Export(outputs::kSubnetSelfLink, net.subnet_self_link);
  ctx.Export(outputs::kPsaRangeName, net.psa_range_name);
  ctx.Export(outputs::kPrivateServiceConnection, net.private_service_connection);
  ctx.Export(outputs::kImageRegistry, net.image_registry);
}

}  // namespace apex::network
