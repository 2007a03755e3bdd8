"""apex-databases in Python: the peer of infra/apex-databases/program.cc."""
import pulumi

from apex import stack_outputs as outputs
from apex.config import load_common_config, referenced_stack
from apex.database_cluster import APIS, DatabaseCluster, DatabaseNetwork
from apex.database_cluster_config import load_database_cluster_args
from apex.project_apis import enable_apis

common = load_common_config()
args = load_database_cluster_args(common)

network_stack = pulumi.StackReference("network", stack_name=referenced_stack(common, "apex-network"))
network = DatabaseNetwork(
    network_id=network_stack.require_output(outputs.NETWORK_ID),
    subnet_self_link=network_stack.require_output(outputs.SUBNET_SELF_LINK),
    psa_range_name=network_stack.require_output(outputs.PSA_RANGE_NAME),
    private_service_connection=network_stack.require_output(outputs.PRIVATE_SERVICE_CONNECTION),
)

cluster = DatabaseCluster("apex-db", args, network, enable_apis(common, APIS))
pulumi.export(outputs.POSTGRES_CONNECTION_NAME, cluster.postgres_connection_name)
pulumi.export(outputs.POSTGRES_PRIVATE_IP, cluster.postgres_private_ip)
pulumi.export(outputs.POSTGRES_INSTANCE_NAME, cluster.postgres_instance_name)
pulumi.export(outputs.DATABASE_NAME, cluster.database_name)
pulumi.export(outputs.POSTGRES_CA_SECRET_ID, cluster.postgres_ca_secret_id)
pulumi.export(outputs.REDIS_HOST, cluster.redis_host)
pulumi.export(outputs.REDIS_PORT, cluster.redis_port)
pulumi.export(outputs.REDIS_INSTANCE_ID, cluster.redis_instance_id)
pulumi.export(outputs.REDIS_AUTH_SECRET_ID, cluster.redis_auth_secret_id)
pulumi.export(outputs.REDIS_CA_SECRET_ID, cluster.redis_ca_secret_id)
pulumi.export(outputs.NEO4J_INTERNAL_IP, cluster.neo4j_internal_ip)
pulumi.export(outputs.NEO4J_PASSWORD_SECRET_ID, cluster.neo4j_password_secret_id)
pulumi.export(outputs.NEO4J_INSTANCE_ID, cluster.neo4j_instance_id)
pulumi.export(outputs.NEO4J_INSTANCE_NAME, cluster.neo4j_instance_name)
pulumi.export(outputs.QDRANT_URL, cluster.qdrant_url)
pulumi.export(outputs.QDRANT_API_KEY_SECRET_ID, cluster.qdrant_api_key_secret_id)
pulumi.export(outputs.QDRANT_INSTANCE_ID, cluster.qdrant_instance_id)
pulumi.export(outputs.QDRANT_INSTANCE_NAME, cluster.qdrant_instance_name)
