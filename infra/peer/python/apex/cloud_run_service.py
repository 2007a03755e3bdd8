"""CloudRunService and CloudRunWorkerPool: one Apex workload on Cloud Run v2 with its own identity, its Cloud SQL
IAM database user and least-privilege IAM (mirrors infra/lib/src/cloud_run_service.cc, _identity.cc,
_worker_pool.cc and _sizing.cc)."""
import re
from dataclasses import dataclass, field
from typing import Optional

import pulumi
import pulumi_gcp as gcp
from pulumi import ComponentResource, Input, Output, Resource, ResourceOptions

from .config import CommonConfig, get_int_in_range, invalid_config, require_int_in_range, require_one_of

run = gcp.cloudrunv2

INGRESS_ALL = "INGRESS_TRAFFIC_ALL"
INGRESS_INTERNAL_ONLY = "INGRESS_TRAFFIC_INTERNAL_ONLY"
INGRESS_INTERNAL_LOAD_BALANCER = "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"
EGRESS_PRIVATE_RANGES_ONLY = "PRIVATE_RANGES_ONLY"
EGRESS_ALL_TRAFFIC = "ALL_TRAFFIC"


@dataclass
class EnvVar:
    name: str
    value: Input[str]


@dataclass
class SecretEnvVar:
    name: str
    secret: Input[str]
    version: str = "latest"


@dataclass
class SecretFile:
    """A secret mounted as a file: `path`'s directory is the mount point, one file per directory."""

    name: str
    secret: Input[str]
    path: str
    version: str = "latest"


@dataclass
class CloudSqlIamUser:
    instance: Input[str]
    database_roles: list[str] = field(default_factory=list)
    user_env: str = "POSTGRES_USER"


@dataclass
class VpcEgress:
    network: Input[str]
    subnetwork: Input[str]
    egress: str = EGRESS_PRIVATE_RANGES_ONLY


@dataclass
class CloudRunWorkload:
    name: str
    image: Input[str]
    env: list[EnvVar] = field(default_factory=list)
    secrets: list[SecretEnvVar] = field(default_factory=list)
    secret_files: list[SecretFile] = field(default_factory=list)
    database_user: Optional[CloudSqlIamUser] = None
    vpc_egress: Optional[VpcEgress] = None
    project_roles: list[str] = field(default_factory=list)
    deletion_protection: bool = True


@dataclass
class ServiceSizing:
    cpu: str = "1"
    memory: str = "512Mi"
    min_instances: int = 0
    max_instances: int = 10
    concurrency: int = 80
    timeout_seconds: int = 300


@dataclass
class WorkerPoolSizing:
    cpu: str = "1"
    memory: str = "512Mi"
    instances: int = 1


@dataclass
class Invoker:
    id: str
    member: Input[str]


# --- sizing ---------------------------------------------------------------------------------------------------


def _memory_mib(memory: str) -> Optional[int]:
    m = re.fullmatch(r"(\d{1,6})(Mi|Gi)", memory)
    if not m:
        return None
    return int(m.group(1)) * (1024 if m.group(2) == "Gi" else 1)


def cpu_memory_problem(cpu: str, memory: str) -> Optional[str]:
    mib = _memory_mib(memory)
    if mib is None:
        return f"'{memory}' is not a memory size like 512Mi or 4Gi"
    vcpu = {"1": 1, "2": 2, "4": 4, "6": 6, "8": 8}.get(cpu, 0)
    if vcpu == 0:
        return f"'{cpu}' is not a CPU count Cloud Run accepts (1, 2, 4, 6 or 8)"
    max_gib = {1: 4, 2: 8, 4: 16, 6: 24, 8: 32}[vcpu]
    min_mib = 2048 if vcpu == 4 else 4096 if vcpu >= 6 else 512
    if mib < min_mib:
        return f"{memory} is below the {min_mib}Mi that {cpu} CPU needs"
    if mib > max_gib * 1024:
        return f"{memory} needs more than {cpu} CPU (at most {max_gib}Gi)"
    return None


def _require_memory(key: str, cpu: str) -> str:
    memory = pulumi.Config("apex").require(key)
    problem = cpu_memory_problem(cpu, memory)
    if problem:
        invalid_config(key, problem)
    return memory


