"""apex-services in Python: the peer of infra/apex-services/program.cc and infra/lib/src/service_tier*.cc."""
import re

import pulumi

from apex import stack_outputs as outputs
from apex.cloud_run_service import (EGRESS_ALL_TRAFFIC, EGRESS_PRIVATE_RANGES_ONLY, INGRESS_ALL,
                                    INGRESS_INTERNAL_LOAD_BALANCER, INGRESS_INTERNAL_ONLY, CloudRunService,
                                    CloudRunServiceArgs, CloudRunWorkerPool, CloudRunWorkerPoolArgs, CloudRunWorkload,
                                    CloudSqlIamUser, EnvVar, Invoker, SecretEnvVar, SecretFile, VpcEgress,
                                    load_service_sizing, load_worker_pool_sizing)
from apex.cloud_run_service_edge import PublicEdge, PublicEdgeArgs
from apex.cloud_run_service_migration import DatabaseMigrationArgs, DatabaseMigrationJob
from apex.config import invalid_config, load_common_config, referenced_stack, require_one_of
from apex.labels import standard_labels, with_component
from apex.project_apis import enable_apis

POSTGRES_CA_PATH = "/secrets/postgres-ca/server-ca.pem"
REDIS_CA_PATH = "/secrets/redis-ca/server-ca.pem"

apex = pulumi.Config("apex")


def text(ref: pulumi.StackReference, key: str) -> pulumi.Output[str]:
    """A stack output as env text: a port may arrive as a number."""
    def show(v):
        if isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer():
            return str(int(v))
        return v if isinstance(v, str) else str(v)
    return ref.require_output(key).apply(show)


def image_suffix(prefix: str) -> str:
    key = f"{prefix}ImageTag"
    tag = apex.require(key)
    if tag.startswith("sha256:"):
        return "@" + tag
    if not tag or len(tag) > 128 or not re.fullmatch(r"[A-Za-z0-9_.-]+", tag):
        invalid_config(key, f"'{tag}' is not an image tag or a sha256: digest")
    return ":" + tag


def require_pinned_image(key: str) -> str:
    image = apex.require(key)

    def refuse():
        invalid_config(key, f"'{image}' is not pinned: use a <major>.<minor> tag or an @sha256: digest")

    if "@sha256:" in image:
        if not re.fullmatch(r"[0-9a-fA-F]{64}", image.split("@sha256:", 1)[1]):
            refuse()
        return image
    colon = image.rfind(":")
    if colon < 0 or colon < image.rfind("/") + 1:
        refuse()
    if not re.match(r"\d+\.\d+", image[colon + 1:]):
        refuse()
    return image


def feature_flag(key: str, fallback: bool) -> str:
    value = apex.get(key)
    if value is None:
        return "true" if fallback else "false"
    if value not in ("true", "false"):
        invalid_config(key, f"'{value}' is not \"true\" or \"false\"")
    return value


def load_edge() -> tuple[bool, str]:
    load_balancer = require_one_of("publicEdge", ["loadBalancer", "runApp"]) == "loadBalancer"
    domain = apex.get("publicDomain") or ""
    if not load_balancer:
        return False, domain
    if not domain:
        invalid_config("publicDomain", "is required with apex:publicEdge loadBalancer")
    if "." not in domain or domain[0] == "." or domain[-1] == "." or not re.fullmatch(r"[a-z0-9.-]+", domain):
        invalid_config("publicDomain", f"'{domain}' is not a lowercase domain name")
    return True, domain


common = load_common_config()
# Everything from config first, so that a bad stack file fails before anything is registered.
deletion_protection = apex.require_bool("deletionProtection")
log_level = require_one_of("logLevel", ["debug", "info", "warning", "error"])
gateway_sizing = load_service_sizing("apiGateway")
ingestion_sizing = load_service_sizing("ingestionWorker")
router_sizing = load_service_sizing("queryRouter")
temporal_sizing = load_worker_pool_sizing("temporalWorker")
temporal_address = apex.require("temporalAddress")
temporal_namespace = apex.require("temporalNamespace")
temporal_task_queue = apex.require("temporalTaskQueue")
temporal_api_key_secret = apex.get("temporalApiKeySecret")
if ":" not in temporal_address:
    invalid_config("temporalAddress", f"'{temporal_address}' is not host:port")
