"""DatabaseMigrationJob: the Cloud Run job that creates the extensions and grants the workloads' database users
their privileges, run by the deploy after `pulumi up` (mirrors infra/lib/src/cloud_run_service_migration.cc)."""
from dataclasses import dataclass, field
from typing import Optional

import pulumi_gcp as gcp
from pulumi import ComponentResource, Input, Output, ResourceOptions

from .cloud_run_service import (CloudRunWorkload, CloudSqlIamUser, EnvVar, SecretFile, VpcEgress, child_of,
                                container_env, create_workload_identity, secret_volumes, validate_workload)
from .config import CommonConfig

run = gcp.cloudrunv2

SQL_ENV = "APEX_MIGRATION_SQL"

# The login is an OAuth access token of the job's service account (IAM database authentication), from the
# metadata server; busybox wget and sed come with the Alpine postgres images. The SQL runs in one transaction.
SCRIPT = r"""set -eu
token_url=http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token
PGPASSWORD="$(wget -q -O - --header 'Metadata-Flavor: Google' "$token_url" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')"
[ -n "$PGPASSWORD" ] || { echo 'apex-db-migrate: no access token from the metadata server' >&2; exit 1; }
export PGPASSWORD
printf '%s\n' "$APEX_MIGRATION_SQL" | psql -X -v ON_ERROR_STOP=1 --single-transaction -f -
"""


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def migration_sql(database: str, grantees: list[str]) -> str:
    sql = "CREATE EXTENSION IF NOT EXISTS vector;\nCREATE EXTENSION IF NOT EXISTS pgaudit;\n"
    for g in grantees:
        user = _quoted(g)
        sql += f"GRANT CONNECT ON DATABASE {_quoted(database)} TO {user};\n"
        sql += f"GRANT USAGE, CREATE ON SCHEMA public TO {user};\n"
        sql += f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {user};\n"
        sql += f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {user};\n"
        # Tables and sequences the migration user creates later, too.
        sql += f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {user};\n"
        sql += f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {user};\n"
    return sql


@dataclass
class DatabaseMigrationArgs:
    common: CommonConfig
    labels: dict[str, str]
    image: str
    instance: Input[str]
    host: Input[str]
    server_ca: SecretFile
    vpc_egress: VpcEgress
    grantees: list[Output[str]] = field(default_factory=list)
    name: str = "apex-db-migrate"
    database: str = "vectors"
    deletion_protection: bool = True


class DatabaseMigrationJob(ComponentResource):
    def __init__(self, name: str, args: DatabaseMigrationArgs, opts: Optional[ResourceOptions] = None):
        super().__init__("apex:services:DatabaseMigrationJob", name, None, opts)
        depends_on = list((opts.depends_on if opts and opts.depends_on else []))
        database = args.database
        w = CloudRunWorkload(
            name=args.name,
            image=args.image,
            env=[EnvVar("PGHOST", args.host),
                 EnvVar("PGPORT", "5432"),
                 EnvVar("PGDATABASE", database),
                 EnvVar("PGSSLMODE", "verify-ca"),
                 EnvVar("PGSSLROOTCERT", args.server_ca.path),
                 EnvVar(SQL_ENV, Output.all(*args.grantees).apply(lambda g: migration_sql(database, list(g))))],
            secret_files=[args.server_ca],
            database_user=CloudSqlIamUser(instance=args.instance, database_roles=["cloudsqlsuperuser"],
                                          user_env="PGUSER"),
            vpc_egress=args.vpc_egress,
            deletion_protection=args.deletion_protection,
        )
        validate_workload(w)
        identity = create_workload_identity(name, args.common, w, self, depends_on)
        volumes, mounts = secret_volumes(w.secret_files, run.JobTemplateTemplateVolumeArgs,
                                         run.JobTemplateTemplateVolumeSecretArgs,
                                         run.JobTemplateTemplateVolumeSecretItemArgs,
                                         run.JobTemplateTemplateContainerVolumeMountArgs)
        job = run.Job(
            f"{name}-job",
            deletion_protection=w.deletion_protection,
            labels=args.labels,
            location=args.common.region,
            name=w.name,
            project=args.common.gcp_project,
            template=run.JobTemplateArgs(
                parallelism=1,
                task_count=1,
                template=run.JobTemplateTemplateArgs(
                    containers=[run.JobTemplateTemplateContainerArgs(
                        args=[SCRIPT],
                        commands=["/bin/sh", "-c"],
                        envs=container_env(w, identity, run.JobTemplateTemplateContainerEnvArgs,
                                           run.JobTemplateTemplateContainerEnvValueSourceArgs,
                                           run.JobTemplateTemplateContainerEnvValueSourceSecretKeyRefArgs),
                        image=w.image,
                        name="migrate",
                        resources=run.JobTemplateTemplateContainerResourcesArgs(limits={"cpu": "1", "memory": "512Mi"}),
                        volume_mounts=mounts,
                    )],
                    execution_environment="EXECUTION_ENVIRONMENT_GEN2",
                    # Idempotent: one retry covers a transient failure (a token or a connection).
                    max_retries=1,
                    service_account=identity.email,
                    timeout="600s",
                    volumes=volumes,
                    vpc_access=run.JobTemplateTemplateVpcAccessArgs(
                        egress=args.vpc_egress.egress,
                        network_interfaces=[run.JobTemplateTemplateVpcAccessNetworkInterfaceArgs(
                            network=args.vpc_egress.network, subnetwork=args.vpc_egress.subnetwork)],
                    ),
                ),
            ),
            opts=child_of(self, depends_on, identity.grants),
        )
        self.job_name = job.name
        self.service_account_email = identity.email
        self.register_outputs({"name": self.job_name, "serviceAccountEmail": self.service_account_email})
