"""apex-network in Python: the peer of infra/apex-network/program.cc."""
import pulumi

from apex import stack_outputs as outputs
from apex.config import load_common_config
from apex.network import Network, load_network_args

common = load_common_config()
net = Network("apex", load_network_args(common))

pulumi.export(outputs.NETWORK_ID, net.vpc.id)
pulumi.export(outputs.NETWORK_NAME, net.vpc.name)
pulumi.export(outputs.NETWORK_SELF_LINK, net.vpc.self_link)
pulumi.export(outputs.SUBNET_ID, net.subnet.id)
pulumi.export(outputs.SUBNET_NAME, net.subnet.name)
pulumi.export(outputs.SUBNET_SELF_LINK, net.subnet.self_link)
pulumi.export(outputs.PSA_RANGE_NAME, net.psa_range.name)
pulumi.export(outputs.PRIVATE_SERVICE_CONNECTION, net.psa_connection.id)