gateway_tag = image_suffix("apiGateway")
ingestion_tag = image_suffix("ingestionWorker")
router_tag = image_suffix("queryRouter")
temporal_tag = image_suffix("temporalWorker")
migration_image = require_pinned_image("migrationImage")
load_balancer, domain = load_edge()
# The application's feature flags, on unless a stack turns them off.
flags = [EnvVar("ENABLE_QDRANT", feature_flag("enableQdrant", True)),
         EnvVar("ENABLE_GRAPHITI", feature_flag("enableGraphiti", True)),
         EnvVar("ENABLE_TEMPORAL", feature_flag("enableTemporal", True))]

apis = enable_apis(common, ["run.googleapis.com", "iam.googleapis.com", "cloudresourcemanager.googleapis.com",
                            "secretmanager.googleapis.com", "sqladmin.googleapis.com"]
                   + (["compute.googleapis.com"] if load_balancer else []))
after_apis = pulumi.ResourceOptions(depends_on=apis)
network = pulumi.StackReference("network", stack_name=referenced_stack(common, "apex-network"))
databases = pulumi.StackReference("databases", stack_name=referenced_stack(common, "apex-databases"))
postgres_private_ip = text(databases, outputs.POSTGRES_PRIVATE_IP)
postgres_instance = text(databases, outputs.POSTGRES_INSTANCE_NAME)
database_name = text(databases, outputs.DATABASE_NAME)
postgres_ca_secret = text(databases, outputs.POSTGRES_CA_SECRET_ID)
redis_host = text(databases, outputs.REDIS_HOST)
redis_port = text(databases, outputs.REDIS_PORT)
redis_auth_secret = text(databases, outputs.REDIS_AUTH_SECRET_ID)
redis_ca_secret = text(databases, outputs.REDIS_CA_SECRET_ID)
neo4j_ip = text(databases, outputs.NEO4J_INTERNAL_IP)
neo4j_password_secret = text(databases, outputs.NEO4J_PASSWORD_SECRET_ID)
qdrant_url = text(databases, outputs.QDRANT_URL)
qdrant_api_key_secret = text(databases, outputs.QDRANT_API_KEY_SECRET_ID)
network_id = network.require_output(outputs.NETWORK_ID)
subnet_id = network.require_output(outputs.SUBNET_ID)
# The images are pushed to apex-network's Artifact Registry repository before this stack deploys.
registry = network.require_output(outputs.IMAGE_REGISTRY)


def image(name: str, suffix: str) -> pulumi.Output[str]:
    return registry.apply(lambda r: f"{r}/{name}{suffix}")


# The data tier is all at private addresses (Cloud SQL, Memorystore, the Neo4j and Qdrant VMs).
data_tier_egress = VpcEgress(network=network_id, subnetwork=subnet_id, egress=EGRESS_PRIVATE_RANGES_ONLY)
database_user = CloudSqlIamUser(instance=postgres_instance)
labels = standard_labels(common)
base_env = [EnvVar("APEX_ENVIRONMENT", common.environment), EnvVar("GOOGLE_CLOUD_PROJECT", common.gcp_project),
            EnvVar("LOG_LEVEL", log_level), *flags]
# Redis over TLS (SERVER_AUTHENTICATION), verified with the mounted CA; its AUTH string is a secret.
redis_env = [EnvVar("REDIS_HOST", redis_host), EnvVar("REDIS_PORT", redis_port), EnvVar("REDIS_TLS", "true"),
             EnvVar("REDIS_CA_CERT", REDIS_CA_PATH)]
data_env = [*base_env,
            EnvVar("POSTGRES_HOST", postgres_private_ip),
            EnvVar("POSTGRES_PORT", "5432"),
            EnvVar("POSTGRES_DB", database_name),
            EnvVar("POSTGRES_SSLMODE", "verify-ca"),
            EnvVar("PGSSLROOTCERT", POSTGRES_CA_PATH),
            *redis_env,
            EnvVar("NEO4J_URI", pulumi.Output.format("bolt://{0}:7687", neo4j_ip)),
            EnvVar("QDRANT_URL", qdrant_url)]


def data_tier_secrets() -> list[SecretEnvVar]:
    return [SecretEnvVar("REDIS_AUTH", redis_auth_secret), SecretEnvVar("NEO4J_PASSWORD", neo4j_password_secret),
            SecretEnvVar("QDRANT_API_KEY", qdrant_api_key_secret)]


def postgres_ca() -> SecretFile:
    return SecretFile(name="postgres-ca", secret=postgres_ca_secret, path=POSTGRES_CA_PATH)


def redis_ca() -> SecretFile:
    return SecretFile(name="redis-ca", secret=redis_ca_secret, path=REDIS_CA_PATH)