def load_service_sizing(prefix: str) -> ServiceSizing:
    s = ServiceSizing()
    s.cpu = require_one_of(f"{prefix}Cpu", ["1", "2", "4", "6", "8"])
    s.memory = _require_memory(f"{prefix}Memory", s.cpu)
    s.min_instances = require_int_in_range(f"{prefix}MinInstances", 0, 1000)
    s.max_instances = require_int_in_range(f"{prefix}MaxInstances", 1, 1000)
    if s.min_instances > s.max_instances:
        invalid_config(f"{prefix}MinInstances", f"{s.min_instances} is above {prefix}MaxInstances ({s.max_instances})")
    s.concurrency = get_int_in_range(f"{prefix}Concurrency", s.concurrency, 1, 1000)
    s.timeout_seconds = get_int_in_range(f"{prefix}TimeoutSeconds", s.timeout_seconds, 1, 3600)
    return s


def load_worker_pool_sizing(prefix: str) -> WorkerPoolSizing:
    cpu = require_one_of(f"{prefix}Cpu", ["1", "2", "4", "6", "8"])
    return WorkerPoolSizing(cpu=cpu, memory=_require_memory(f"{prefix}Memory", cpu),
                            instances=require_int_in_range(f"{prefix}Instances", 0, 1000))


# --- identity and the shared pieces ---------------------------------------------------------------------------


def kebab(env_name: str) -> str:
    return env_name.lower().replace("_", "-")


def iam_database_user_name(email: str) -> str:
    """"apex-x@p.iam.gserviceaccount.com" -> "apex-x@p.iam": the Postgres user name of a service account."""
    suffix = ".gserviceaccount.com"
    return email[: -len(suffix)] if email.endswith(suffix) and len(email) > len(suffix) else email


def split_secret_path(path: str) -> tuple[str, str]:
    slash = path.rfind("/")
    if not path.startswith("/") or slash <= 0:
        return "", ""
    return path[:slash], path[slash + 1:]


def child_of(parent: Resource, depends_on: list[Resource], more: Optional[list[Resource]] = None) -> ResourceOptions:
    """A component's child: the component as parent, and the component's own depends_on."""
    return ResourceOptions(parent=parent, depends_on=[*depends_on, *(more or [])])


def _names_a_secret(env_name: str) -> bool:
    words = ("PASSWORD", "TOKEN", "API_KEY", "PRIVATE_KEY", "AUTH_STRING", "CREDENTIAL")
    return any(w in env_name for w in words) or (len(env_name) > 7 and env_name.endswith("_SECRET"))


def _privileged_role(role: str) -> bool:
    return role in ("roles/owner", "roles/editor", "roles/viewer", "roles/iam.serviceAccountUser",
                    "roles/iam.serviceAccountTokenCreator") or "admin" in role.lower()


def validate_workload(w: CloudRunWorkload) -> None:
    def refuse(problem: str):
        raise ValueError(f"Cloud Run workload '{w.name}': {problem}")

    if not re.fullmatch(r"[a-z][a-z0-9-]{4,28}[a-z0-9]", w.name):
        refuse("the name is also the service account id: 6-30 lowercase letters, digits and dashes, starting "
               "with a letter")
    names: set[str] = set()
    for e in w.env:
        if e.name in names:
            refuse(f"env var {e.name} is set twice")
        names.add(e.name)
        if _names_a_secret(e.name):
            refuse(f"env var {e.name} holds a secret: read it from Secret Manager (secrets)")
    for s in w.secrets:
        if s.name in names:
            refuse(f"env var {s.name} is set twice")
        names.add(s.name)
        if not s.version:
            refuse(f"secret env var {s.name} has no version")
    if w.database_user and w.database_user.user_env in names:
        refuse(f"env var {w.database_user.user_env} is set twice")
    volumes: set[str] = set()
    directories: set[str] = set()
    for f in w.secret_files:
        if f.name in volumes:
            refuse(f"secret volume {f.name} is mounted twice")
        volumes.add(f.name)
        directory, file = split_secret_path(f.path)
        if not directory or not file:
            refuse(f"secret file {f.path} is not an absolute file path")
        if directory in directories:
            refuse(f"two secret files in {directory}: one per directory")
        directories.add(directory)
    for role in w.project_roles:
        if _privileged_role(role):
            refuse(f"{role} is a basic, admin or impersonation role")


