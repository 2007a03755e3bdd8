"""Typed configuration shared by the Apex projects (mirrors infra/lib/src/config.cc)."""
from dataclasses import dataclass
from typing import NoReturn, Optional

import pulumi

CONFIG_NAMESPACE = "apex"


def invalid_config(key: str, problem: str) -> NoReturn:
    full = key if ":" in key else f"{CONFIG_NAMESPACE}:{key}"
    raise pulumi.RunError(f"Invalid configuration '{full}': {problem} (in Pulumi.{pulumi.get_stack()}.yaml)")


def require_one_of(key: str, allowed: list[str]) -> str:
    value = pulumi.Config(CONFIG_NAMESPACE).require(key)
    if value not in allowed:
        invalid_config(key, f"'{value}' is not one of {', '.join(allowed)}")
    return value


def require_int_in_range(key: str, low: int, high: int) -> int:
    value = pulumi.Config(CONFIG_NAMESPACE).require_int(key)
    if value < low or value > high:
        invalid_config(key, f"{value} is outside {low}..{high}")
    return value


def get_int_in_range(key: str, fallback: int, low: int, high: int) -> int:
    value = pulumi.Config(CONFIG_NAMESPACE).get_int(key)
    if value is None:
        return fallback
    if value < low or value > high:
        invalid_config(key, f"{value} is outside {low}..{high}")
    return value


def get_bool(key: str, fallback: bool) -> bool:
    value = pulumi.Config(CONFIG_NAMESPACE).get_bool(key)
    return fallback if value is None else value


@dataclass
class CommonConfig:
    gcp_project: str
    region: str
    environment: str
    cost_center: str
    stack_organization: str

    @property
    def is_prod(self) -> bool:
        return self.environment == "prod"


def load_common_config() -> CommonConfig:
    gcp = pulumi.Config("gcp")
    apex = pulumi.Config(CONFIG_NAMESPACE)
    common = CommonConfig(
        gcp_project=gcp.require("project"),
        region=gcp.require("region"),
        environment=require_one_of("environment", ["dev", "staging", "prod"]),
        cost_center=apex.require("costCenter"),
        stack_organization=apex.get("stackOrganization") or "organization",
    )
    if common.environment != pulumi.get_stack():
        invalid_config("environment", f"'{common.environment}' does not match the stack '{pulumi.get_stack()}'")
    return common


def referenced_stack(common: CommonConfig, project: str) -> str:
    """apex:<short>Stack when set, else <stackOrganization>/<project>/<this stack>."""
    short = project[len("apex-"):] if project.startswith("apex-") else project
    explicit: Optional[str] = pulumi.Config(CONFIG_NAMESPACE).get(f"{short}Stack")
    return explicit or f"{common.stack_organization}/{project}/{pulumi.get_stack()}"
