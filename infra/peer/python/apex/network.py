"""Network: the VPC of the Apex system (mirrors infra/lib/src/network*.cc): a custom-mode VPC, one subnet
with Private Google Access and flow logs, Cloud Router + NAT, firewall rules opening the data VMs' ports to the
subnet and SSH through IAP, the private service access range with its servicenetworking connection, and the
Artifact Registry repository of the images; and the refusal of a project with the `default` network."""
from dataclasses import dataclass, field
from typing import Optional

import pulumi
import pulumi_gcp as gcp
from pulumi import ComponentResource, ResourceOptions

from .config import CONFIG_NAMESPACE, CommonConfig, get_bool, get_int_in_range, invalid_config
from .labels import standard_labels


NETWORK_APIS = ["compute.googleapis.com", "servicenetworking.googleapis.com", "artifactregistry.googleapis.com"]


def default_network_refusal(project: str) -> str:
    return (f"project {project} still has the auto-created 'default' network, which policy row 24 forbids (its "
            "firewall rules admit SSH, RDP and ICMP from anywhere). Delete it, then run again: gcloud compute "
            f"networks delete default --project {project}")


def project_without_default_network(common: CommonConfig, apis: list[pulumi.Resource]) -> pulumi.Output[str]:
    """The project once listed (after the APIs are enabled) without a `default` network; fails the run if not."""
    project = pulumi.Output.all(*[api.id for api in apis]).apply(lambda _: common.gcp_project)

    def check(result) -> str:
        if "default" in (result.networks or []):
            raise pulumi.RunError(default_network_refusal(common.gcp_project))
        return common.gcp_project

    # Joined with `project` so that the result keeps the APIs as its dependencies while they are unknown (a
    # preview drops an unsent invoke's), as the C++ SDK does.
    return pulumi.Output.all(project, gcp.compute.get_networks_output(project=project)).apply(lambda r: check(r[1]))


@dataclass
class ImageRepositoryArgs:
    keep_count: int = 10
    untagged_retention_days: int = 7
    immutable_tags: bool = False


@dataclass
class NetworkArgs:
    common: CommonConfig
    subnet_cidr: str
    project: pulumi.Input[str] = ""
    images: ImageRepositoryArgs = field(default_factory=ImageRepositoryArgs)
    labels: dict[str, str] = field(default_factory=dict)
    psa_prefix_length: int = 16
    flow_log_sampling: float = 0.5
    nat_log_all: bool = False


def load_network_args(common: CommonConfig, project: pulumi.Input[str]) -> NetworkArgs:
    apex = pulumi.Config(CONFIG_NAMESPACE)
    args = NetworkArgs(common=common, subnet_cidr=apex.require("subnetCidr"), project=project,
                       labels=standard_labels(common))
    args.images.keep_count = get_int_in_range("imageKeepCount", 10, 1, 100)
    args.images.untagged_retention_days = get_int_in_range("untaggedImageRetentionDays", 7, 1, 365)
    args.images.immutable_tags = common.is_prod
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
        child_opts = ResourceOptions(parent=self, depends_on=opts.depends_on if opts else None)
        region = args.common.region

        self.vpc = gcp.compute.Network(
            f"{name}-vpc",
            auto_create_subnetworks=False,
            description=f"Apex Memory System VPC ({args.common.environment})",
            name=f"{name}-vpc",
            project=args.project,
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

        # Each rule opens what a data VM serves, to the subnet only, and SSH through IAP; nothing from 0.0.0.0/0.
        def allow(rule: str, ports: list[str], sources: list[str], tags: list[str]) -> gcp.compute.Firewall:
            return gcp.compute.Firewall(
                f"{name}-allow-{rule}",
                allows=[gcp.compute.FirewallAllowArgs(ports=ports, protocol="tcp")],
                direction="INGRESS",
                log_config=gcp.compute.FirewallLogConfigArgs(metadata="INCLUDE_ALL_METADATA"),
                name=f"{name}-allow-{rule}",
                network=self.vpc.id,
                priority=1000,
                source_ranges=sources,
                target_tags=tags,
                opts=child_opts,
            )

        self.allow_neo4j = allow("neo4j", ["7474", "7687"], [args.subnet_cidr], ["neo4j"])
        self.allow_qdrant = allow("qdrant", ["6333", "6334"], [args.subnet_cidr], ["qdrant"])
        self.allow_iap_ssh = allow("iap-ssh", ["22"], ["35.235.240.0/20"], ["neo4j", "qdrant"])

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

        self.images = gcp.artifactregistry.Repository(
            f"{name}-images",
            cleanup_policies=[
                gcp.artifactregistry.RepositoryCleanupPolicyArgs(
                    action="KEEP",
                    id="keep-most-recent",
                    most_recent_versions=gcp.artifactregistry.RepositoryCleanupPolicyMostRecentVersionsArgs(
                        keep_count=args.images.keep_count
                    ),
                ),
                gcp.artifactregistry.RepositoryCleanupPolicyArgs(
                    action="DELETE",
                    condition=gcp.artifactregistry.RepositoryCleanupPolicyConditionArgs(
                        older_than=f"{args.images.untagged_retention_days * 86400}s", tag_state="UNTAGGED"
                    ),
                    id="delete-untagged",
                ),
            ],
            cleanup_policy_dry_run=False,
            description=f"Apex Memory System container images ({args.common.environment})",
            docker_config=gcp.artifactregistry.RepositoryDockerConfigArgs(immutable_tags=args.images.immutable_tags),
            format="DOCKER",
            labels=args.labels,
            location=region,
            project=args.project,
            repository_id=name,
            opts=child_opts,
        )

        self.register_outputs(
            {
                "imageRegistry": self.images.registry_uri,
                "networkId": self.vpc.id,
                "networkSelfLink": self.vpc.self_link,
                "subnetId": self.subnet.id,
                "routerName": self.router.name,
                "natName": self.nat.name,
                "psaRangeName": self.psa_range.name,
            }
        )