@dataclass
class WorkloadIdentity:
    email: Output[str]
    member: Output[str]
    database_user: Output[str]
    grants: list[Resource]


def _role_id(role: str) -> str:
    return (role[len("roles/"):] if role.startswith("roles/") else role).replace(".", "-").lower()


def create_workload_identity(name: str, common: CommonConfig, w: CloudRunWorkload, parent: Resource,
                             depends_on: list[Resource]) -> WorkloadIdentity:
    child = child_of(parent, depends_on)
    account = gcp.serviceaccount.Account(
        f"{name}-sa",
        account_id=w.name,
        description=f"Runtime identity of the Cloud Run workload {w.name} ({common.environment})",
        display_name=w.name,
        project=common.gcp_project,
        opts=child,
    )
    identity = WorkloadIdentity(email=account.email, member=account.member, database_user=Output.from_input(""),
                                grants=[])
    roles = list(w.project_roles)
    if w.database_user:
        # IAM database authentication: the login (instanceUser) and the connection (client) permissions.
        roles = ["roles/cloudsql.client", "roles/cloudsql.instanceUser", *roles]
        # ABANDON: Postgres refuses to drop a role that holds grants; the user goes with the instance.
        user = gcp.sql.User(
            f"{name}-db-user",
            database_roles=w.database_user.database_roles or None,
            deletion_policy="ABANDON",
            instance=w.database_user.instance,
            name=account.email.apply(iam_database_user_name),
            project=common.gcp_project,
            type="CLOUD_IAM_SERVICE_ACCOUNT",
            opts=child,
        )
        identity.database_user = user.name
        identity.grants.append(user)
    for role in roles:
        identity.grants.append(gcp.projects.IAMMember(
            f"{name}-{_role_id(role)}", member=account.member, project=common.gcp_project, role=role, opts=child))

    def grant_access(grant_id: str, secret: Input[str]):
        identity.grants.append(gcp.secretmanager.SecretIamMember(
            f"{name}-{grant_id}-access",
            member=account.member,
            project=common.gcp_project,
            role="roles/secretmanager.secretAccessor",
            secret_id=secret,
            opts=child,
        ))

    for s in w.secrets:
        grant_access(kebab(s.name), s.secret)
    for f in w.secret_files:
        grant_access(f.name, f.secret)
    return identity


def container_env(w: CloudRunWorkload, identity: WorkloadIdentity, env_args, value_source_args, secret_ref_args):
    """The container env: plain values, the database user's name, then Secret Manager references."""
    env = [env_args(name=e.name, value=e.value) for e in w.env]
    if w.database_user:
        env.append(env_args(name=w.database_user.user_env, value=identity.database_user))
    for s in w.secrets:
        env.append(env_args(name=s.name, value_source=value_source_args(
            secret_key_ref=secret_ref_args(secret=s.secret, version=s.version))))
    return env


def secret_volumes(files: list[SecretFile], volume_args, secret_args, item_args, mount_args):
    if not files:
        return None, None
    volumes, mounts = [], []
    for f in files:
        directory, file = split_secret_path(f.path)
        volumes.append(volume_args(name=f.name, secret=secret_args(
            items=[item_args(path=file, version=f.version)], secret=f.secret)))
        mounts.append(mount_args(mount_path=directory, name=f.name))
    return volumes, mounts


def _is_public_member(member: str) -> bool:
    return member in ("allUsers", "allAuthenticatedUsers")


# --- the service and the worker pool --------------------------------------------------------------------------


@dataclass
class CloudRunServiceArgs:
    common: CommonConfig
    labels: dict[str, str]
    workload: CloudRunWorkload
    sizing: ServiceSizing = field(default_factory=ServiceSizing)
    ingress: str = INGRESS_INTERNAL_ONLY
    public_access: bool = False
    invokers: list[Invoker] = field(default_factory=list)
    container_port: int = 8080
    health_path: str = "/healthz"


