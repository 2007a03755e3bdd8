"""DatabaseCluster: the data tier of the Apex system on the private network of apex-network (mirrors
infra/lib/src/database_cluster*.cc): Cloud SQL PostgreSQL with the `vectors` database and the application
user, Memorystore Redis, Neo4j on a shielded VM with a data disk and a snapshot schedule, Qdrant on Cloud Run
with a GCS bucket, the password secrets, and the database service account with its least-privilege grants."""
from dataclasses import dataclass
from typing import Optional

import pulumi_gcp as gcp
from pulumi import ComponentResource, Output, ResourceOptions

from .database_cluster_config import DatabaseClusterArgs
from .labels import with_component

VECTORS_DATABASE = "vectors"
NEO4J_DATA_DEVICE = "neo4j-data"
QDRANT_HTTP_PORT = 6333
QDRANT_STORAGE_PATH = "/qdrant/storage"

# Runs at every boot; idempotent. The password never appears in metadata: the VM reads it from Secret
# Manager with its own account. Bolt (7687) and HTTP (7474) are reachable from the VPC only.
NEO4J_STARTUP_SCRIPT = """#!/bin/bash
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
"""


@dataclass
class DatabaseNetwork:
    """What the cluster needs from apex-network (its stack outputs)."""

    network_id: Output[str]
    subnet_self_link: Output[str]
    psa_range_name: Output[str]
    private_service_connection: Output[str]  # Cloud SQL and Redis wait for it (see DatabaseCluster)


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
    ]
    return [gcp.sql.DatabaseInstanceSettingsDatabaseFlagArgs(name=n, value=v) for n, v in flags]


