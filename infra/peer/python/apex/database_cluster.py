"""DatabaseCluster: the data tier of the Apex system on the private network of apex-network (mirrors
infra/lib/src/database_cluster*.cc): Cloud SQL PostgreSQL with IAM database authentication, the `vectors`
database and its CA certificate in Secret Manager; Memorystore Redis with its AUTH string and CA certificate in
Secret Manager; Neo4j and Qdrant each on a data VM of one shape, which fills its own versionless secret at its
first boot. Every resource waits for the APIs the stack enables."""
from dataclasses import dataclass
from typing import Optional

import pulumi_gcp as gcp
from pulumi import ComponentResource, Output, Resource, ResourceOptions

from .database_cluster_config import DataVmConfig, DatabaseClusterArgs
from .labels import with_component

VECTORS_DATABASE = "vectors"
QDRANT_HTTP_PORT = 6333
# The APIs the cluster's resources call: service accounts (iam), the VMs, disks and snapshot schedules
# (compute), Cloud SQL, Memorystore, secrets.
APIS = [
    "compute.googleapis.com",
    "iam.googleapis.com",
    "redis.googleapis.com",
    "secretmanager.googleapis.com",
    "sqladmin.googleapis.com",
]

# Runs at every boot; idempotent. The secret's value is generated on the VM and goes to Secret Manager
# through a pipe: it is in no metadata, state file or command line. The VM reads it back as `latest`.
COMMON_SCRIPT = """#!/bin/bash
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
  openssl rand -base64 32 | tr -d '\\n' | gcloud secrets versions add "$SECRET" --data-file=-
fi
APP_SECRET="$(gcloud secrets versions access latest --secret="$SECRET")"
"""

# Appended to the common script, which has mounted $DATA and read $APP_SECRET.
NEO4J_SCRIPT = """if ! dpkg -s neo4j >/dev/null 2>&1; then
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
  sudo -u neo4j neo4j-admin dbms set-initial-password "$APP_SECRET"
  touch "$DATA/.apex-initialized"
fi
systemctl enable neo4j
systemctl restart neo4j
"""

# Qdrant's key reaches the container through a root-only env file on tmpfs, not the docker command line.
QDRANT_SCRIPT = """if ! command -v docker >/dev/null 2>&1; then
  apt-get update
  apt-get install -y docker.io
fi
systemctl enable --now docker
install -m 600 /dev/null /run/qdrant.env
printf 'QDRANT__SERVICE__API_KEY=%s\\nQDRANT__TELEMETRY_DISABLED=true\\n' "$APP_SECRET" > /run/qdrant.env
docker pull "@IMAGE@"
docker rm -f qdrant >/dev/null 2>&1 || true
docker run -d --name qdrant --restart=unless-stopped --env-file /run/qdrant.env \\
  -p 6333:6333 -p 6334:6334 -v "$DATA":/qdrant/storage "@IMAGE@"
rm -f /run/qdrant.env
"""


@dataclass
class DatabaseNetwork:
    """What the cluster needs from apex-network (its stack outputs)."""

    network_id: Output[str]
    subnet_self_link: Output[str]
    psa_range_name: Output[str]
    private_service_connection: Output[str]  # Cloud SQL and Redis wait for it (see DatabaseCluster)


@dataclass
class _DataVmSpec:
    """What tells one data VM from the other; _create_data_vm builds the shape they share."""

    component: str  # neo4j or qdrant: names, labels and the network tag
    description: str
    config: DataVmConfig
    secret_id: Output[str]  # the VM's own secret, filled at its first boot
    app_script: str  # after the common script; "@SECRET@" becomes the secret's id


@dataclass
class _DataVm:
    internal_ip: Output[str]
    instance_id: Output[str]
    instance_name: Output[str]