def data_workload(name: str, image_name: str, tag: str) -> CloudRunWorkload:
    return CloudRunWorkload(name=name, image=image(image_name, tag), env=list(data_env), secrets=data_tier_secrets(),
                            secret_files=[postgres_ca(), redis_ca()], database_user=database_user,
                            vpc_egress=data_tier_egress, deletion_protection=deletion_protection)


ingestion = CloudRunService("ingestion-worker", CloudRunServiceArgs(
    common=common, labels=with_component(labels, "ingestion-worker"),
    workload=data_workload("apex-ingestion-worker", "ingestion-worker", ingestion_tag),
    sizing=ingestion_sizing, ingress=INGRESS_INTERNAL_ONLY), after_apis)
router = CloudRunService("query-router", CloudRunServiceArgs(
    common=common, labels=with_component(labels, "query-router"),
    workload=data_workload("apex-query-router", "query-router", router_tag),
    sizing=router_sizing, ingress=INGRESS_INTERNAL_ONLY), after_apis)

# The gateway calls the INTERNAL_ONLY services through the VPC; behind the load balancer its run.app URL is
# closed, and allUsers still invokes, as the load balancer sends no identity.
gateway = CloudRunService("api-gateway", CloudRunServiceArgs(
    common=common, labels=with_component(labels, "api-gateway"),
    workload=CloudRunWorkload(
        name="apex-api-gateway",
        image=image("api-gateway", gateway_tag),
        env=[*base_env, EnvVar("QUERY_ROUTER_URL", router.uri), EnvVar("INGESTION_WORKER_URL", ingestion.uri),
             *redis_env],
        secrets=[SecretEnvVar("REDIS_AUTH", redis_auth_secret)],
        secret_files=[redis_ca()],
        vpc_egress=VpcEgress(network=network_id, subnetwork=subnet_id, egress=EGRESS_ALL_TRAFFIC),
        deletion_protection=deletion_protection),
    sizing=gateway_sizing,
    ingress=INGRESS_INTERNAL_LOAD_BALANCER if load_balancer else INGRESS_ALL,
    public_access=True), after_apis)

ingestion.grant_invoker(Invoker("api-gateway", gateway.service_account_member))
router.grant_invoker(Invoker("api-gateway", gateway.service_account_member))
temporal_secrets = data_tier_secrets()
if temporal_api_key_secret:
    temporal_secrets.append(SecretEnvVar("TEMPORAL_API_KEY", temporal_api_key_secret))
# Deployed whatever apex:enableTemporal says (see infra/lib/src/service_tier.cc).
temporal_workload = data_workload("apex-temporal-worker", "temporal-worker", temporal_tag)
temporal_workload.env += [EnvVar("TEMPORAL_ADDRESS", temporal_address), EnvVar("TEMPORAL_NAMESPACE", temporal_namespace),
                          EnvVar("TEMPORAL_TASK_QUEUE", temporal_task_queue)]
temporal_workload.secrets = temporal_secrets
temporal_worker = CloudRunWorkerPool("temporal-worker", CloudRunWorkerPoolArgs(
    common=common, labels=with_component(labels, "temporal-worker"), workload=temporal_workload,
    sizing=temporal_sizing), after_apis)

# Run after every `pulumi up`: gcloud run jobs execute apex-db-migrate --wait --region <gcp:region>
migration = DatabaseMigrationJob("db-migrate", DatabaseMigrationArgs(
    common=common, labels=with_component(labels, "db-migrate"), image=migration_image, instance=postgres_instance,
    host=postgres_private_ip, database="vectors", server_ca=postgres_ca(), vpc_egress=data_tier_egress,
    grantees=[ingestion.database_user, router.database_user, temporal_worker.database_user],
    deletion_protection=deletion_protection), after_apis)

pulumi.export(outputs.API_GATEWAY_URI, gateway.uri)
pulumi.export(outputs.API_GATEWAY_NAME, gateway.service_name)
pulumi.export(outputs.INGESTION_WORKER_NAME, ingestion.service_name)
pulumi.export(outputs.QUERY_ROUTER_NAME, router.service_name)
pulumi.export(outputs.TEMPORAL_WORKER_NAME, temporal_worker.worker_pool_name)
pulumi.export(outputs.MIGRATION_JOB_NAME, migration.job_name)
if load_balancer:
    edge = PublicEdge("public-edge", PublicEdgeArgs(common=common, labels=with_component(labels, "public-edge"),
                                                    domain=domain, service_name=gateway.service_name), after_apis)
    pulumi.export(outputs.PUBLIC_URL, edge.url)
    pulumi.export(outputs.PUBLIC_IP_ADDRESS, edge.ip_address)
else:
    pulumi.export(outputs.PUBLIC_URL, gateway.uri)
