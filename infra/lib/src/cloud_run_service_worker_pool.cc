#include "apex/cloud_run_service.h"

#include "pulumi/gcp/cloudrunv2/worker_pool.h"

#include <stdexcept>

namespace apex {
namespace {

namespace run = pulumi::gcp::cloudrunv2;

std::optional<run::WorkerPoolTemplateVpcAccessArgs> VpcAccess(std::optional<VpcEgress> const& egress) {
  if (!egress) return std::nullopt;
  return run::WorkerPoolTemplateVpcAccessArgs{
      .egress = egress->egress,
      .network_interfaces = std::vector<run::WorkerPoolTemplateVpcAccessNetworkInterfaceArgs>{
          {.network = egress->network, .subnetwork = egress->subnetwork}}};
}

}  // namespace

CloudRunWorkerPool::CloudRunWorkerPool(pulumi::Context& ctx, std::string const& name,
                                       CloudRunWorkerPoolArgs const& args, pulumi::ResourceOptions const& opts)
    : pulumi::ComponentResource(ctx, kType, name, opts) {
  auto const& w = args.workload;
  internal::ValidateWorkload(w);
  if (auto problem = internal::CpuMemoryProblem(args.sizing.cpu, args.sizing.memory)) {
    throw std::invalid_argument("Cloud Run worker pool '" + w.name + "': " + *problem);
  }
  auto identity = internal::CreateWorkloadIdentity(ctx, name, args.common, w, *this, opts.depends_on);
  auto [volumes, mounts] =
      internal::SecretVolumes<run::WorkerPoolTemplateVolumeArgs, run::WorkerPoolTemplateVolumeSecretArgs,
                              run::WorkerPoolTemplateVolumeSecretItemArgs,
                              run::WorkerPoolTemplateContainerVolumeMountArgs>(w.secret_files);
  run::WorkerPool pool(
      ctx, name + "-worker-pool",
      {.deletion_protection = w.deletion_protection,
       .description = "Apex " + name + " (" + args.common.environment + "): pull-based workers, no HTTP ingress",
       .labels = args.labels,
       // Worker pools are a preview feature of Cloud Run in this provider version.
       .launch_stage = "BETA",
       .location = args.common.region,
       .name = w.name,
       .project = args.common.gcp_project,
       // Workers pull their tasks: a fixed instance count, no request-driven autoscaling.
       .scaling = run::WorkerPoolScalingArgs{.manual_instance_count = args.sizing.instances, .scaling_mode = "MANUAL"},
       .template_ =
           run::WorkerPoolTemplateArgs{
               .containers =
                   std::vector<run::WorkerPoolTemplateContainerArgs>{
                       {.envs = internal::ContainerEnv<
                            run::WorkerPoolTemplateContainerEnvArgs, run::WorkerPoolTemplateContainerEnvValueSourceArgs,
                            run::WorkerPoolTemplateContainerEnvValueSourceSecretKeyRefArgs>(w, identity),
                        .image = w.image,
                        .name = "worker",
                        .resources =
                            run::WorkerPoolTemplateContainerResourcesArgs{
                                .limits = std::map<std::string, std::string>{{"cpu", args.sizing.cpu},
                                                                             {"memory", args.sizing.memory}}},
                        .volume_mounts = mounts}},
               .service_account = identity.email,
               .volumes = volumes,
               .vpc_access = VpcAccess(w.vpc_egress)}},
      internal::ChildOf(*this, opts.depends_on, identity.grants));

  worker_pool_name = pool.name();
  service_account_email = identity.email;
  service_account_member = identity.member;
  database_user = identity.database_user;
  RegisterOutputs({{"name", worker_pool_name}, {"serviceAccountEmail", service_account_email}});
}

}  // namespace apex
