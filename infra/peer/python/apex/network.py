"""Network: the VPC of the Apex system (mirrors infra/lib/src/network.cc): a custom-mode VPC, one subnet
with Private Google Access and flow logs, Cloud Router + NAT, internal-only firewall rules, and the private
service access range with its servicenetworking connection."""
from dataclasses import dataclass, field
from typing import Optional

import pulumi
import pulumi_gcp as gcp
from pulumi import ComponentResource, ResourceOptions

from .config import CONFIG_NAMESPACE, CommonConfig, get_bool, get_int_in_range, invalid_config
from .labels import standard_labels


@dataclass
class NetworkArgs:
    common: CommonConfig
    subnet_cidr: str
    labels: dict[str, str] = field(default_factory=dict)
    psa_prefix_length: int = 16
    flow_log_sampling: float = 0.5
    nat_log_all: bool = False


def load_network_args(common: CommonConfig) -> NetworkArgs:
    apex = pulumi.Config(CONFIG_NAMESPACE)
    args = NetworkArgs(common=common, subnet_cidr=apex.require("subnetCidr"), labels=standard_labels(common))
    if "/" not in args.subnet_cidr:
        invalid_config("subnetCidr", f"'{args.subnet_cidr}' is not a CIDR range")
    args.psa_prefix_length = get_int_in_range("psaPrefixLength", 16, 8, 24)
    sampling = apex.get_float("flowLogSampling")
    args.flow_log_sampling = 0.5 if sampling is None else sampling
    if args.flow_log_sampling <= 0 or args.flow_log_sampling > 1:
        invalid_config("flowLogSampling", "must be in (0, 1]")
    args.nat_log_all = get_bool("natLogAll", False)
    return args


class Network(ComponentResource):
    def __init__(self, name: str, args: NetworkArgs, opts: Optional[ResourceOptions] = None):
        super().__init__("apex:network:Network", name, None, opts)
        child_opts = ResourceOptions(parent=self)
        region = args.common.region

        self.vpc = gcp.compute.Network(
            f"{name}-vpc",
            auto_create_subnetworks=False,
            description=f"Apex Memory System VPC ({args.common.environment})",
            name=f"{name}-vpc",
            routing_mode="REGIONAL",
            opts=child_opts,
        )
        self.subnet = gcp.compute.Subnetwork(
            f"{name}-subnet",
            ip_cidr_range=args.subnet_cidr,
            log_config=gcp.compute.SubnetworkLogConfigArgs(
                aggregation_interval="INTERVAL_5_SEC",
                flow_sampling=args.flow_log_sampling,
                metadata="INCLUDE_ALL_METADATA",
            ),
            name=f"{name}-subnet-{region}",
            network=self.vpc.id,
            private_ip_google_access=True,
            region=region,
            opts=child_opts,
        )
        self.router = gcp.compute.Router(
            f"{name}-router", name=f"{name}-router", network=self.vpc.id, region=region, opts=child_opts
        )
        self.nat = gcp.compute.RouterNat(
            f"{name}-nat",
            log_config=gcp.compute.RouterNatLogConfigArgs(
                enable=True, filter="ALL" if args.nat_log_all else "ERRORS_ONLY"
            ),
            name=f"{name}-nat",
            nat_ip_allocate_option="AUTO_ONLY",
            region=region,
            router=self.router.name,
            source_subnetwork_ip_ranges_to_nat="ALL_SUBNETWORKS_ALL_IP_RANGES",
            opts=child_opts,
        )

        # Ingress only from inside the VPC and IAP; nothing from 0.0.0.0/0. No rule for health checkers: nothing
        # is health-checked.
        firewall_log = gcp.compute.FirewallLogConfigArgs(metadata="INCLUDE_ALL_METADATA")
        self.allow_internal = gcp.compute.Firewall(
            f"{name}-allow-internal",
            allows=[gcp.compute.FirewallAllowArgs(protocol=p) for p in ("tcp", "udp", "icmp")],
            direction="INGRESS",
            log_config=firewall_log,
            name=f"{name}-allow-internal",
            network=self.vpc.id,
            priority=1000,
            source_ranges=[args.subnet_cidr],
            opts=child_opts,
        )
        self.allow_iap_ssh = gcp.compute.Firewall(
            f"{name}-allow-iap-ssh",
            allows=[gcp.compute.FirewallAllowArgs(ports=["22"], protocol="tcp")],
            direction="INGRESS",
            log_config=firewall_log,
            name=f"{name}-allow-iap-ssh",
            network=self.vpc.id,
            source_ranges=["35.235.240.0/20"],
            opts=child_opts,
        )

        # Private service access: a reserved range peered with Google's services network.
        self.psa_range = gcp.compute.GlobalAddress(
            f"{name}-psa-range",
            address_type="INTERNAL",
            labels=args.labels,
            name=f"{name}-psa-range",
            network=self.vpc.id,
            prefix_length=args.psa_prefix_length,
            purpose="VPC_PEERING",
            opts=child_opts,
        )
        self.psa_connection = gcp.servicenetworking.Connection(
            f"{name}-psa-connection",
            deletion_policy="ABANDON",
            network=self.vpc.id,
            reserved_peering_ranges=[self.psa_range.name],
            service="servicenetworking.googleapis.com",
            opts=child_opts,
        )

        self.register_outputs(
            {
                "networkId": self.vpc.id,
                "networkSelfLink": self.vpc.self_link,
                "subnetId": self.subnet.id,
                "routerName": self.router.name,
                "natName": self.nat.name,
                "psaRangeName": self.psa_range.name,
            }
        )
