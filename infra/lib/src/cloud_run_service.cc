#include "apex/cloud_run_service.h"

#include "pulumi/gcp/cloudrunv2/service.h"
#include "pulumi/gcp/cloudrunv2/service_iam_member.h"

#include <stdexcept>

namespace apex {
namespace {

namespace run = pulumi::gcp::cloudrunv2;

constexpr char kInvokerRole[] = "roles/run.invoker";

bool IsPublicMember(std::string const& member) { return member == "allUsers" || member == "allAuthenticatedUsers"; }

void ValidateService(CloudRunServiceArgs const& args) {
  internal::ValidateWorkload(args.workload);
  auto refuse = [&](std::string const& problem) {
    throw std::invalid_argument("Cloud Run service '" + args.workload.name + "': " + problem);
  };
  if (args.ingress != kIngressAll && args.ingress != kIngressInternalOnly &&
      args.ingress != kIngressInternalLoadBalancer) {
    refuse("unknown ingress " + args.ingress);
  }
  if (args.public_access && args.ingress == kIngressInternalOnly) {
    refuse("public access needs ingress " + std::string(kIngressAll) + " or " + kIngressInternalLoadBalancer);
  }
  if (auto problem = internal::CpuMemoryProblem(args.sizing.cpu, args.sizing.memory)) refuse(*problem);
  if (args.sizing.min_instances > args.sizing.max_instances) refuse("min instances above max instances");
  if (args.health_path.empty() || args.health_path.front() != '/') refuse("the health path must start with /");
}

std::optional<run::ServiceTemplateVpcAccessArgs> VpcAccess(std::optional<VpcEgress> const& egress) {
  if (!egress) return std::nullopt;
  return run::ServiceTemplateVpcAccessArgs{
      .egress = egress->egress,
      .network_interfaces = std::vector<run::ServiceTemplateVpcAccessNetworkInterfaceArgs>{
          {.network = egress->network, .subnetwork = egress->subnetwork}}};
}

run::ServiceTemplateContainerArgs Container(
    CloudRunServiceArgs const& args, internal::WorkloadIdentity const& identity,
    std::optional<std::vector<run::ServiceTemplateContainerVolumeMountArgs>> mounts) {
  auto const& w = args.workload;
  return run::ServiceTemplateContainerArgs{
      .envs =
          internal::ContainerEnv<run::ServiceTemplateContainerEnvArgs, run::ServiceTemplateContainerEnvValueSourceArgs,
                                 run::ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs>(w, identity),
      .image = w.image,
      // Restarts an instance whose health endpoint stops answering.
      .liveness_probe =
          run::ServiceTemplateContainerLivenessProbeArgs{
              .failure_threshold = 3,
              .http_get = run::ServiceTemplateContainerLivenessProbeHttpGetArgs{.path = args.health_path},
              .period_seconds = 30,
              .timeout_seconds = 5},
      .name = "app",
      .ports = run::ServiceTemplateContainerPortsArgs{.container_port = args.container_port, .name = "http1"},
      .resources =
          run::ServiceTemplateContainerResourcesArgs{
              .cpu_idle = true,
              .limits = std::map<std::string, std::string>{{"cpu", args.sizing.cpu}, {"memory", args.sizing.memory}},
              .startup_cpu_boost = true},
      // Up to 2 minutes to become healthy before the revision is failed.
      .startup_probe =
          run::ServiceTemplateContainerStartupProbeArgs{
              .failure_threshold = 24,
              .http_get = run::ServiceTemplateContainerStartupProbeHttpGetArgs{.path = args.health_path},
              .period_seconds = 5,
              .timeout_seconds = 3},
      .volume_mounts = mounts};
}

}  // namespace

CloudRunService::CloudRunService(pulumi::Context& ctx, std::string const& name, CloudRunServiceArgs const& args,
                                 pulumi::ResourceOptions const& opts)
    : pulumi::ComponentResource(ctx, kType, name, opts), name_(name), common_(args.common) {
  ValidateService(args);
  auto const& w = args.workload;
  auto identity = internal::CreateWorkloadIdentity(ctx, name, args.common, w, *this, opts.depends_on);
  auto [volumes, mounts] =
      internal::SecretVolumes<run::ServiceTemplateVolumeArgs, run::ServiceTemplateVolumeSecretArgs,
                              run::ServiceTemplateVolumeSecretItemArgs, run::ServiceTemplateContainerVolumeMountArgs>(
          w.secret_files);
  run::Service service(
      ctx, name + "-service",
      {.deletion_protection = w.deletion_protection,
       .description = "Apex " + name + " (" + args.common.environment + ")",
       .ingress = args.ingress,
       .labels = args.labels,
       .location = args.common.region,
       .name = w.name,
       .project = args.common.gcp_project,
       .template_ =
           run::ServiceTemplateArgs{
               .containers = std::vector<run::ServiceTemplateContainerArgs>{Container(args, identity, mounts)},
               .execution_environment = "EXECUTION_ENVIRONMENT_GEN2",
               .max_instance_request_concurrency = args.sizing.concurrency,
               .scaling = run::ServiceTemplateScalingArgs{.max_instance_count = args.sizing.max_instances,
                                                          .min_instance_count = args.sizing.min_instances},
               .service_account = identity.email,
               .timeout = std::to_string(args.sizing.timeout_seconds) + "s",
               .volumes = volumes,
               .vpc_access = VpcAccess(w.vpc_egress)}},
      // A revision that cannot read its secrets or log in to Cloud SQL fails to start: grant first.
      internal::ChildOf(*this, opts.depends_on, identity.grants));

  uri = service.uri();
  service_name = service.name();
  service_account_email = identity.email;
  service_account_member = identity.member;
  database_user = identity.database_user;
  depends_on_ = opts.depends_on;
  if (args.public_access) AddInvoker(ctx, "public", std::string("allUsers"));
  for (auto const& i : args.invokers) GrantInvoker(ctx, i);
  RegisterOutputs({{"uri", uri}, {"name", service_name}, {"serviceAccountEmail", service_account_email}});
}

void CloudRunService::GrantInvoker(pulumi::Context& ctx, Invoker const& invoker) {
  // Only public_access makes a service public; a listed member may never be allUsers/allAuthenticatedUsers.
  AddInvoker(ctx, invoker.id, invoker.member.ToOutput().Apply([service = name_](std::string const& member) {
    if (IsPublicMember(member)) {
      throw std::invalid_argument("Cloud Run service '" + service + "': " + member + " may not invoke it");
    }
    return member;
  }));
}

void CloudRunService::AddInvoker(pulumi::Context& ctx, std::string const& id,
                                 pulumi::Input<std::string> const& member) {
  run::ServiceIamMember(ctx, name_ + "-invoker-" + id,
                        {.location = common_.region,
                         .member = member,
                         .name = service_name,
                         .project = common_.gcp_project,
                         .role = kInvokerRole},
                        internal::ChildOf(*this, depends_on_));
}

}  // namespace apex