class CloudRunService(ComponentResource):
    def __init__(self, name: str, args: CloudRunServiceArgs, opts: Optional[ResourceOptions] = None):
        super().__init__("apex:services:CloudRunService", name, None, opts)
        w = args.workload
        self._validate(args)
        self._name = name
        self._common = args.common
        self._depends_on = list((opts.depends_on if opts and opts.depends_on else []))
        identity = create_workload_identity(name, args.common, w, self, self._depends_on)
        volumes, mounts = secret_volumes(w.secret_files, run.ServiceTemplateVolumeArgs,
                                         run.ServiceTemplateVolumeSecretArgs, run.ServiceTemplateVolumeSecretItemArgs,
                                         run.ServiceTemplateContainerVolumeMountArgs)
        container = run.ServiceTemplateContainerArgs(
            envs=container_env(w, identity, run.ServiceTemplateContainerEnvArgs,
                               run.ServiceTemplateContainerEnvValueSourceArgs,
                               run.ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs),
            image=w.image,
            liveness_probe=run.ServiceTemplateContainerLivenessProbeArgs(
                failure_threshold=3,
                http_get=run.ServiceTemplateContainerLivenessProbeHttpGetArgs(path=args.health_path),
                period_seconds=30,
                timeout_seconds=5,
            ),
            name="app",
            ports=run.ServiceTemplateContainerPortsArgs(container_port=args.container_port, name="http1"),
            resources=run.ServiceTemplateContainerResourcesArgs(
                cpu_idle=True, limits={"cpu": args.sizing.cpu, "memory": args.sizing.memory}, startup_cpu_boost=True),
            startup_probe=run.ServiceTemplateContainerStartupProbeArgs(
                failure_threshold=24,
                http_get=run.ServiceTemplateContainerStartupProbeHttpGetArgs(path=args.health_path),
                period_seconds=5,
                timeout_seconds=3,
            ),
            volume_mounts=mounts,
        )
        vpc_access = None
        if w.vpc_egress:
            vpc_access = run.ServiceTemplateVpcAccessArgs(
                egress=w.vpc_egress.egress,
                network_interfaces=[run.ServiceTemplateVpcAccessNetworkInterfaceArgs(
                    network=w.vpc_egress.network, subnetwork=w.vpc_egress.subnetwork)])
        service = run.Service(
            f"{name}-service",
            deletion_protection=w.deletion_protection,
            description=f"Apex {name} ({args.common.environment})",
            ingress=args.ingress,
            labels=args.labels,
            location=args.common.region,
            name=w.name,
            project=args.common.gcp_project,
            template=run.ServiceTemplateArgs(
                containers=[container],
                execution_environment="EXECUTION_ENVIRONMENT_GEN2",
                max_instance_request_concurrency=args.sizing.concurrency,
                scaling=run.ServiceTemplateScalingArgs(max_instance_count=args.sizing.max_instances,
                                                       min_instance_count=args.sizing.min_instances),
                service_account=identity.email,
                timeout=f"{args.sizing.timeout_seconds}s",
                volumes=volumes,
                vpc_access=vpc_access,
            ),
            # A revision that cannot read its secrets or log in to Cloud SQL fails to start: grant first.
            opts=child_of(self, self._depends_on, identity.grants),
        )
        self.uri = service.uri
        self.service_name = service.name
        self.service_account_email = identity.email
        self.service_account_member = identity.member
        self.database_user = identity.database_user
        if args.public_access:
            self._add_invoker("public", "allUsers")
        for i in args.invokers:
            self.grant_invoker(i)
        self.register_outputs({"uri": self.uri, "name": self.service_name,
                               "serviceAccountEmail": self.service_account_email})

    @staticmethod
    def _validate(args: CloudRunServiceArgs) -> None:
        validate_workload(args.workload)

        def refuse(problem: str):
            raise ValueError(f"Cloud Run service '{args.workload.name}': {problem}")

        if args.ingress not in (INGRESS_ALL, INGRESS_INTERNAL_ONLY, INGRESS_INTERNAL_LOAD_BALANCER):
            refuse(f"unknown ingress {args.ingress}")
        if args.public_access and args.ingress == INGRESS_INTERNAL_ONLY:
            refuse(f"public access needs ingress {INGRESS_ALL} or {INGRESS_INTERNAL_LOAD_BALANCER}")
        problem = cpu_memory_problem(args.sizing.cpu, args.sizing.memory)
        if problem:
            refuse(problem)
        if args.sizing.min_instances > args.sizing.max_instances:
            refuse("min instances above max instances")
        if not args.health_path.startswith("/"):
            refuse("the health path must start with /")

    def grant_invoker(self, invoker: Invoker) -> None:
        def check(member: str) -> str:
            if _is_public_member(member):
                raise ValueError(f"Cloud Run service '{self._name}': {member} may not invoke it")
            return member

        self._add_invoker(invoker.id, Output.from_input(invoker.member).apply(check))

    def _add_invoker(self, invoker_id: str, member: Input[str]) -> None:
        run.ServiceIamMember(
            f"{self._name}-invoker-{invoker_id}",
            location=self._common.region,
            member=member,
            name=self.service_name,
            project=self._common.gcp_project,
            role="roles/run.invoker",
            opts=child_of(self, self._depends_on),
        )