def _database_flags(max_connections: int) -> list[gcp.sql.DatabaseInstanceSettingsDatabaseFlagArgs]:
    flags = [
        ("max_connections", str(max_connections)),
        ("log_connections", "on"),
        ("log_disconnections", "on"),
        ("log_lock_waits", "on"),
        ("log_checkpoints", "on"),
        ("log_temp_files", "0"),
        ("log_min_duration_statement", "-1"),
        ("log_min_messages", "warning"),
        ("log_min_error_statement", "error"),
        # pgAudit: the flag loads the library; `CREATE EXTENSION pgaudit` in the database turns it on.
        ("cloudsql.enable_pgaudit", "on"),
        ("pgaudit.log", "ddl,role"),
        # Clients log in as their service accounts with short-lived tokens: no password to hand out.
        ("cloudsql.iam_authentication", "on"),
    ]
    return [gcp.sql.DatabaseInstanceSettingsDatabaseFlagArgs(name=n, value=v) for n, v in flags]


def _first_cert(certs) -> str:
    """The PEM of the instance's current server CA (serverCaCerts[0])."""
    return (certs[0].cert or "") if certs else ""


class DatabaseCluster(ComponentResource):
    def __init__(
        self,
        name: str,
        args: DatabaseClusterArgs,
        network: DatabaseNetwork,
        apis: list[Resource],
        opts: Optional[ResourceOptions] = None,
    ):
        super().__init__("apex:database:Cluster", name, None, opts)
        self._apis = apis
        # The private service connection lives in apex-network, out of depends_on's reach: the network input
        # of Cloud SQL and Redis is the VPC id joined with the connection's id, so it resolves only once the
        # connection exists, and the value sent stays the plain VPC id.
        private_network = Output.all(network.network_id, network.private_service_connection).apply(
            lambda values: values[0]
        )

        self._create_postgres(name, args, network, private_network)
        self._create_redis(name, args, network, private_network)
        self._create_neo4j(name, args, network)
        self._create_qdrant(name, args, network)

        self.register_outputs(
            {
                "postgresConnectionName": self.postgres_connection_name,
                "postgresPrivateIp": self.postgres_private_ip,
                "redisHost": self.redis_host,
                "redisPort": self.redis_port,
                "neo4jInternalIp": self.neo4j_internal_ip,
                "qdrantUrl": self.qdrant_url,
            }
        )

    def _child(self, also: Optional[list[Resource]] = None) -> ResourceOptions:
        """The options of every child: parented here, waiting for the APIs (and `also`)."""
        return ResourceOptions(parent=self, depends_on=[*self._apis, *(also or [])])

    def _create_secret(self, name: str, args: DatabaseClusterArgs, component: str) -> Output[str]:
        """A secret (automatic replication, labels) without a version; returns the secret's id."""
        secret = gcp.secretmanager.Secret(
            name,
            deletion_protection=args.deletion_protection,
            labels=with_component(args.labels, component),
            replication=gcp.secretmanager.SecretReplicationArgs(auto=gcp.secretmanager.SecretReplicationAutoArgs()),
            secret_id=name,
            opts=self._child(),
        )
        return secret.id

    def _store_secret(self, name: str, args: DatabaseClusterArgs, component: str, value: Output[str]) -> Output[str]:
        """A secret as above with one version holding `value`; returns the secret's id."""
        secret_id = self._create_secret(name, args, component)
        gcp.secretmanager.SecretVersion(f"{name}-version", secret=secret_id, secret_data=value, opts=self._child())
        return secret_id

    def _create_postgres(
        self, name: str, args: DatabaseClusterArgs, network: DatabaseNetwork, private_network: Output[str]
    ) -> None:
        pg = args.postgres
        instance_name = f"{name}-postgres"
        sql = gcp.sql
        retention = sql.DatabaseInstanceSettingsBackupConfigurationBackupRetentionSettingsArgs(
            retained_backups=pg.retained_backups, retention_unit="COUNT"
        )
        instance = sql.DatabaseInstance(
            instance_name,
            database_version=pg.database_version,
            deletion_protection=args.deletion_protection,
            name=instance_name,
            region=args.common.region,
            settings=sql.DatabaseInstanceSettingsArgs(
                availability_type=pg.availability_type,
                backup_configuration=sql.DatabaseInstanceSettingsBackupConfigurationArgs(
                    backup_retention_settings=retention,
                    enabled=pg.backups_enabled,
                    point_in_time_recovery_enabled=pg.pitr_enabled,
                    start_time=pg.backup_start_time,
                    transaction_log_retention_days=pg.log_retention_days,
                ),
                database_flags=_database_flags(pg.max_connections),
                deletion_protection_enabled=args.deletion_protection,
                disk_autoresize=True,
                disk_autoresize_limit=pg.disk_autoresize_limit_gb,
                disk_size=pg.disk_size_gb,
                disk_type="PD_SSD",
                edition=pg.edition,
                insights_config=sql.DatabaseInstanceSettingsInsightsConfigArgs(
                    query_insights_enabled=True,
                    query_string_length=1024,
                    record_application_tags=True,
                    record_client_address=False,
                ),
                ip_configuration=sql.DatabaseInstanceSettingsIpConfigurationArgs(
                    allocated_ip_range=network.psa_range_name,
                    ipv4_enabled=False,
                    private_network=private_network,
                    ssl_mode="ENCRYPTED_ONLY",
                ),
                maintenance_window=sql.DatabaseInstanceSettingsMaintenanceWindowArgs(
                    day=pg.maintenance_day, hour=pg.maintenance_hour, update_track=pg.maintenance_track
                ),
                password_validation_policy=sql.DatabaseInstanceSettingsPasswordValidationPolicyArgs(
                    disallow_username_substring=True, enable_password_policy=True, min_length=16
                ),
                tier=pg.tier,
                user_labels=with_component(args.labels, "postgres"),
            ),
            opts=self._child(),
        )
        # pgvector and pgaudit are created in this database by apex-services' migration job (ADR 0008).
        vectors = sql.Database(
            f"{name}-vectors",
            charset="UTF8",
            collation="en_US.UTF8",
            instance=instance.name,
            name=VECTORS_DATABASE,
            opts=self._child(),
        )
        self.postgres_connection_name = instance.connection_name
        self.postgres_private_ip = instance.private_ip_address
        self.postgres_instance_name = instance.name
        self.database_name = vectors.name
        self.postgres_ca_secret_id = self._store_secret(
            f"{name}-postgres-ca", args, "postgres", instance.server_ca_certs.apply(_first_cert)
        )

    def _create_redis(
        self, name: str, args: DatabaseClusterArgs, network: DatabaseNetwork, private_network: Output[str]
    ) -> None:
        r = args.redis
        instance_name = f"{name}-redis"
        persistence = (
            gcp.redis.InstancePersistenceConfigArgs(persistence_mode="RDB", rdb_snapshot_period=r.snapshot_period)
            if r.persistence
            else gcp.redis.InstancePersistenceConfigArgs(persistence_mode="DISABLED")
        )
        instance = gcp.redis.Instance(
            instance_name,
            auth_enabled=True,
            authorized_network=private_network,
            connect_mode="PRIVATE_SERVICE_ACCESS",
            deletion_protection=args.deletion_protection,
            display_name=f"Apex cache and sessions ({args.common.environment})",
            labels=with_component(args.labels, "redis"),
            maintenance_policy=gcp.redis.InstanceMaintenancePolicyArgs(
                weekly_maintenance_windows=[
                    gcp.redis.InstanceMaintenancePolicyWeeklyMaintenanceWindowArgs(
                        day=r.maintenance_day,
                        start_time=gcp.redis.InstanceMaintenancePolicyWeeklyMaintenanceWindowStartTimeArgs(
                            hours=r.maintenance_hour, minutes=0
                        ),
                    )
                ]
            ),
            memory_size_gb=r.memory_size_gb,
            name=instance_name,
            persistence_config=persistence,
            redis_version=r.version,
            region=args.common.region,
            reserved_ip_range=network.psa_range_name,
            tier=r.tier,
            transit_encryption_mode="SERVER_AUTHENTICATION",
            opts=self._child(),
        )
        self.redis_host = instance.host
        self.redis_port = instance.port
        self.redis_instance_id = instance.id
        # AUTH is on, so clients need the instance's AUTH string: a secret output, into Secret Manager.
        self.redis_auth_secret_id = self._store_secret(f"{name}-redis-auth", args, "redis", instance.auth_string)
        self.redis_ca_secret_id = self._store_secret(
            f"{name}-redis-ca", args, "redis", instance.server_ca_certs.apply(_first_cert)
        )

    def _create_neo4j(self, name: str, args: DatabaseClusterArgs, network: DatabaseNetwork) -> None:
        self.neo4j_password_secret_id = self._create_secret(f"{name}-neo4j-password", args, "neo4j")
        vm = self._create_data_vm(
            name,
            args,
            network,
            _DataVmSpec(
                component="neo4j",
                description="Neo4j knowledge graph of the Apex Memory System",
                config=args.neo4j.vm,
                secret_id=self.neo4j_password_secret_id,
                app_script=NEO4J_SCRIPT.replace("@VERSION@", args.neo4j.version),
            ),
        )
        self.neo4j_internal_ip = vm.internal_ip
        self.neo4j_instance_id = vm.instance_id
        self.neo4j_instance_name = vm.instance_name

    def _create_qdrant(self, name: str, args: DatabaseClusterArgs, network: DatabaseNetwork) -> None:
        self.qdrant_api_key_secret_id = self._create_secret(f"{name}-qdrant-api-key", args, "qdrant")
        vm = self._create_data_vm(
            name,
            args,
            network,
            _DataVmSpec(
                component="qdrant",
                description="Qdrant vector search of the Apex Memory System",
                config=args.qdrant.vm,
                secret_id=self.qdrant_api_key_secret_id,
                app_script=QDRANT_SCRIPT.replace("@IMAGE@", args.qdrant.image),
            ),
        )
        self.qdrant_url = vm.internal_ip.apply(lambda ip: f"http://{ip}:{QDRANT_HTTP_PORT}")
        self.qdrant_instance_id = vm.instance_id
        self.qdrant_instance_name = vm.instance_name

    def _create_data_vm(
        self, name: str, args: DatabaseClusterArgs, network: DatabaseNetwork, spec: _DataVmSpec
    ) -> _DataVm:
        """The shape both data VMs share (database_cluster_vm.cc)."""
        c = spec.config
        compute = gcp.compute
        labels = with_component(args.labels, spec.component)
        vm_name = f"{name}-{spec.component}"

        account = gcp.serviceaccount.Account(
            f"{vm_name}-sa",
            account_id=vm_name,
            description=f"Runs the {spec.component} VM of the Apex data tier",
            display_name=f"Apex {spec.component} VM",
            opts=self._child(),
        )
        for suffix, role in [("log-writer", "roles/logging.logWriter"), ("metric-writer", "roles/monitoring.metricWriter")]:
            gcp.projects.IAMMember(
                f"{vm_name}-{suffix}",
                member=account.member,
                project=args.common.gcp_project,
                role=role,
                opts=self._child(),
            )
        # On its own secret only: see whether it has a version (viewer), add the first one, read it.
        secret_grants = [
            gcp.secretmanager.SecretIamMember(
                f"{vm_name}-{suffix}", member=account.member, role=role, secret_id=spec.secret_id, opts=self._child()
            )
            for suffix, role in [
                ("secret-viewer", "roles/secretmanager.viewer"),
                ("secret-version-adder", "roles/secretmanager.secretVersionAdder"),
                ("secret-accessor", "roles/secretmanager.secretAccessor"),
            ]
        ]

        data = compute.Disk(
            f"{vm_name}-data",
            labels=labels,
            name=f"{vm_name}-data",
            size=c.data_disk_size_gb,
            type=c.data_disk_type,
            zone=c.zone,
            opts=self._child(),
        )
        snapshots = compute.ResourcePolicy(
            f"{vm_name}-snapshots",
            description=f"Daily snapshots of the {spec.component} data disk",
            name=f"{vm_name}-snapshots",
            region=args.common.region,
            snapshot_schedule_policy=compute.ResourcePolicySnapshotSchedulePolicyArgs(
                retention_policy=compute.ResourcePolicySnapshotSchedulePolicyRetentionPolicyArgs(
                    max_retention_days=c.snapshot_retention_days, on_source_disk_delete="KEEP_AUTO_SNAPSHOTS"
                ),
                schedule=compute.ResourcePolicySnapshotSchedulePolicyScheduleArgs(
                    daily_schedule=compute.ResourcePolicySnapshotSchedulePolicyScheduleDailyScheduleArgs(
                        days_in_cycle=1, start_time=c.snapshot_start_time
                    )
                ),
                snapshot_properties=compute.ResourcePolicySnapshotSchedulePolicySnapshotPropertiesArgs(
                    labels=labels, storage_locations=args.common.region
                ),
            ),
            opts=self._child(),
        )
        compute.DiskResourcePolicyAttachment(
            f"{vm_name}-data-snapshots", disk=data.name, name=snapshots.name, zone=c.zone, opts=self._child()
        )

        script = (COMMON_SCRIPT + spec.app_script).replace("@COMPONENT@", spec.component)
        startup_script = spec.secret_id.apply(lambda secret: script.replace("@SECRET@", secret))
        # The script fills and reads the secret at the first boot: the VM waits for its grants.
        vm = compute.Instance(
            vm_name,
            allow_stopping_for_update=True,
            attached_disks=[
                compute.InstanceAttachedDiskArgs(
                    device_name=f"{spec.component}-data", mode="READ_WRITE", source=data.self_link
                )
            ],
            boot_disk=compute.InstanceBootDiskArgs(
                auto_delete=True,
                initialize_params=compute.InstanceBootDiskInitializeParamsArgs(
                    image=c.boot_image, labels=labels, size=c.boot_disk_size_gb, type="pd-balanced"
                ),
            ),
            can_ip_forward=False,
            deletion_protection=args.deletion_protection,
            description=spec.description,
            labels=labels,
            machine_type=c.machine_type,
            metadata={"block-project-ssh-keys": "true", "enable-oslogin": "TRUE", "serial-port-enable": "false"},
            metadata_startup_script=startup_script,
            name=vm_name,
            # No access_configs: no external IP. Packages and images come in through Cloud NAT (apex-network).
            network_interfaces=[
                compute.InstanceNetworkInterfaceArgs(network=network.network_id, subnetwork=network.subnet_self_link)
            ],
            scheduling=compute.InstanceSchedulingArgs(automatic_restart=True, on_host_maintenance="MIGRATE"),
            # Secret Manager has no narrower OAuth scope than cloud-platform; the account's IAM is the limit.
            service_account=compute.InstanceServiceAccountArgs(
                email=account.email, scopes=["https://www.googleapis.com/auth/cloud-platform"]
            ),
            shielded_instance_config=compute.InstanceShieldedInstanceConfigArgs(
                enable_integrity_monitoring=True, enable_secure_boot=True, enable_vtpm=True
            ),
            tags=[spec.component],
            zone=c.zone,
            opts=self._child(secret_grants),
        )
        return _DataVm(
            internal_ip=vm.network_interfaces.apply(lambda nics: (nics[0].network_ip or "") if nics else ""),
            instance_id=vm.instance_id,
            instance_name=vm.name,
        )
