"""apex-network in Python: the peer of infra/apex-network/program.cc."""
import pulumi

from apex import stack_outputs as outputs
from apex.config import load_common_config
from apex.network import NETWORK_APIS, Network, load_network_args, project_without_default_network
from apex.project_apis import enable_apis

common = load_common_config()
apis = enable_apis(common, NETWORK_APIS)
net = Network("apex", load_network_args(common, project_without_default_network(common, apis)),
              pulumi.ResourceOptions(depends_on=apis))

pulumi.export(outputs.NETWORK_ID, net.vpc.id)
pulumi.export(outputs.NETWORK_NAME, net.vpc.name)
pulumi.export(outputs.NETWORK_SELF_LINK, net.vpc.self_link)
pulumi.export(outputs.SUBNET_ID, net.subnet.id)
pulumi.export(outputs.SUBNET_NAME, net.subnet.name)
pulumi.export(outputs.SUBNET_SELF_LINK, net.subnet.self_link)
pulumi.export(outputs.PSA_RANGE_NAME, net.psa_range.name)
pulumi.export(outputs.PRIVATE_SERVICE_CONNECTION, net.psa_connection.id)
pulumi.export(outputs.IMAGE_REGISTRY, net.images.registry_uri)