class DatabaseCluster(ComponentResource):
    def __init__(
        self, name: str, args: DatabaseClusterArgs, network: DatabaseNetwork, opts: Optional[ResourceOptions] = None
    ):
        super().__init__("apex:database:Cluster", name, None, opts)
        # The private service connection lives in apex-network, out of depends_on's reach: the network input
        # of Cloud SQL and Redis is the VPC id joined with the connection's id, so it resolves only once the
        # connection exists, and the value sent stays the plain VPC id.
        private_network = Output.all(network.network_id, network.private_service_connection).apply(
            lambda values: values[0]
        )

        self._create_secrets(name, args)
        self._create_postgres(name, args, network, private_network)
        self._create_redis(name, args, network, private_network)
        self._create_neo4j(name, args, network)
        self._create_qdrant(name, args, network)
        self._create_database_access(name, args)

        self.register_outputs(
            {
                "postgresConnectionName": self.postgres_connection_name,
                "postgresPrivateIp": self.postgres_private_ip,
                "redisHost": self.redis_host,
                "redisPort": self.redis_port,
                "neo4jInternalIp": self.neo4j_internal_ip,
                "qdrantUri": self.qdrant_uri,
                "serviceAccountEmail": self.service_account_email,
            }
        )

    def _password_secret(self, name: str, args: DatabaseClusterArgs, component: str, value: Output[str]):
        """A secret (automatic replication) with one version holding `value`; returns the secret's id."""
        secret = gcp.secretmanager.Secret(
            name,
            deletion_protection=args.deletion_protection,
            labels=with_component(args.labels, component),
            replication=gcp.secretmanager.SecretReplicationArgs(auto=gcp.secretmanager.SecretReplicationAutoArgs()),
            secret_id=name,
            opts=ResourceOptions(parent=self),
        )
        gcp.secretmanager.SecretVersion(
            f"{name}-version", secret=secret.id, secret_data=value, opts=ResourceOptions(parent=self)
        )
        return secret.id

    def _create_secrets(self, name: str, args: DatabaseClusterArgs) -> None:
        self.db_password_secret_id = self._password_secret(f"{name}-password", args, "postgres", args.db_password)
        self.neo4j_password_secret_id = self._password_secret(
            f"{name}-neo4j-password", args, "neo4j", args.neo4j_password
        )

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
            opts=ResourceOptions(parent=self),
        )
        # pgvector is not an instance setting: the application runs `CREATE EXTENSION IF NOT EXISTS vector`
        # in this database when it migrates its schema.
        vectors = sql.Database(
            f"{name}-vectors",
            charset="UTF8",
            collation="en_US.UTF8",
            instance=instance.name,
            name=VECTORS_DATABASE,
            opts=ResourceOptions(parent=self),
        )
        # ABANDON: Postgres refuses to drop a role that owns objects, so a delete would fail once the app ran.
        user = sql.User(
            f"{name}-app-user",
            deletion_policy="ABANDON",
            instance=instance.name,
            name=pg.user,
            password=args.db_password,
            opts=ResourceOptions(parent=self),
        )
        self.postgres_connection_name = instance.connection_name
        self.postgres_private_ip = instance.private_ip_address
        self.postgres_instance_name = instance.name
        self.database_name = vectors.name
        self.database_user = user.name

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
            opts=ResourceOptions(parent=self),
        )
        self.redis_host = instance.host
        self.redis_port = instance.port
        self.redis_instance_id = instance.id
        # AUTH is on, so clients need the instance's AUTH string: it goes to Secret Manager like the passwords.
        self.redis_auth_secret_id = self._password_secret(f"{name}-redis-auth", args, "redis", instance.auth_string)

    def _create_neo4j(self, name: str, args: DatabaseClusterArgs, network: DatabaseNetwork) -> None:
        n = args.neo4j
        compute = gcp.compute
        labels = with_component(args.labels, "neo4j")
        vm_name = f"{name}-neo4j"
        child_opts = ResourceOptions(parent=self)

        # The VM's own identity: write logs and metrics, read its password; nothing else.
        account = gcp.serviceaccount.Account(
            f"{vm_name}-sa",
            account_id=vm_name,
            description="Runs the Neo4j VM of the Apex data tier",
            display_name="Apex Neo4j VM",
            opts=child_opts,
        )
        writer_roles = [("log-writer", "roles/logging.logWriter"), ("metric-writer", "roles/monitoring.metricWriter")]
        for suffix, role in writer_roles:
            gcp.projects.IAMMember(
                f"{vm_name}-{suffix}",
                member=account.member,
                project=args.common.gcp_project,
                role=role,
                opts=child_opts,
            )
        password_reader = gcp.secretmanager.SecretIamMember(
            f"{vm_name}-password-accessor",
            member=account.member,
            role="roles/secretmanager.secretAccessor",
            secret_id=self.neo4j_password_secret_id,
            opts=child_opts,
        )

        data = compute.Disk(
            f"{vm_name}-data",
            labels=labels,
            name=f"{vm_name}-data",
            size=n.data_disk_size_gb,
            type=n.data_disk_type,
            zone=n.zone,
            opts=child_opts,
        )
        snapshots = compute.ResourcePolicy(
            f"{vm_name}-snapshots",
            description="Daily snapshots of the Neo4j data disk",
            name=f"{vm_name}-snapshots",
            region=args.common.region,
            snapshot_schedule_policy=compute.ResourcePolicySnapshotSchedulePolicyArgs(
                retention_policy=compute.ResourcePolicySnapshotSchedulePolicyRetentionPolicyArgs(
                    max_retention_days=n.snapshot_retention_days, on_source_disk_delete="KEEP_AUTO_SNAPSHOTS"
                ),
                schedule=compute.ResourcePolicySnapshotSchedulePolicyScheduleArgs(
                    daily_schedule=compute.ResourcePolicySnapshotSchedulePolicyScheduleDailyScheduleArgs(
                        days_in_cycle=1, start_time=n.snapshot_start_time
                    )
                ),
                snapshot_properties=compute.ResourcePolicySnapshotSchedulePolicySnapshotPropertiesArgs(
                    labels=labels, storage_locations=args.common.region
                ),
            ),
            opts=child_opts,
        )
        compute.DiskResourcePolicyAttachment(
            f"{vm_name}-data-snapshots", disk=data.name, name=snapshots.name, zone=n.zone, opts=child_opts
        )

        startup_script = self.neo4j_password_secret_id.apply(
            lambda secret: NEO4J_STARTUP_SCRIPT.replace("@DEVICE@", NEO4J_DATA_DEVICE)
            .replace("@VERSION@", n.version)
            .replace("@SECRET@", secret)
        )
        vm = compute.Instance(
            vm_name,
            allow_stopping_for_update=True,
            attached_disks=[
                compute.InstanceAttachedDiskArgs(
                    device_name=NEO4J_DATA_DEVICE, mode="READ_WRITE", source=data.self_link
                )
            ],
            boot_disk=compute.InstanceBootDiskArgs(
                auto_delete=True,
                initialize_params=compute.InstanceBootDiskInitializeParamsArgs(
                    image=n.image, labels=labels, size=n.boot_disk_size_gb, type="pd-balanced"
                ),
            ),
            can_ip_forward=False,
            deletion_protection=args.deletion_protection,
            description="Neo4j knowledge graph of the Apex Memory System",
            labels=labels,
            machine_type=n.machine_type,
            metadata={"block-project-ssh-keys": "true", "enable-oslogin": "TRUE", "serial-port-enable": "false"},
            metadata_startup_script=startup_script,
            name=vm_name,
            # No access_configs: no external IP. Packages come in through Cloud NAT (apex-network).
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
            tags=["neo4j"],
            zone=n.zone,
            # The script reads the password at first boot: the VM waits for its read access.
            opts=ResourceOptions(parent=self, depends_on=[password_reader]),
        )
        self.neo4j_internal_ip = vm.network_interfaces.apply(
            lambda nics: (nics[0].network_ip or "") if nics else ""
        )

    def _create_qdrant(self, name: str, args: DatabaseClusterArgs, network: DatabaseNetwork) -> None:
        q = args.qdrant
        run = gcp.cloudrunv2
        storage = gcp.storage
        labels = with_component(args.labels, "qdrant")
        service_name = f"{name}-qdrant"
        child_opts = ResourceOptions(parent=self)

        bucket = storage.Bucket(
            f"{service_name}-storage",
            force_destroy=not args.deletion_protection,
            labels=labels,
            # Old versions of Qdrant's segment files are kept for recovery, not forever.
            lifecycle_rules=[
                storage.BucketLifecycleRuleArgs(
                    action=storage.BucketLifecycleRuleActionArgs(type="Delete"),
                    condition=storage.BucketLifecycleRuleConditionArgs(
                        days_since_noncurrent_time=30, with_state="ARCHIVED"
                    ),
                )
            ],
            location=args.common.region,
            name=f"{args.common.gcp_project}-{service_name}",  # bucket names are global
            public_access_prevention="enforced",
            uniform_bucket_level_access=True,
            versioning=storage.BucketVersioningArgs(enabled=True),
            opts=child_opts,
        )
        account = gcp.serviceaccount.Account(
            f"{service_name}-sa",
            account_id=service_name,
            description="Runs Qdrant on Cloud Run",
            display_name="Apex Qdrant",
            opts=child_opts,
        )
        storage_admin = storage.BucketIAMMember(
            f"{service_name}-storage-admin",
            bucket=bucket.name,
            member=account.member,
            role="roles/storage.objectAdmin",
            opts=child_opts,
        )

        service = run.Service(
            service_name,
            deletion_protection=args.deletion_protection,
            description="Qdrant vector search of the Apex Memory System",
            ingress="INGRESS_TRAFFIC_INTERNAL_ONLY",
            invoker_iam_disabled=False,
            labels=labels,
            location=args.common.region,
            name=service_name,
            template=run.ServiceTemplateArgs(
                containers=[
                    run.ServiceTemplateContainerArgs(
                        envs=[
                            run.ServiceTemplateContainerEnvArgs(
                                name="QDRANT__STORAGE__STORAGE_PATH", value=QDRANT_STORAGE_PATH
                            ),
                            run.ServiceTemplateContainerEnvArgs(name="QDRANT__TELEMETRY_DISABLED", value="true"),
                        ],
                        image=q.image,
                        liveness_probe=run.ServiceTemplateContainerLivenessProbeArgs(
                            http_get=run.ServiceTemplateContainerLivenessProbeHttpGetArgs(
                                path="/livez", port=QDRANT_HTTP_PORT
                            ),
                            period_seconds=30,
                        ),
                        ports=run.ServiceTemplateContainerPortsArgs(container_port=QDRANT_HTTP_PORT, name="http1"),
                        resources=run.ServiceTemplateContainerResourcesArgs(
                            limits={"cpu": q.cpu, "memory": q.memory}, startup_cpu_boost=True
                        ),
                        startup_probe=run.ServiceTemplateContainerStartupProbeArgs(
                            failure_threshold=10,
                            http_get=run.ServiceTemplateContainerStartupProbeHttpGetArgs(
                                path="/readyz", port=QDRANT_HTTP_PORT
                            ),
                            period_seconds=5,
                        ),
                        volume_mounts=[
                            run.ServiceTemplateContainerVolumeMountArgs(mount_path=QDRANT_STORAGE_PATH, name="storage")
                        ],
                    )
                ],
                # GCS volumes need the second-generation execution environment.
                execution_environment="EXECUTION_ENVIRONMENT_GEN2",
                labels=labels,
                scaling=run.ServiceTemplateScalingArgs(
                    max_instance_count=q.max_instances, min_instance_count=q.min_instances
                ),
                service_account=account.email,
                volumes=[
                    run.ServiceTemplateVolumeArgs(
                        gcs=run.ServiceTemplateVolumeGcsArgs(bucket=bucket.name, read_only=False), name="storage"
                    )
                ],
                vpc_access=run.ServiceTemplateVpcAccessArgs(
                    egress="PRIVATE_RANGES_ONLY",
                    network_interfaces=[
                        run.ServiceTemplateVpcAccessNetworkInterfaceArgs(
                            network=network.network_id, subnetwork=network.subnet_self_link, tags=["qdrant"]
                        )
                    ],
                ),
            ),
            traffics=[run.ServiceTrafficArgs(percent=100, type="TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST")],
            # The revision mounts the bucket at start: the service waits for its account's access.
            opts=ResourceOptions(parent=self, depends_on=[storage_admin]),
        )
        self.qdrant_uri = service.uri
        self.qdrant_service_name = service.name

    def _create_database_access(self, name: str, args: DatabaseClusterArgs) -> None:
        """The identity the Apex services run as to reach the data tier, with exactly the grants it needs."""
        child_opts = ResourceOptions(parent=self)
        account = gcp.serviceaccount.Account(
            f"{name}-sa",
            account_id=f"{name}-access",
            description="The Apex services' access to Cloud SQL, Redis, Neo4j and Qdrant",
            display_name="Apex database access",
            opts=child_opts,
        )
        gcp.projects.IAMMember(
            f"{name}-sa-cloudsql-client",
            member=account.member,
            project=args.common.gcp_project,
            role="roles/cloudsql.client",
            opts=child_opts,
        )
        secrets = [("password", self.db_password_secret_id), ("neo4j-password", self.neo4j_password_secret_id)]
        for suffix, secret in secrets:
            gcp.secretmanager.SecretIamMember(
                f"{name}-sa-{suffix}-accessor",
                member=account.member,
                role="roles/secretmanager.secretAccessor",
                secret_id=secret,
                opts=child_opts,
            )
        # Qdrant's ingress is internal and IAM-checked: the services call it as this account.
        gcp.cloudrunv2.ServiceIamMember(
            f"{name}-sa-qdrant-invoker",
            location=args.common.region,
            member=account.member,
            name=self.qdrant_service_name,
            role="roles/run.invoker",
            opts=child_opts,
        )
        self.service_account_email = account.email
