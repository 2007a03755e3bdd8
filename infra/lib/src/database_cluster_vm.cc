// The data VM, one shape for Neo4j and Qdrant: a shielded VM without an external IP, on its own service
// account (never the default compute one) that may write logs and metrics and fill its own secret, hardened
// metadata and OS Login, its data on a separate persistent disk with a daily snapshot schedule, and a startup
// script that mounts that disk, installs the Ops Agent (memory and disk metrics for apex-monitoring), makes
// sure the VM's secret has a value (generated here at the first boot), then runs the application's part.
#include "apex/database_cluster.h"

#include "pulumi/gcp/compute/disk.h"
#include "pulumi/gcp/compute/disk_resource_policy_attachment.h"
#include "pulumi/gcp/compute/instance.h"
#include "pulumi/gcp/compute/resource_policy.h"
#include "pulumi/gcp/projects/iam_member.h"
#include "pulumi/gcp/secretmanager/secret_iam_member.h"
#include "pulumi/gcp/serviceaccount/account.h"

namespace apex {
namespace {

namespace compute = pulumi::gcp::compute;

// Runs at every boot; idempotent. The secret's value is generated on the VM and goes to Secret Manager
// through a pipe: it is in no metadata, state file or command line. The VM reads it back as `latest`.
constexpr char kCommonScript[] = R"script(#!/bin/bash
set -euo pipefail
DEVICE=/dev/disk/by-id/google-@COMPONENT@-data
DATA=/mnt/@COMPONENT@-data
if ! blkid "$DEVICE" >/dev/null 2>&1; then
  mkfs.ext4 -m 0 -E lazy_itable_init=0,lazy_journal_init=0,discard "$DEVICE"
fi
mkdir -p "$DATA"
grep -q "^$DEVICE " /etc/fstab || echo "$DEVICE $DATA ext4 discard,defaults,nofail 0 2" >> /etc/fstab
mountpoint -q "$DATA" || mount "$DATA"
if ! dpkg -s google-cloud-ops-agent >/dev/null 2>&1; then
  curl -fsSL -o /tmp/add-google-cloud-ops-agent-repo.sh https://dl.google.com/cloudagents/add-google-cloud-ops-agent-repo.sh
  bash /tmp/add-google-cloud-ops-agent-repo.sh --also-install --version='2.*.*'
fi
SECRET=@SECRET@
if [ -z "$(gcloud secrets versions list "$SECRET" --filter=state:ENABLED --limit=1 --format='value(name)')" ]; then
  openssl rand -base64 32 | tr -d '\n' | gcloud secrets versions add "$SECRET" --data-file=-
fi
APP_SECRET="$(gcloud secrets versions access latest --secret="$SECRET")"
)script";

std::string ReplaceAll(std::string s, std::string const& from, std::string const& to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

}  // namespace

DatabaseCluster::DataVm DatabaseCluster::CreateDataVm(pulumi::Context& ctx, std::string const& name,
                                                      DatabaseClusterArgs const& args, DatabaseNetwork const& network,
                                                      DataVmSpec const& spec) {
  DataVmConfig const& c = spec.config;
  Labels const labels = WithComponent(args.labels, spec.component);
  std::string const vm_name = name + "-" + spec.component;
  std::string const data_device = spec.component + "-data";

  pulumi::gcp::serviceaccount::Account account(
      ctx, vm_name + "-sa",
      {.account_id = vm_name,
       .description = "Runs the " + spec.component + " VM of the Apex data tier",
       .display_name = "Apex " + spec.component + " VM"},
      Child());
  for (auto const& [suffix, role] : std::vector<std::pair<std::string, std::string>>{
           {"log-writer", "roles/logging.logWriter"}, {"metric-writer", "roles/monitoring.metricWriter"}}) {
    pulumi::gcp::projects::IAMMember(ctx, vm_name + "-" + suffix,
                                     {.member = account.member(), .project = args.common.gcp_project, .role = role},
                                     Child());
  }
  // On its own secret only: see whether it has a version (viewer), add the first one, read it.
  std::vector<pulumi::Resource> secret_grants;
  for (auto const& [suffix, role] : std::vector<std::pair<std::string, std::string>>{
           {"secret-viewer", "roles/secretmanager.viewer"},
           {"secret-version-adder", "roles/secretmanager.secretVersionAdder"},
           {"secret-accessor", "roles/secretmanager.secretAccessor"}}) {
    secret_grants.push_back(pulumi::gcp::secretmanager::SecretIamMember(
        ctx, vm_name + "-" + suffix, {.member = account.member(), .role = role, .secret_id = spec.secret_id}, Child()));
  }

  compute::Disk data(ctx, vm_name + "-data",
                     {.labels = labels,
                      .name = vm_name + "-data",
                      .size = c.data_disk_size_gb,
                      .type = c.data_disk_type,
                      .zone = c.zone},
                     Child());
  compute::ResourcePolicy snapshots(
      ctx, vm_name + "-snapshots",
      {.description = "Daily snapshots of the " + spec.component + " data disk",
       .name = vm_name + "-snapshots",
       .region = args.common.region,
       .snapshot_schedule_policy =
           compute::ResourcePolicySnapshotSchedulePolicyArgs{
               .retention_policy =
                   compute::ResourcePolicySnapshotSchedulePolicyRetentionPolicyArgs{
                       .max_retention_days = c.snapshot_retention_days, .on_source_disk_delete = "KEEP_AUTO_SNAPSHOTS"},
               .schedule =
                   compute::ResourcePolicySnapshotSchedulePolicyScheduleArgs{
                       .daily_schedule =
                           compute::ResourcePolicySnapshotSchedulePolicyScheduleDailyScheduleArgs{
                               .days_in_cycle = 1, .start_time = c.snapshot_start_time}},
               .snapshot_properties =
                   compute::ResourcePolicySnapshotSchedulePolicySnapshotPropertiesArgs{
                       .labels = labels, .storage_locations = args.common.region}}},
      Child());
  compute::DiskResourcePolicyAttachment attachment(
      ctx, vm_name + "-data-snapshots", {.disk = data.name(), .name = snapshots.name(), .zone = c.zone}, Child());

  std::string script = std::string(kCommonScript) + spec.app_script;
  for (auto const& [placeholder, value] : spec.placeholders) script = ReplaceAll(script, placeholder, value);
  pulumi::Output<std::string> startup_script =
      spec.secret_id.Apply([component = spec.component, script](std::string const& secret) {
        return ReplaceAll(ReplaceAll(script, "@COMPONENT@", component), "@SECRET@", secret);
      });

  // The script fills and reads the secret at the first boot: the VM waits for its grants.
  compute::Instance vm(
      ctx, vm_name,
      {.allow_stopping_for_update = true,
       .attached_disks =
           std::vector<compute::InstanceAttachedDiskArgs>{
               {.device_name = data_device, .mode = "READ_WRITE", .source = data.self_link()}},
       .boot_disk =
           compute::InstanceBootDiskArgs{
               .auto_delete = true,
               .initialize_params =
                   compute::InstanceBootDiskInitializeParamsArgs{
                       .image = c.boot_image, .labels = labels, .size = c.boot_disk_size_gb, .type = "pd-balanced"}},
       .can_ip_forward = false,
       .deletion_protection = args.deletion_protection,
       .description = spec.description,
       .labels = labels,
       .machine_type = c.machine_type,
       .metadata =
           std::map<std::string, std::string>{
               {"block-project-ssh-keys", "true"}, {"enable-oslogin", "TRUE"}, {"serial-port-enable", "false"}},
       .metadata_startup_script = startup_script,
       .name = vm_name,
       // No access_configs: no external IP. Packages and images come in through Cloud NAT (apex-network).
       .network_interfaces =
           std::vector<compute::InstanceNetworkInterfaceArgs>{
               {.network = network.network_id, .subnetwork = network.subnet_self_link}},
       .scheduling = compute::InstanceSchedulingArgs{.automatic_restart = true, .on_host_maintenance = "MIGRATE"},
       // Secret Manager has no narrower OAuth scope than cloud-platform; the account's IAM (above) is the
       // real limit, as Google recommends for a dedicated service account.
       .service_account =
           compute::InstanceServiceAccountArgs{
               .email = account.email(),
               .scopes = std::vector<std::string>{"https://www.googleapis.com/auth/cloud-platform"}},
       .shielded_instance_config =
           compute::InstanceShieldedInstanceConfigArgs{
               .enable_integrity_monitoring = true, .enable_secure_boot = true, .enable_vtpm = true},
       .tags = std::vector<std::string>{spec.component},
       .zone = c.zone},
      Child(secret_grants));

  return DataVm{.internal_ip = vm.network_interfaces().Apply(
                    [](pulumi::OptionalList<compute::InstanceNetworkInterface> const& nics) {
                      return nics && !nics->empty() ? nics->front().network_ip.value_or("") : std::string();
                    }),
                .instance_id = vm.instance_id(),
                .instance_name = vm.name()};
}

}  // namespace apex