@dataclass
class CloudRunWorkerPoolArgs:
    common: CommonConfig
    labels: dict[str, str]
    workload: CloudRunWorkload
    sizing: WorkerPoolSizing = field(default_factory=WorkerPoolSizing)


class CloudRunWorkerPool(ComponentResource):
    def __init__(self, name: str, args: CloudRunWorkerPoolArgs, opts: Optional[ResourceOptions] = None):
        super().__init__("apex:services:CloudRunWorkerPool", name, None, opts)
        w = args.workload
        validate_workload(w)
        problem = cpu_memory_problem(args.sizing.cpu, args.sizing.memory)
        if problem:
            raise ValueError(f"Cloud Run worker pool '{w.name}': {problem}")
        depends_on = list((opts.depends_on if opts and opts.depends_on else []))
        identity = create_workload_identity(name, args.common, w, self, depends_on)
        volumes, mounts = secret_volumes(w.secret_files, run.WorkerPoolTemplateVolumeArgs,
                                         run.WorkerPoolTemplateVolumeSecretArgs,
                                         run.WorkerPoolTemplateVolumeSecretItemArgs,
                                         run.WorkerPoolTemplateContainerVolumeMountArgs)
        vpc_access = None
        if w.vpc_egress:
            vpc_access = run.WorkerPoolTemplateVpcAccessArgs(
                egress=w.vpc_egress.egress,
                network_interfaces=[run.WorkerPoolTemplateVpcAccessNetworkInterfaceArgs(
                    network=w.vpc_egress.network, subnetwork=w.vpc_egress.subnetwork)])
        pool = run.WorkerPool(
            f"{name}-worker-pool",
            deletion_protection=w.deletion_protection,
            description=f"Apex {name} ({args.common.environment}): pull-based workers, no HTTP ingress",
            labels=args.labels,
            # Worker pools are a preview feature of Cloud Run in this provider version.
            launch_stage="BETA",
            location=args.common.region,
            name=w.name,
            project=args.common.gcp_project,
            scaling=run.WorkerPoolScalingArgs(manual_instance_count=args.sizing.instances, scaling_mode="MANUAL"),
            template=run.WorkerPoolTemplateArgs(
                containers=[run.WorkerPoolTemplateContainerArgs(
                    envs=container_env(w, identity, run.WorkerPoolTemplateContainerEnvArgs,
                                       run.WorkerPoolTemplateContainerEnvValueSourceArgs,
                                       run.WorkerPoolTemplateContainerEnvValueSourceSecretKeyRefArgs),
                    image=w.image,
                    name="worker",
                    resources=run.WorkerPoolTemplateContainerResourcesArgs(
                        limits={"cpu": args.sizing.cpu, "memory": args.sizing.memory}),
                    volume_mounts=mounts,
                )],
                service_account=identity.email,
                volumes=volumes,
                vpc_access=vpc_access,
            ),
            opts=child_of(self, depends_on, identity.grants),
        )
        self.worker_pool_name = pool.name
        self.service_account_email = identity.email
        self.service_account_member = identity.member
        self.database_user = identity.database_user
        self.register_outputs({"name": self.worker_pool_name, "serviceAccountEmail": self.service_account_email})
