// Neo4j on Compute Engine: a shielded VM without an external IP, on its own service account (never the
// default compute one), hardened metadata, its graph on a separate persistent disk with a daily snapshot
// schedule, and a startup script that installs a pinned Neo4j and takes its password from Secret Manager.
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

constexpr char kDataDevice[] = "neo4j-data";

// Runs at every boot; idempotent. The password never appears in metadata: the VM reads it from Secret
// Manager with its own account. Bolt (7687) and HTTP (7474) are reachable from the VPC only.
constexpr char kStartupScript[] = R"script(#!/bin/bash
set -euo pipefail
DEVICE=/dev/disk/by-id/google-@DEVICE@
DATA=/mnt/neo4j-data
if ! blkid "$DEVICE" >/dev/null 2>&1; then
  mkfs.ext4 -m 0 -E lazy_itable_init=0,lazy_journal_init=0,discard "$DEVICE"
fi
mkdir -p "$DATA"
grep -q "^$DEVICE " /etc/fstab || echo "$DEVICE $DATA ext4 discard,defaults,nofail 0 2" >> /etc/fstab
mountpoint -q "$DATA" || mount "$DATA"
if ! dpkg -s neo4j >/dev/null 2>&1; then
  apt-get update
  apt-get install -y gnupg curl openjdk-17-jre-headless
  curl -fsSL https://debian.neo4j.com/neotechnology.gpg.key | gpg --dearmor -o /usr/share/keyrings/neo4j.gpg
  echo "deb [signed-by=/usr/share/keyrings/neo4j.gpg] https://debian.neo4j.com stable 5" > /etc/apt/sources.list.d/neo4j.list
  apt-get update
  apt-get install -y "neo4j=1:@VERSION@"
  apt-mark hold neo4j
fi
chown -R neo4j:neo4j "$DATA"
CONF=/etc/neo4j/neo4j.conf
sed -i '/^server.directories.data=/d;/^server.default_listen_address=/d' "$CONF"
echo "server.directories.data=$DATA" >> "$CONF"
echo "server.default_listen_address=0.0.0.0" >> "$CONF"
if [ ! -f "$DATA/.apex-initialized" ]; then
  NEO4J_PASSWORD="$(gcloud secrets versions access latest --secret=@SECRET@)"
  sudo -u neo4j neo4j-admin dbms set-initial-password "$NEO4J_PASSWORD"
  touch "$DATA/.apex-initialized"
fi
systemctl enable neo4j
systemctl restart neo4j
)script";

std::string ReplaceAll(std::string s, std::string const& from, std::string const& to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

}  // namespace

