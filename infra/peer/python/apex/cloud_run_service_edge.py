"""PublicEdge: a global external Application Load Balancer in front of one Cloud Run service (serverless NEG,
Cloud Armor, Google-managed certificate, TLS 1.2+, HTTP redirected to HTTPS); mirrors
infra/lib/src/cloud_run_service_edge.cc."""
from dataclasses import dataclass
from typing import Optional

import pulumi_gcp as gcp
from pulumi import ComponentResource, Input, Output, ResourceOptions

from .cloud_run_service import child_of
from .config import CommonConfig

compute = gcp.compute

DEFAULT_RULE_PRIORITY = 2147483647


@dataclass
class PublicEdgeArgs:
    common: CommonConfig
    labels: dict[str, str]
    domain: str
    service_name: Input[str]
    prefix: str = "apex-edge"
    rate_limit_per_minute: int = 600


def _rule(priority: int, action: str, description: str, match, **more) -> compute.SecurityPolicyRuleArgs:
    return compute.SecurityPolicyRuleArgs(action=action, description=description, match=match, priority=priority,
                                          **more)


def _all_sources() -> compute.SecurityPolicyRuleMatchArgs:
    return compute.SecurityPolicyRuleMatchArgs(
        config=compute.SecurityPolicyRuleMatchConfigArgs(src_ip_ranges=["*"]), versioned_expr="SRC_IPS_V1")


def _waf(rule_set: str) -> compute.SecurityPolicyRuleMatchArgs:
    return compute.SecurityPolicyRuleMatchArgs(expr=compute.SecurityPolicyRuleMatchExprArgs(
        expression=f"evaluatePreconfiguredWaf('{rule_set}', {{'sensitivity': 1}})"))


def _armor_rules(rate_limit_per_minute: int) -> list[compute.SecurityPolicyRuleArgs]:
    """OWASP preconfigured WAF rules (SQL injection, cross-site scripting), a per-client-IP throttle, then allow."""
    return [
        _rule(1000, "deny(403)", "OWASP: SQL injection", _waf("sqli-v33-stable")),
        _rule(1001, "deny(403)", "OWASP: cross-site scripting", _waf("xss-v33-stable")),
        _rule(2000, "throttle", f"at most {rate_limit_per_minute} requests a minute per client IP", _all_sources(),
              rate_limit_options=compute.SecurityPolicyRuleRateLimitOptionsArgs(
                  conform_action="allow",
                  enforce_on_key="IP",
                  exceed_action="deny(429)",
                  rate_limit_threshold=compute.SecurityPolicyRuleRateLimitOptionsRateLimitThresholdArgs(
                      count=rate_limit_per_minute, interval_sec=60))),
        _rule(DEFAULT_RULE_PRIORITY, "allow", "default: allow", _all_sources()),
    ]


class PublicEdge(ComponentResource):
    def __init__(self, name: str, args: PublicEdgeArgs, opts: Optional[ResourceOptions] = None):
        super().__init__("apex:services:PublicEdge", name, None, opts)
        if not args.domain:
            raise ValueError(f"public edge '{name}': no domain")
        if args.rate_limit_per_minute < 1:
            raise ValueError(f"public edge '{name}': no rate limit")
        child = child_of(self, list((opts.depends_on if opts and opts.depends_on else [])))
        p = args.prefix
        project = args.common.gcp_project

        neg = compute.RegionNetworkEndpointGroup(
            f"{name}-neg",
            cloud_run=compute.RegionNetworkEndpointGroupCloudRunArgs(service=args.service_name),
            name=f"{p}-neg",
            network_endpoint_type="SERVERLESS",
            project=project,
            region=args.common.region,
            opts=child,
        )
        armor = compute.SecurityPolicy(
            f"{name}-armor",
            # JSON bodies are inspected by the WAF rules too (the API speaks JSON).
            advanced_options_config=compute.SecurityPolicyAdvancedOptionsConfigArgs(json_parsing="STANDARD",
                                                                                    log_level="NORMAL"),
            description=f"Apex public edge ({args.common.environment}): OWASP WAF rules and a per-IP rate limit",
            labels=args.labels,
            name=f"{p}-armor",
            project=project,
            rules=_armor_rules(args.rate_limit_per_minute),
            type="CLOUD_ARMOR",
            opts=child,
        )
        # A serverless NEG backend has no health check, port or timeout: Cloud Run answers for itself.
        backend = compute.BackendService(
            f"{name}-backend",
            backends=[compute.BackendServiceBackendArgs(group=neg.id)],
            load_balancing_scheme="EXTERNAL_MANAGED",
            log_config=compute.BackendServiceLogConfigArgs(enable=True, sample_rate=1.0),
            name=f"{p}-backend",
            project=project,
            protocol="HTTPS",
            security_policy=armor.id,
            opts=child,
        )
        url_map = compute.URLMap(f"{name}-url-map", default_service=backend.id, name=f"{p}-url-map", project=project,
                                 opts=child)
        certificate = compute.ManagedSslCertificate(
            f"{name}-certificate",
            managed=compute.ManagedSslCertificateManagedArgs(domains=[args.domain]),
            name=f"{p}-certificate",
            project=project,
            type="MANAGED",
            opts=child,
        )
        tls = compute.SSLPolicy(f"{name}-tls", min_tls_version="TLS_1_2", name=f"{p}-tls", profile="MODERN",
                                project=project, opts=child)
        https_proxy = compute.TargetHttpsProxy(
            f"{name}-https-proxy",
            name=f"{p}-https-proxy",
            project=project,
            ssl_certificates=[certificate.id],
            ssl_policy=tls.id,
            url_map=url_map.id,
            opts=child,
        )
        address = compute.GlobalAddress(f"{name}-ip", address_type="EXTERNAL", ip_version="IPV4", labels=args.labels,
                                        name=f"{p}-ip", project=project, opts=child)
        compute.GlobalForwardingRule(
            f"{name}-https",
            ip_address=address.id,
            ip_protocol="TCP",
            labels=args.labels,
            load_balancing_scheme="EXTERNAL_MANAGED",
            name=f"{p}-https",
            port_range="443",
            project=project,
            target=https_proxy.id,
            opts=child,
        )
        # Port 80 only redirects to HTTPS.
        redirect = compute.URLMap(
            f"{name}-http-redirect",
            default_url_redirect=compute.URLMapDefaultUrlRedirectArgs(
                https_redirect=True, redirect_response_code="MOVED_PERMANENTLY_DEFAULT", strip_query=False),
            name=f"{p}-http-redirect",
            project=project,
            opts=child,
        )
        http_proxy = compute.TargetHttpProxy(f"{name}-http-proxy", name=f"{p}-http-proxy", project=project,
                                             url_map=redirect.id, opts=child)
        compute.GlobalForwardingRule(
            f"{name}-http",
            ip_address=address.id,
            ip_protocol="TCP",
            labels=args.labels,
            load_balancing_scheme="EXTERNAL_MANAGED",
            name=f"{p}-http",
            port_range="80",
            project=project,
            target=http_proxy.id,
            opts=child,
        )
        self.url = Output.from_input(f"https://{args.domain}")
        self.ip_address = address.address
        self.register_outputs({"url": self.url, "ipAddress": self.ip_address})