void DatabaseCluster::CreateNeo4j(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                                  DatabaseNetwork const& network) {
  pulumi::ResourceOptions child{.parent = *this};
  Neo4jConfig const& n = args.neo4j;
  Labels const labels = WithComponent(args.labels, "neo4j");
  std::string const vm_name = name + "-neo4j";

  // The VM's own identity: write logs and metrics, read its password; nothing else.
  pulumi::gcp::serviceaccount::Account account(
      ctx, vm_name + "-sa",
      {.account_id = vm_name,
       .description = "Runs the Neo4j VM of the Apex data tier",
       .display_name = "Apex Neo4j VM"},
      child);
  for (auto const& [suffix, role] : std::vector<std::pair<std::string, std::string>>{
           {"log-writer", "roles/logging.logWriter"}, {"metric-writer", "roles/monitoring.metricWriter"}}) {
    pulumi::gcp::projects::IAMMember(ctx, vm_name + "-" + suffix,
                                     {.member = account.member(), .project = args.common.gcp_project, .role = role},
                                     child);
  }
  pulumi::gcp::secretmanager::SecretIamMember password_reader(
      ctx, vm_name + "-password-accessor",
      {.member = account.member(), .role = "roles/secretmanager.secretAccessor", .secret_id = neo4j_password_secret_id},
      child);

  compute::Disk data(ctx, vm_name + "-data",
                     {.labels = labels,
                      .name = vm_name + "-data",
                      .size = n.data_disk_size_gb,
                      .type = n.data_disk_type,
                      .zone = n.zone},
                     child);
  compute::ResourcePolicy snapshots(
      ctx, vm_name + "-snapshots",
      {.description = "Daily snapshots of the Neo4j data disk",
       .name = vm_name + "-snapshots",
       .region = args.common.region,
       .snapshot_schedule_policy = compute::ResourcePolicySnapshotSchedulePolicyArgs{
           .retention_policy =
               compute::ResourcePolicySnapshotSchedulePolicyRetentionPolicyArgs{
                   .max_retention_days = n.snapshot_retention_days,
                   .on_source_disk_delete = "KEEP_AUTO_SNAPSHOTS"},
           .schedule = compute::ResourcePolicySnapshotSchedulePolicyScheduleArgs{
               .daily_schedule = compute::ResourcePolicySnapshotSchedulePolicyScheduleDailyScheduleArgs{
                   .days_in_cycle = 1, .start_time = n.snapshot_start_time}},
           .snapshot_properties = compute::ResourcePolicySnapshotSchedulePolicySnapshotPropertiesArgs{
               .labels = labels, .storage_locations = args.common.region}}},
      child);
  compute::DiskResourcePolicyAttachment attachment(
      ctx, vm_name + "-data-snapshots", {.disk = data.name(), .name = snapshots.name(), .zone = n.zone}, child);

  pulumi::Output<std::string> startup_script =
      neo4j_password_secret_id.Apply([version = n.version](std::string const& secret) {
        std::string script = ReplaceAll(kStartupScript, "@DEVICE@", kDataDevice);
        script = ReplaceAll(script, "@VERSION@", version);
        return ReplaceAll(script, "@SECRET@", secret);
      });

  // The script reads the password at first boot: the VM waits for its read access.
  pulumi::ResourceOptions vm_options{.parent = *this, .depends_on = {password_reader}};
  compute::Instance vm(
      ctx, vm_name,
      {.allow_stopping_for_update = true,
       .attached_disks = std::vector<compute::InstanceAttachedDiskArgs>{
           {.device_name = kDataDevice, .mode = "READ_WRITE", .source = data.self_link()}},
       .boot_disk = compute::InstanceBootDiskArgs{
           .auto_delete = true,
           .initialize_params = compute::InstanceBootDiskInitializeParamsArgs{
               .image = n.image, .labels = labels, .size = n.boot_disk_size_gb, .type = "pd-balanced"}},
       .can_ip_forward = false,
       .deletion_protection = args.deletion_protection,
       .description = "Neo4j knowledge graph of the Apex Memory System",
       .labels = labels,
       .machine_type = n.machine_type,
       .metadata = std::map<std::string, std::string>{{"block-project-ssh-keys", "true"},
                                                      {"enable-oslogin", "TRUE"},
                                                      {"serial-port-enable", "false"}},
       .metadata_startup_script = startup_script,
       .name = vm_name,
       // No access_configs: no external IP. Packages come in through Cloud NAT (apex-network).
       .network_interfaces = std::vector<compute::InstanceNetworkInterfaceArgs>{
           {.network = network.network_id, .subnetwork = network.subnet_self_link}},
       .scheduling = compute::InstanceSchedulingArgs{.automatic_restart = true, .on_host_maintenance = "MIGRATE"},
       // Secret Manager has no narrower OAuth scope than cloud-platform; the account's IAM (above) is the
       // real limit, as Google recommends for a dedicated service account.
       .service_account = compute::InstanceServiceAccountArgs{
           .email = account.email(),
           .scopes = std::vector<std::string>{"https://www.googleapis.com/auth/cloud-platform"}},
       .shielded_instance_config = compute::InstanceShieldedInstanceConfigArgs{
           .enable_integrity_monitoring = true, .enable_secure_boot = true, .enable_vtpm = true},
       .tags = std::vector<std::string>{"neo4j"},
       .zone = n.zone},
      vm_options);

  neo4j_internal_ip = vm.network_interfaces().Apply(
      [](std::optional<std::vector<compute::InstanceNetworkInterface>> const& nics) {
        return nics && !nics->empty() ? nics->front().network_ip.value_or("") : std::string();
      });
}

}  // namespace apex
